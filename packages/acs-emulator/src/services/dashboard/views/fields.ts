/**
 * Reading other services' stored records without depending on their types: each view picks the
 * fields it shows by name and tolerates a record that lacks one (the field shows as null). The
 * dashboard is read-only over the store, so a service changing its record shape degrades a column,
 * never the emulator.
 */

/** A stored record, as the dashboard sees it. */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * The value as a record, or an empty one.
 *
 * @example
 * ```ts
 * fields({ id: 'x' }).id; // 'x'
 * ```
 */
export function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

/**
 * The first of `names` that holds a string.
 *
 * @example
 * ```ts
 * text({ topic: 'hi' }, 'topic', 'name'); // 'hi'
 * ```
 */
export function text(record: Fields, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string') return value;
  }
  return null;
}

/**
 * The first of `names` that holds a finite number.
 *
 * @example
 * ```ts
 * count({ attempts: 2 }, 'attempts'); // 2
 * ```
 */
export function count(record: Fields, ...names: string[]): number | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/**
 * The first of `names` that holds a boolean.
 *
 * @example
 * ```ts
 * flag({ pstnDialOutEnabled: false }, 'pstnDialOutEnabled'); // false
 * ```
 */
export function flag(record: Fields, ...names: string[]): boolean | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'boolean') return value;
  }
  return null;
}

/**
 * A time as ISO 8601: the first of `names` holding epoch ms or a date string.
 *
 * @example
 * ```ts
 * time({ createdOn: 0 }, 'createdOn'); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export function time(record: Fields, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'number' && Number.isFinite(value)) return iso(value);
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  return null;
}

/**
 * Epoch ms → ISO 8601 (null for an impossible date).
 *
 * @example
 * ```ts
 * iso(0); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export function iso(timestamp: number): string | null {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The first of `names` that holds an array.
 *
 * @example
 * ```ts
 * list({ to: ['a'] }, 'to'); // ['a']
 * ```
 */
export function list(record: Fields, ...names: string[]): readonly unknown[] {
  for (const name of names) {
    const value = record[name];
    if (Array.isArray(value)) return value;
  }
  return [];
}

/**
 * An identifier as a raw id: a string, or `{rawId}`, or `{communicationUser:{id}}`,
 * `{phoneNumber:{value}}`, `{address}` (email), `{to}` (SMS recipient), `{id}`.
 *
 * @example
 * ```ts
 * rawId({ rawId: '8:acs:r_1' }); // '8:acs:r_1'
 * ```
 */
export function rawId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const record = fields(value);
  const direct = text(record, 'rawId', 'address', 'to', 'id', 'value');
  if (direct !== null) return direct;
  const user = text(fields(record.communicationUser), 'id');
  if (user !== null) return user;
  const phone = text(fields(record.phoneNumber), 'value');
  if (phone !== null) return phone;
  return text(fields(record.model), 'rawId');
}

/**
 * Raw ids of a list of identifiers (unrecognised entries dropped).
 *
 * @example
 * ```ts
 * rawIds([{ address: 'a@b.c' }, '8:acs:x']); // ['a@b.c', '8:acs:x']
 * ```
 */
export function rawIds(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const id = rawId(value);
    if (id !== null) out.push(id);
  }
  return out;
}
