/**
 * A refusal as the Rooms service words it, before it becomes an HTTP answer: status, code,
 * message, and the `details` the service adds for argument errors (recorded answers:
 * `{"code":"BadRequest","message":"The request could not be understood by the server due to
 * malformed syntax.","details":[{"code":"BadArgument","message":…,"target":"ValidUntil"}]}`).
 */

/**
 * One entry of `error.details`.
 *
 * @example
 * ```ts
 * const detail: ProblemDetail = { code: 'BadArgument', message: 'The time range end is in the past.', target: 'ValidUntil' };
 * ```
 */
export interface ProblemDetail {
  readonly code: string;
  readonly message: string;
  readonly target: string;
}

/**
 * A refusal: what the route answers in the ACS error envelope.
 *
 * @example
 * ```ts
 * const problem: Problem = badArgument('ValidUntil', 'The time range end is in the past.');
 * ```
 */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: readonly ProblemDetail[];
}

/**
 * The service's generic message of a 400 that carries argument details.
 *
 * @example
 * ```ts
 * badArgument('ValidUntil', '…').message === MALFORMED_SYNTAX; // true
 * ```
 */
export const MALFORMED_SYNTAX = 'The request could not be understood by the server due to malformed syntax.';

/**
 * A 400 `BadRequest` with one `BadArgument` detail.
 *
 * @example
 * ```ts
 * badArgument('ValidUntil', 'The time range end is in the past.');
 * // { status: 400, code: 'BadRequest', message: MALFORMED_SYNTAX, details: [{ code: 'BadArgument', … }] }
 * ```
 */
export function badArgument(target: string, message: string): Problem {
  return {
    status: 400,
    code: 'BadRequest',
    message: MALFORMED_SYNTAX,
    details: [{ code: 'BadArgument', message, target }],
  };
}

/**
 * A 400 `BadRequest` without details (the service's answer to a malformed id).
 *
 * @example
 * ```ts
 * badRequest('Invalid room ID length.');
 * ```
 */
export function badRequest(message: string): Problem {
  return { status: 400, code: 'BadRequest', message };
}

/**
 * The service's 404 for a room that does not exist (or was deleted).
 *
 * @example
 * ```ts
 * if (room === undefined) refuse(ROOM_NOT_FOUND); // 404 NotFound
 * ```
 */
export const ROOM_NOT_FOUND: Problem = {
  status: 404,
  code: 'NotFound',
  message: 'The server cannot find the requested resource.',
};

/**
 * Thrown by the cores; the routes turn it into the host's error answer.
 *
 * @example
 * ```ts
 * try { checkRoomId('x'); } catch (error) { if (error instanceof RoomsProblem) error.problem.status; } // 400
 * ```
 */
export class RoomsProblem extends Error {
  override readonly name = 'RoomsProblem';
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.details?.[0]?.message ?? problem.message);
    this.problem = problem;
  }
}

/**
 * Throws `problem` as a {@link RoomsProblem}.
 *
 * @example
 * ```ts
 * if (room === undefined) refuse(ROOM_NOT_FOUND);
 * ```
 */
export function refuse(problem: Problem): never {
  throw new RoomsProblem(problem);
}
