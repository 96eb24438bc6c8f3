import { ACS_SCOPES } from '../../host/auth/scopes.js';
import { badRequest } from '../../host/errors.js';
import { MAX_TOKEN_LIFETIME_IN_MINUTES } from '../../host/options-schema.js';

/**
 * Validation of the identity request bodies, with the service's rules: scopes from the `Scope`
 * enum, `expiresInMinutes` an integer from 60 to 1440 (the lower bound can be lowered for demos).
 */

/**
 * Validates a scope list: an array of known scopes, non-empty when `required`. Duplicates are
 * dropped, order kept.
 *
 * @example
 * ```ts
 * validateScopes(['chat', 'voip'], 'scopes', true); // ['chat', 'voip']
 * validateScopes(['nope'], 'scopes', true); // throws 400 InvalidScopes
 * ```
 */
export function validateScopes(value: unknown, name: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw badRequest('InvalidScopes', `${name} must be an array of scopes.`);
  if (value.length === 0 && required) throw badRequest('InvalidScopes', `${name} must not be empty.`);
  const scopes = new Set<string>();
  for (const scope of value) {
    if (typeof scope !== 'string' || !ACS_SCOPES.has(scope)) {
      throw badRequest(
        'InvalidScopes',
        `${name} contains ${typeof scope === 'string' ? `'${scope.slice(0, 40)}'` : `a ${typeof scope}`}; allowed: ${[...ACS_SCOPES].join(', ')}.`,
      );
    }
    scopes.add(scope);
  }
  return [...scopes];
}

/**
 * Validates `expiresInMinutes`: absent → 1440, else an integer in [minimum, 1440].
 *
 * @example
 * ```ts
 * validateExpiresInMinutes(undefined, 60); // 1440
 * validateExpiresInMinutes(59, 60); // throws 400 InvalidExpiresInMinutes
 * ```
 */
export function validateExpiresInMinutes(value: unknown, minimumInMinutes: number): number {
  if (value === undefined || value === null) return MAX_TOKEN_LIFETIME_IN_MINUTES;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < minimumInMinutes ||
    value > MAX_TOKEN_LIFETIME_IN_MINUTES
  ) {
    throw badRequest(
      'InvalidExpiresInMinutes',
      `expiresInMinutes must be an integer from ${minimumInMinutes} to ${MAX_TOKEN_LIFETIME_IN_MINUTES}.`,
    );
  }
  return value;
}
