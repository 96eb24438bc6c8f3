import type { IncomingHttpHeaders } from 'node:http';
import type { HmacSha256 } from './hmac-sha256.js';
import type { JwtSigner } from './jwt.js';
import type { IdentityStore } from './store.js';
import type { AcsTokenClaims, EntraTokenClaims } from './tokens.js';

/**
 * What request handlers see: the emulator's state and settings, the request, the outcome of
 * authentication, and what they answer.
 */

/** Everything a handler may use, fixed for the emulator's lifetime. */
export interface EmulatorContext {
  readonly resourceId: string;
  readonly store: IdentityStore;
  /** Resolves once every mutation made so far is durable (immediately without `--data`). */
  readonly commit: () => Promise<void>;
  /** HMAC-SHA256 with the decoded access key, prepared once. */
  readonly accessKeyHmac: HmacSha256;
  readonly acsSigner: JwtSigner;
  readonly entraSigner: JwtSigner;
  readonly now: () => number;
  readonly minTokenLifetimeInMinutes: number;
  readonly bodyLimitInBytes: number;
  readonly log: (message: string) => void;
}

/** A request after routing and body reading. */
export interface EmulatorRequest {
  readonly method: string;
  /** The request target exactly as received: path and query. */
  readonly target: string;
  /** Raw (still percent-encoded) path parameters. */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly remoteAddress: string | undefined;
}

/** Who the caller proved to be. */
export type AuthResult =
  | { readonly kind: 'hmac' }
  | { readonly kind: 'acsToken'; readonly claims: AcsTokenClaims }
  | { readonly kind: 'entraToken'; readonly claims: EntraTokenClaims }
  | { readonly kind: 'loopback' };

/** An answer: a status and an optional JSON body (a value, or JSON text already serialised). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** The body as JSON text, for hot paths that write it directly; takes precedence over `body`. */
  readonly json?: string;
}

/** A route handler. */
export type Handler = (context: EmulatorContext, request: EmulatorRequest, auth: AuthResult) => Reply | Promise<Reply>;
