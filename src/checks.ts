/**
 * Checks for what a host hands the finder: attributes, properties, the
 * configuration and filters. They are written by hand, not with zod, because
 * they run as each option is set, so they are in the script every page loads
 * before the search box works, where zod would cost more than all of them
 * (issue 8); zod checks directory data, which loads with the first search.
 *
 * A check tells where a value first goes wrong, and its type is the type of
 * what it accepts: each option's type comes from its check, never from a
 * second description of the same shape.
 */

/** Where a value first goes wrong (`[]`: the value itself, `['disciplines', 1]`: inside it), or `undefined` if nowhere. */
export interface Check<T> {
  (value: unknown): PropertyKey[] | undefined;
  /** What the check accepts, for TypeScript only: never set. */
  readonly accepts?: T;
}

/** The type of what a check accepts. */
export type Checked<C> = C extends Check<infer T> ? T : never;

/** A value this test accepts, as a whole. */
export function holds<T>(test: (value: unknown) => boolean): Check<T> {
  return (value) => (test(value) ? undefined : []);
}

export const text = holds<string>((value) => typeof value === 'string');

export const flag = holds<boolean>((value) => typeof value === 'boolean');

export const positiveNumber = holds<number>(
  (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
);

/** One of these words. */
export function oneOf<const Values extends readonly string[]>(values: Values): Check<Values[number]> {
  return holds((value) => (values as readonly unknown[]).includes(value));
}

/** A list each of whose items passes `item`. */
export function listOf<T>(item: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return [];
    for (const [index, each] of value.entries()) {
      const path = item(each);
      if (path) return [index, ...path];
    }
    return undefined;
  };
}

/** An object whose keys the table names, each optional; in the order of the table, then any key it does not name. */
export function fields<Table extends Record<string, Check<unknown>>>(
  table: Table,
): Check<{ [Key in keyof Table]?: Checked<Table[Key]> }> {
  return (value) => {
    if (!isObject(value)) return [];
    for (const [key, check] of Object.entries(table)) {
      const path = value[key] === undefined ? undefined : check(value[key]);
      if (path) return [key, ...path];
    }
    const unknown = Object.keys(value).find((key) => !Object.hasOwn(table, key));
    return unknown === undefined ? undefined : [unknown];
  };
}

/** An object, not `null` or a list. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
