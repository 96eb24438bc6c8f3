import { ServiceError } from '../../host/errors.js';
import { PhoneNumbersProblem } from './problem.js';

/**
 * Runs a handler body, turning a {@link PhoneNumbersProblem} into the host's error answer (the
 * ACS envelope with the service's `target`).
 *
 * @example
 * ```ts
 * handle: (request, ctx) => answering(() => reply(200, purchasedNumber(ctx, request.params.phoneNumber ?? ''))),
 * ```
 */
export function answering<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PhoneNumbersProblem) {
      const { status, code, message, target } = error.problem;
      throw new ServiceError(status, code, message, target === undefined ? {} : { target });
    }
    throw error;
  }
}
