/** UTF-8 encoding through the Web platform (TextEncoder), the same in Node and every browser. */
const encoder = /* @__PURE__ */ new TextEncoder();

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}
