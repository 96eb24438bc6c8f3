/**
 * Argument checks of the identifier functions. Where 2.5.0 crashes natively on a value of the
 * wrong type (`Cannot read properties of null…`, `rawId.startsWith is not a function`), we throw a
 * `TypeError` too, but one that says which argument is wrong and what it must be.
 */

/** `"null"` or the `typeof` of a value, for messages. */
export const typeName = (value: unknown): string => (value === null ? 'null' : typeof value);

/**
 * Returns `identifier` unless it is `null` or `undefined` (2.5.0 crashes on those; any other
 * value, even a primitive, goes through as it does in 2.5.0). Every function that takes an
 * identifier runs a type guard first, so this one check covers them all; the message names the
 * argument, and the stack names the function.
 */
export function requireIdentifier<T>(identifier: T): NonNullable<T> {
  if (identifier == null) {
    throw new TypeError(`identifier must be a CommunicationIdentifier object, got ${typeName(identifier)}`);
  }
  return identifier;
}
