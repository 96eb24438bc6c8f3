import { ServiceError } from '../../host/errors.js';
import { type Problem, RoomsProblem } from './problem.js';

/**
 * The bridge from the Rooms cores' refusals to the host's error answer: the ACS envelope with
 * the service's `details`, and the `x-ms-error-code` header the service sends.
 */

/**
 * The host error of a refusal.
 *
 * @example
 * ```ts
 * throw toServiceError(ROOM_NOT_FOUND);
 * ```
 */
export function toServiceError(problem: Problem): ServiceError {
  return new ServiceError(problem.status, problem.code, problem.message, {
    ...(problem.details === undefined ? {} : { details: problem.details }),
    headers: { 'x-ms-error-code': problem.code },
  });
}

/**
 * Runs a handler body, turning a {@link RoomsProblem} into the host's error answer.
 *
 * @example
 * ```ts
 * handle: (request, ctx) => answering(() => getRoom(request, ctx)),
 * ```
 */
export function answering<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RoomsProblem) throw toServiceError(error.problem);
    throw error;
  }
}
