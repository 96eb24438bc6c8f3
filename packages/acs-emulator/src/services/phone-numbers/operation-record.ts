/**
 * Long-running operations of the Phone Numbers service (`PhoneNumberOperation`), stored in
 * `phone-numbers.operations` keyed by id (`search_<id>`, `purchase_<id>`, `release_<id>`) and
 * answered by `GET /phoneNumbers/operations/{operationId}`. The emulator's operations complete
 * when they are created, so the first poll sees their final status.
 */

/** The operation types the emulator runs. */
export type OperationType = 'search' | 'purchase' | 'releasePhoneNumber';

/** An operation as stored. */
export interface OperationRecord {
  readonly id: string;
  readonly operationType: OperationType;
  readonly status: 'succeeded' | 'failed';
  /** Path (with api-version) of the result, for searches. */
  readonly resourceLocation: string | null;
  readonly createdTimestamp: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The wire form of an operation.
 *
 * @example
 * ```ts
 * toOperationModel(record); // { id, operationType, status, resourceLocation, createdDateTime, lastActionDateTime }
 * ```
 */
export function toOperationModel(operation: OperationRecord): Record<string, unknown> {
  const at = new Date(operation.createdTimestamp).toISOString();
  return {
    id: operation.id,
    operationType: operation.operationType,
    status: operation.status,
    resourceLocation: operation.resourceLocation,
    createdDateTime: at,
    lastActionDateTime: at,
    ...(operation.error === undefined ? {} : { error: operation.error }),
  };
}
