export type { SigningInput } from './string-to-sign.js';
export {
  authorizationHeader,
  EMPTY_CONTENT_HASH,
  SIGNED_HEADERS,
  signedParts,
  stringToSign,
} from './string-to-sign.js';
