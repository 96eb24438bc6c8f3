/**
 * The long-running send operation (`EmailSendResult`): `Running` when accepted, `Succeeded` once
 * the emulator has "delivered" the mail (on the first poll, or by the background sweep).
 */

/** The stored operation. */
export interface EmailOperation {
  readonly id: string;
  readonly status: 'NotStarted' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled';
  /** ISO 8601. */
  readonly createdAt: string;
  readonly completedAt?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Seconds a client should wait before polling a non-terminal operation again. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * The wire body of an operation (EmailSendResult).
 *
 * @example
 * ```ts
 * operationBody({ id: 'x', status: 'Running', createdAt: '…' }); // { id: 'x', status: 'Running' }
 * ```
 */
export function operationBody(operation: EmailOperation): { id: string; status: string; error?: unknown } {
  return {
    id: operation.id,
    status: operation.status,
    ...(operation.error === undefined ? {} : { error: operation.error }),
  };
}

/**
 * Whether the status is terminal (no `retry-after`, the poller stops).
 *
 * @example
 * ```ts
 * isTerminal('Succeeded'); // true
 * ```
 */
export function isTerminal(status: EmailOperation['status']): boolean {
  return status === 'Succeeded' || status === 'Failed' || status === 'Canceled';
}

/**
 * The operation once delivered.
 *
 * @example
 * ```ts
 * completed(operation, Date.now()).status; // 'Succeeded'
 * ```
 */
export function completed(operation: EmailOperation, nowTimestamp: number): EmailOperation {
  return { ...operation, status: 'Succeeded', completedAt: new Date(nowTimestamp).toISOString() };
}
