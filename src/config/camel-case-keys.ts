// Renames kebab-case object keys to camelCase, deeply, so a file's YAML shape maps onto a core
// model without hand-written field copying. Values are never touched.

type CamelCase<Key extends string> = Key extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Key;

/** The type of `value` after `camelCaseKeys`: same shape, camelCase keys. */
export type CamelCaseKeys<T> = T extends readonly (infer Item)[]
  ? CamelCaseKeys<Item>[]
  : T extends object
    ? { [Key in keyof T as Key extends string ? CamelCase<Key> : Key]: CamelCaseKeys<T[Key]> }
    : T;

function camelCaseKey(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Copies plain objects and arrays with camelCase keys; keys whose value is `undefined` are dropped. */
export function camelCaseKeys<T>(value: T): CamelCaseKeys<T> {
  return renameKeys(value) as CamelCaseKeys<T>;
}

function renameKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => [camelCaseKey(key), renameKeys(item)]);
  return Object.fromEntries(entries);
}
