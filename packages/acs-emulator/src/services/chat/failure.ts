import { ServiceError } from '../../host/errors.js';

/**
 * The chat core's errors: an HTTP status, the service's error code and a message (sent to the
 * client, so never a secret), with the JSON path of the offending input when there is one. They
 * are host `ServiceError`s, so the host answers them in the ACS error envelope.
 *
 * @example
 * ```ts
 * throw new ChatFailure(404, 'NotFound', 'The chat thread does not exist.');
 * ```
 */
export class ChatFailure extends ServiceError {
  constructor(status: number, code: string, message: string, target?: string) {
    super(status, code, message, target === undefined ? {} : { target });
    this.name = 'ChatFailure';
  }
}

/**
 * 400 `InvalidRequest` naming the input and how to fix it.
 *
 * @example
 * ```ts
 * throw invalid('topic must not be empty.', 'topic');
 * ```
 */
export function invalid(message: string, target?: string): ChatFailure {
  return new ChatFailure(400, 'InvalidRequest', message, target);
}

/**
 * 403 `Forbidden`, the service's answer to a caller who may not act on a thread or message.
 *
 * @example
 * ```ts
 * throw forbidden('The caller is not a participant of the thread.');
 * ```
 */
export function forbidden(message: string): ChatFailure {
  return new ChatFailure(403, 'Forbidden', message);
}

/**
 * 404 `NotFound`.
 *
 * @example
 * ```ts
 * throw notFound('The chat thread does not exist.');
 * ```
 */
export function notFound(message: string): ChatFailure {
  return new ChatFailure(404, 'NotFound', message);
}
