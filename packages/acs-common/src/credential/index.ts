export type { Clock } from '../lib/clock.js';
export type { AbortSignalLike, AccessToken, GetTokenOptions, TokenCredential } from '../lib/core-auth-types.js';
export { AbortError, AcsError, type AcsErrorCode } from '../lib/errors.js';
export { getLogLevel, type LogLevel, type LogSink, setLogLevel, setLogSink } from '../lib/log.js';
export { AzureCommunicationTokenCredential } from './credential.js';
export { isAccessToken } from './parse-token.js';
export type {
  CommunicationGetTokenOptions,
  CommunicationTokenCredential,
  CommunicationTokenRefreshOptions,
  EntraCommunicationTokenCredentialOptions,
} from './types.js';
