import type { ChatEvent } from './events.js';

/**
 * What a chat operation needs from outside the state: the time, the caller, the identity store's
 * verdict on a participant, fresh ids, and where its events go. Handlers build one per request;
 * tests build one by hand, with a fixed clock.
 */

/** Whether a raw id can join a thread of this resource. */
export type IdentityStatus = 'ok' | 'notFound' | 'forbidden';

/** The environment of one chat operation. */
export interface ChatEnv {
  /** Epoch ms of this request (the emulator clock). */
  readonly now: number;
  /** Raw id of the caller (the token's identity). */
  readonly callerId: string;
  /** `ok`: an existing communication user of this resource; `notFound`: one that does not exist; `forbidden`: anything else. */
  identityStatus(rawId: string): IdentityStatus;
  /** A fresh thread id. */
  newThreadId(): string;
  /** Publishes an event once the change is durable. */
  emit(event: ChatEvent): void;
  /** Whether an event of this type goes anywhere (absent: always); events nobody wants need not be built. */
  wants?(type: string): boolean;
}
