/**
 * Body schemas: small composable validators that turn `unknown` JSON into typed values or a
 * message naming the JSON path that is wrong (`participants[1].id.communicationUser.id: must be a
 * string`). Routes declare one as their `body`; the host validates before the handler runs.
 */

/** A validator: the typed value, or a problem at a path. */
export interface Schema<T> {
  /** Validates `value` found at `path`; returns the (possibly normalised) value or throws `SchemaProblem`. */
  parse(value: unknown, path: string): T;
  /** Whether an absent member is acceptable (set by `optional`). */
  readonly optional?: boolean;
}

/** The value type of a schema. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * What is wrong and where; the host answers it as a 400 whose `target` is the path.
 *
 * @example
 * ```ts
 * try { s.string().parse(1, 'topic'); } catch (e) { (e as SchemaProblem).path; } // 'topic'
 * ```
 */
export class SchemaProblem extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path === '' ? 'The request body' : path}: ${problem}`);
    this.name = 'SchemaProblem';
    this.path = path;
  }
}

const at = (path: string, member: string | number) =>
  typeof member === 'number' ? `${path}[${member}]` : path === '' ? member : `${path}.${member}`;

/**
 * A string, with optional length bounds and pattern.
 *
 * @example
 * ```ts
 * s.string({ min: 1, max: 256 });
 * ```
 */
export function string(rules: { min?: number; max?: number; pattern?: RegExp; hint?: string } = {}): Schema<string> {
  return {
    parse(value, path) {
      if (typeof value !== 'string') throw new SchemaProblem(path, 'must be a string');
      if (rules.min !== undefined && value.length < rules.min) {
        throw new SchemaProblem(
          path,
          rules.min === 1 ? 'must not be empty' : `must be at least ${rules.min} characters`,
        );
      }
      if (rules.max !== undefined && value.length > rules.max) {
        throw new SchemaProblem(path, `must be at most ${rules.max} characters`);
      }
      if (rules.pattern !== undefined && !rules.pattern.test(value)) {
        throw new SchemaProblem(path, rules.hint ?? `must match ${rules.pattern.source}`);
      }
      return value;
    },
  };
}

/**
 * A finite number.
 *
 * @example
 * ```ts
 * s.number();
 * ```
 */
export function number(rules: { min?: number; max?: number } = {}): Schema<number> {
  return {
    parse(value, path) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SchemaProblem(path, 'must be a number');
      checkRange(value, rules, path);
      return value;
    },
  };
}

/**
 * An integer, with optional bounds.
 *
 * @example
 * ```ts
 * s.integer({ min: 1, max: 1440 });
 * ```
 */
export function integer(rules: { min?: number; max?: number } = {}): Schema<number> {
  return {
    parse(value, path) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw new SchemaProblem(path, 'must be an integer');
      checkRange(value, rules, path);
      return value;
    },
  };
}

function checkRange(value: number, rules: { min?: number; max?: number }, path: string): void {
  if (rules.min !== undefined && value < rules.min) throw new SchemaProblem(path, `must be at least ${rules.min}`);
  if (rules.max !== undefined && value > rules.max) throw new SchemaProblem(path, `must be at most ${rules.max}`);
}

/**
 * A boolean.
 *
 * @example
 * ```ts
 * s.boolean();
 * ```
 */
export function boolean(): Schema<boolean> {
  return {
    parse(value, path) {
      if (typeof value !== 'boolean') throw new SchemaProblem(path, 'must be true or false');
      return value;
    },
  };
}

/**
 * One of the given strings. With `{ caseInsensitive: true }` the canonical spelling is returned.
 *
 * @example
 * ```ts
 * s.literal('text', 'html');
 * ```
 */
export function literal<const T extends string>(...values: readonly T[]): Schema<T> {
  return literalOf(values, false);
}

/**
 * Like `literal`, but any letter case is accepted and the canonical spelling returned (ACS enums
 * are case-insensitive on the wire).
 *
 * @example
 * ```ts
 * s.enumOf(['Presenter', 'Attendee']).parse('presenter', 'role'); // 'Presenter'
 * ```
 */
export function enumOf<const T extends string>(values: readonly T[]): Schema<T> {
  return literalOf(values, true);
}

function literalOf<T extends string>(values: readonly T[], caseInsensitive: boolean): Schema<T> {
  const byLower = new Map(values.map((value) => [caseInsensitive ? value.toLowerCase() : value, value]));
  return {
    parse(value, path) {
      const found = typeof value === 'string' ? byLower.get(caseInsensitive ? value.toLowerCase() : value) : undefined;
      if (found === undefined)
        throw new SchemaProblem(path, `must be one of ${values.map((v) => `'${v}'`).join(', ')}`);
      return found;
    },
  };
}

/**
 * An array of items, with optional length bounds.
 *
 * @example
 * ```ts
 * s.array(s.string(), { min: 1, max: 100 });
 * ```
 */
export function array<T>(item: Schema<T>, rules: { min?: number; max?: number } = {}): Schema<T[]> {
  return {
    parse(value, path) {
      if (!Array.isArray(value)) throw new SchemaProblem(path, 'must be an array');
      if (rules.min !== undefined && value.length < rules.min) {
        throw new SchemaProblem(path, rules.min === 1 ? 'must not be empty' : `must have at least ${rules.min} items`);
      }
      if (rules.max !== undefined && value.length > rules.max) {
        throw new SchemaProblem(path, `must have at most ${rules.max} items`);
      }
      return value.map((entry, index) => item.parse(entry, at(path, index)));
    },
  };
}

type Shape = Readonly<Record<string, Schema<unknown>>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { readonly optional: true } ? K : never;
}[keyof S];
/** The object type of a shape: members whose schema is `optional(…)` may be absent. */
export type ObjectOf<S extends Shape> = {
  -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & {
  -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/**
 * A JSON object with the given members. Unknown members are ignored (as the services do) unless
 * `unknownKeys: 'reject'`.
 *
 * @example
 * ```ts
 * s.object({ topic: s.string({ min: 1 }), metadata: s.optional(s.record(s.string())) });
 * ```
 */
export function object<S extends Shape>(
  shape: S,
  rules: { unknownKeys?: 'allow' | 'reject' } = {},
): Schema<ObjectOf<S>> {
  const names = Object.keys(shape);
  return {
    parse(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new SchemaProblem(path, 'must be a JSON object');
      }
      const input = value as Record<string, unknown>;
      const output: Record<string, unknown> = {};
      for (const name of names) {
        const member = shape[name] as Schema<unknown>;
        const present = Object.hasOwn(input, name) && input[name] !== undefined;
        if (!present) {
          if (member.optional === true) continue;
          throw new SchemaProblem(at(path, name), 'is required');
        }
        output[name] = member.parse(input[name], at(path, name));
      }
      if (rules.unknownKeys === 'reject') {
        for (const name of Object.keys(input)) {
          if (!Object.hasOwn(shape, name)) throw new SchemaProblem(at(path, name), 'is not a known member');
        }
      }
      return output as ObjectOf<S>;
    },
  };
}

/**
 * An object whose member names are free and whose values follow one schema.
 *
 * @example
 * ```ts
 * s.record(s.string()); // metadata
 * ```
 */
export function record<T>(valueSchema: Schema<T>): Schema<Record<string, T>> {
  return {
    parse(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new SchemaProblem(path, 'must be a JSON object');
      }
      const output: Record<string, T> = {};
      for (const [name, member] of Object.entries(value)) output[name] = valueSchema.parse(member, at(path, name));
      return output;
    },
  };
}

/**
 * Marks a member as optional (absent or `undefined`).
 *
 * @example
 * ```ts
 * s.object({ topic: s.optional(s.string()) });
 * ```
 */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return { parse: (value, path) => (value === undefined ? undefined : inner.parse(value, path)), optional: true };
}

/**
 * Accepts `null` as well.
 *
 * @example
 * ```ts
 * s.nullable(s.string()); // merge-patch members: null removes
 * ```
 */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { parse: (value, path) => (value === null ? null : inner.parse(value, path)) };
}

/**
 * Anything (the handler checks it).
 *
 * @example
 * ```ts
 * s.unknown();
 * ```
 */
export function unknown(): Schema<unknown> {
  return { parse: (value) => value };
}

/**
 * A schema with an extra check after parsing.
 *
 * @example
 * ```ts
 * s.refine(s.string(), (v) => (v.startsWith('+') ? undefined : 'must start with +'));
 * ```
 */
export function refine<T>(inner: Schema<T>, check: (value: T) => string | undefined): Schema<T> {
  return {
    parse(value, path) {
      const parsed = inner.parse(value, path);
      const problem = check(parsed);
      if (problem !== undefined) throw new SchemaProblem(path, problem);
      return parsed;
    },
    ...(inner.optional === true ? { optional: true } : {}),
  };
}
