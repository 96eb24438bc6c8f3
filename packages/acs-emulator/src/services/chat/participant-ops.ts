import { openThread } from './access.js';
import type { ChatEnv } from './env.js';
import { participantAdded, participantRemoved } from './events.js';
import { rawIdOfModel } from './identifiers.js';
import { type Page, pageAt } from './paging.js';
import { type InvalidParticipant, type ParticipantInput, readParticipants } from './participants-input.js';
import { membershipKey, type ParticipantRecord, type ParticipantSnapshot, participantKey } from './records.js';
import type { ChatState } from './state.js';
import { joinAll } from './thread-ops.js';
import { appendMessage } from './timeline.js';
import { type WireParticipant, wireParticipant } from './wire.js';

/**
 * Participant transitions: list (join order), add (already present → no change; refused ones
 * reported as `invalidParticipants`), remove (the removed user loses access at once; removing
 * someone who is not there is a no-op). Adds and removes write `participantAdded` /
 * `participantRemoved` messages, initiated by the caller.
 */

function snapshotOf(record: ParticipantRecord): ParticipantSnapshot {
  const { threadId: _t, addedOn: _a, ...snapshot } = record;
  return snapshot;
}

/**
 * A page of the thread's participants.
 *
 * @example
 * ```ts
 * listParticipants(state, threadId, callerId, { skip: 0, size: 20 }).value;
 * ```
 */
export function listParticipants(
  state: ChatState,
  threadId: string,
  callerId: string,
  query: { readonly skip: number; readonly size: number },
): Page<WireParticipant, number> {
  const { thread } = openThread(state, threadId, callerId);
  const members = state.rosters.get(thread.id)?.members ?? [];
  const page = pageAt(members, query.skip, query.size);
  const value: WireParticipant[] = [];
  for (const rawId of page.value) {
    const record = state.participants.get(participantKey(thread.id, rawId));
    if (record !== undefined) value.push(wireParticipant(snapshotOf(record)));
  }
  return { value, ...(page.next === undefined ? {} : { next: page.next }) };
}

/**
 * Adds participants. Returns the refused ones (`AddChatParticipantsResult.invalidParticipants`).
 *
 * @example
 * ```ts
 * addParticipants(state, threadId, [{ communicationIdentifier: { communicationUser: { id } } }], env); // []
 * ```
 */
export function addParticipants(
  state: ChatState,
  threadId: string,
  inputs: readonly ParticipantInput[],
  env: ChatEnv,
): InvalidParticipant[] {
  const { thread } = openThread(state, threadId, env.callerId);
  const { accepted, invalid } = readParticipants(inputs, 'participants', env);
  const joining = accepted.filter((p) => state.participants.get(participantKey(thread.id, p.rawId)) === undefined);
  if (joining.length > 0) {
    joinAll(state, thread.id, joining, env.now);
    const { thread: updated } = appendMessage(
      state,
      thread,
      { type: 'participantAdded', participants: joining, initiatorId: env.callerId },
      env.now,
    );
    for (const participant of joining) env.emit(participantAdded(updated, env.callerId, participant, env.now));
  }
  return invalid;
}

/**
 * Removes a participant (`CommunicationIdentifierModel` body). A participant may remove itself.
 *
 * @example
 * ```ts
 * removeParticipant(state, threadId, { communicationUser: { id } }, env);
 * ```
 */
export function removeParticipant(state: ChatState, threadId: string, model: unknown, env: ChatEnv): void {
  const { thread } = openThread(state, threadId, env.callerId);
  const rawId = rawIdOfModel(model, 'body');
  const key = participantKey(thread.id, rawId);
  const record = state.participants.get(key);
  if (record === undefined) return;
  state.participants.delete(key);
  state.memberships.delete(membershipKey(rawId, thread.id));
  const members = state.rosters.get(thread.id)?.members ?? [];
  state.rosters.put(thread.id, { members: members.filter((member) => member !== rawId) });
  const snapshot = snapshotOf(record);
  const { thread: updated } = appendMessage(
    state,
    thread,
    { type: 'participantRemoved', participants: [snapshot], initiatorId: env.callerId },
    env.now,
  );
  env.emit(participantRemoved(updated, env.callerId, snapshot, env.now));
}
