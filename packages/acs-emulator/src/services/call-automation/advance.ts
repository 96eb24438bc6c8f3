import { Draft, type ModelEnv, type Transition } from './draft.js';
import { connectStep, invitationStep, removalStep, transferStep } from './lifecycle.js';
import { mediaStep } from './media.js';
import type { CallRecord, Step } from './model.js';
import { dtmfSentStep } from './participant-controls.js';

/**
 * The clock of the simulation: applies every step of a call that is due at `env.now`, earliest
 * first (ties in scheduling order), including steps that those steps schedule for "now".
 */

const MAX_STEPS_PER_ADVANCE = 10_000;

/**
 * Applies the due steps of `call`; `outgoing` holds their events in the order they happened.
 *
 * @example
 * ```ts
 * const { call: next, outgoing } = advance(call, { ...env, now: Date.now() });
 * ```
 */
export function advance(call: CallRecord, env: ModelEnv): Transition {
  const draft = new Draft(call, env);
  for (let applied = 0; applied < MAX_STEPS_PER_ADVANCE; applied++) {
    const step = firstDue(draft.call.steps, env.now);
    if (step === undefined) break;
    draft.set({ steps: draft.call.steps.filter((s) => s.seq !== step.seq) });
    apply(draft, step);
  }
  return draft.done();
}

/**
 * When the next step of `call` is due (epoch ms), or undefined when nothing is pending.
 *
 * @example
 * ```ts
 * nextDueAt(call); // 1764580000050
 * ```
 */
export function nextDueAt(call: CallRecord): number | undefined {
  let due: number | undefined;
  for (const step of call.steps) if (due === undefined || step.dueAt < due) due = step.dueAt;
  return due;
}

function firstDue(steps: readonly Step[], now: number): Step | undefined {
  let first: Step | undefined;
  for (const step of steps) {
    if (step.dueAt > now) continue;
    if (first === undefined || step.dueAt < first.dueAt || (step.dueAt === first.dueAt && step.seq < first.seq)) {
      first = step;
    }
  }
  return first;
}

function apply(draft: Draft, step: Step): void {
  if (draft.call.state === 'disconnected') return;
  switch (step.type) {
    case 'connect':
      connectStep(draft);
      break;
    case 'invitation':
      invitationStep(draft, step.invitationId);
      break;
    case 'removal':
      removalStep(draft, step);
      break;
    case 'transfer':
      transferStep(draft);
      break;
    case 'media':
      mediaStep(draft, step.operationId);
      break;
    case 'dtmfSent':
      dtmfSentStep(draft, step);
      break;
  }
}
