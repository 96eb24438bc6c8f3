/**
 * Long-running operations of the Phone Numbers service (`PhoneNumberOperation`), stored in
 * `phone-numbers.operations` keyed by id (`search_<id>`, `purchase_<id>`, `release_<id>`) and
 * answered by `GET /phoneNumbers/operations/{operationId}`. An operation is `running` until its
 * due time (created + the emulator option `operationDelayInMs`, default 0), then shows its outcome.
 */

/**
 * The operation types the emulator runs.
 *
 * @example
 * ```ts
 * const type: OperationType = 'search';
 * ```
 */
export type OperationType = 'search' | 'purchase' | 'releasePhoneNumber';

/**
 * An operation as stored.
 *
 * @example
 * ```ts
 * collections(ctx).operations.get('search_…'); // OperationRecord | undefined
 * ```
 */
export interface OperationRecord {
  readonly id: string;
  readonly operationType: OperationType;
  readonly status: 'succeeded' | 'failed';
  /** Path (with api-version) of the result, for searches. */
  readonly resourceLocation: string | null;
  readonly createdTimestamp: number;
  /** When it completes (`createdTimestamp` + `operationDelayInMs`). */
  readonly dueTimestamp: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The wire form of an operation at `now`.
 *
 * @example
 * ```ts
 * toOperationModel(record, Date.now()); // { id, operationType, status, resourceLocation, createdDateTime, lastActionDateTime }
 * ```
 */
export function toOperationModel(operation: OperationRecord, nowTimestamp: number): Record<string, unknown> {
  const done = nowTimestamp >= operation.dueTimestamp;
  return {
    id: operation.id,
    operationType: operation.operationType,
    status: done ? operation.status : 'running',
    resourceLocation: operation.resourceLocation,
    createdDateTime: new Date(operation.createdTimestamp).toISOString(),
    lastActionDateTime: new Date(done ? operation.dueTimestamp : operation.createdTimestamp).toISOString(),
    ...(done && operation.error !== undefined ? { error: operation.error } : {}),
  };
}
