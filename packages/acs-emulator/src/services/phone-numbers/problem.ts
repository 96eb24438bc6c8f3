/**
 * A refusal as the Phone Numbers service words it (recorded answers of the real service:
 * `{"error":{"code":"NotFound","message":"Input phoneNumber +1… cannot be found.","target":"phonenumber"}}`).
 */

/**
 * A refusal: what the route answers in the ACS error envelope.
 *
 * @example
 * ```ts
 * const problem: Problem = { status: 404, code: 'NotFound', message: 'Input phoneNumber +1… cannot be found.', target: 'phonenumber' };
 * ```
 */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/**
 * Thrown by the cores; the routes turn it into the host's error answer.
 *
 * @example
 * ```ts
 * try { checkPhoneNumber('x'); } catch (error) { if (error instanceof PhoneNumbersProblem) error.problem.target; } // 'phonenumber'
 * ```
 */
export class PhoneNumbersProblem extends Error {
  override readonly name = 'PhoneNumbersProblem';
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

/**
 * Throws a {@link PhoneNumbersProblem}.
 *
 * @example
 * ```ts
 * refuse(404, 'NotFound', 'Input phoneNumber +18005550199 cannot be found.', 'phonenumber');
 * ```
 */
export function refuse(status: number, code: string, message: string, target?: string): never {
  throw new PhoneNumbersProblem({ status, code, message, ...(target === undefined ? {} : { target }) });
}

/**
 * The service's 404 for a number the resource does not own.
 *
 * @example
 * ```ts
 * numberNotFound('+18005550199'); // throws 404 NotFound, target 'phonenumber'
 * ```
 */
export function numberNotFound(phoneNumber: string): never {
  return refuse(404, 'NotFound', `Input phoneNumber ${phoneNumber} cannot be found.`, 'phonenumber');
}
