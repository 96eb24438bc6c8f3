/**
 * How many SMS segments a text takes: GSM 03.38 text goes 160 characters in one segment and 153 per
 * segment when split (extension characters count twice); anything else is UCS-2, 70 and 67.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

/**
 * The segment count of `message` (at least 1, as for an empty message).
 *
 * @example
 * ```ts
 * segmentCount('Hello world!'); // 1
 * segmentCount('x'.repeat(161)); // 2
 * segmentCount('héllo 👋'); // 1 (UCS-2)
 * ```
 */
export function segmentCount(message: string): number {
  let septets = 0;
  let gsm = true;
  for (const char of message) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = message.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
