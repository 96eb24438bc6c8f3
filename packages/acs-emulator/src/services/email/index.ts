import { defineService, type HostView } from '../../host/service.js';
import { completeIfDue } from './completion.js';
import type { EmailOperation } from './operation.js';
import { getEmailOperation } from './operation-route.js';
import { listEmailMessages } from './outbox-route.js';
import { sendEmail } from './send-route.js';

/**
 * Email (`@azure/communication-email`): the long-running send, a captured outbox and delivery
 * reports.
 *
 * @example
 * ```ts
 * export const SERVICES = [identity, chat, email, …];
 * ```
 */
export const service = defineService({
  name: 'email',
  apiVersions: ['2023-03-31', '2024-07-01-preview', '2025-01-15-preview', '2025-09-01'],
  collections: ['operations', 'outbox', 'running'],
  routes: [sendEmail, getEmailOperation, listEmailMessages],
  start(host: HostView) {
    return startSweep(host);
  },
});

const SWEEP_INTERVAL_IN_MS = 250;

/**
 * Completes due operations nobody polls, so their delivery reports still go out. It reads the
 * small `email.running` index, not every operation.
 */
function startSweep(host: HostView): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || host.store.read('email.running').size === 0) return;
    running = true;
    host
      .transaction('email', (ctx) => {
        const operations = ctx.state.collection<EmailOperation>('email.operations');
        for (const id of ctx.state.collection<true>('email.running').keys()) {
          const operation = operations.get(id);
          if (operation !== undefined) completeIfDue(ctx, operation);
        }
      })
      .catch((error: unknown) =>
        host.log(`email sweep failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_IN_MS);
  timer.unref();
  return () => clearInterval(timer);
}
