import type { ChatEnv, IdentityStatus } from '../../../src/services/chat/env.js';
import type { ChatEvent } from '../../../src/services/chat/events.js';
import { type ChatState, chatState, mapTable } from '../../../src/services/chat/state.js';

/** A chat state over Maps, a settable clock and the events the operations emitted. */
export interface World {
  readonly state: ChatState;
  readonly events: ChatEvent[];
  now: number;
  /** The env of a call by `callerId`. */
  as(callerId: string): ChatEnv;
}

export const RESOURCE = '11111111-2222-3333-4444-555555555555';
export const ann = `8:acs:${RESOURCE}_ann`;
export const bob = `8:acs:${RESOURCE}_bob`;
export const cat = `8:acs:${RESOURCE}_cat`;
export const ghost = `8:acs:${RESOURCE}_ghost`;

/** A wire model of a raw id, as the official client sends it. */
export function user(rawId: string) {
  return { rawId, communicationUser: { id: rawId } };
}

export function world(start = Date.UTC(2024, 0, 1)): World {
  const known = new Set([ann, bob, cat]);
  let threads = 0;
  const w: World = {
    state: chatState(() => mapTable()),
    events: [],
    now: start,
    as(callerId) {
      return {
        now: w.now,
        callerId,
        identityStatus(rawId): IdentityStatus {
          if (known.has(rawId)) return 'ok';
          return rawId.startsWith(`8:acs:${RESOURCE}_`) ? 'notFound' : 'forbidden';
        },
        newThreadId: () => `19:thread${++threads}@thread.v2`,
        emit: (event) => {
          w.events.push(event);
        },
      };
    },
  };
  return w;
}
