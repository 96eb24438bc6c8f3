/**
 * The few things that differ between Node and browsers. `node.ts` and `browser.ts` both satisfy
 * this interface (checked at compile time); the package.json `imports` map picks one by the
 * `node` condition, so no module sniffs its platform at run time.
 *
 * Wherever `data` may be a string, the string stands for its UTF-8 bytes.
 */
export interface PlatformModule {
  /** base64(SHA-256(data)). */
  sha256Base64(data: Uint8Array | string): Promise<string>;
  /**
   * base64(HMAC-SHA256(key, data)). Callers that sign repeatedly should pass the same `key`
   * array each time: per-key preparation (the imported WebCrypto `CryptoKey`) is cached by identity.
   */
  hmacSha256Base64(key: Uint8Array, data: Uint8Array | string): Promise<string>;
  /**
   * The content hash of `body` (base64 SHA-256; `emptyContentHash` when `body` is undefined) and
   * the signature base64(HMAC-SHA256(key, stringToSignOf(contentHash))), in one asynchronous
   * step: request signing needs both, one after the other.
   */
  hashAndSign(
    key: Uint8Array,
    body: Uint8Array | string | undefined,
    emptyContentHash: string,
    stringToSignOf: (contentHash: string) => string,
  ): Promise<[contentHash: string, signature: string]>;
  /** An environment variable, or `undefined` where there is no environment (browsers). */
  readEnvironment(name: string): string | undefined;
  /** Where log lines go when the application has not set its own sink. */
  writeLogLine(level: 'error' | 'warning' | 'info' | 'verbose', line: string): void;
}
