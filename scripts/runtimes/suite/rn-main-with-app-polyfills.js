// The React Native entry of an app that adds what the library asks for where React Native lacks
// it: a TextEncoder polyfill (fast-text-encoding, the package the library's error names) and
// SHA-256/HMAC-SHA256 for signing (@noble/hashes, passed as the signing option `crypto`).
// Otherwise the same as rn-main.js, which it then runs.
import './rn-globals.js';
import 'fast-text-encoding';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

globalThis.acsSmokeSigningOptions = {
  crypto: { sha256: (data) => sha256(data), hmacSha256: (key, data) => hmac(sha256, key, data) },
};
require('./rn-main.js');
