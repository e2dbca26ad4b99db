// Turns zod's issues into messages a profile author can act on: the field's own words, what was
// found, what is allowed, and "did you mean" for misspelt keys. One zod issue may become several.

import * as z from 'zod';
import type { PathTarget } from './locate-yaml-path.js';
import { suggestClosestKey } from './suggest-closest-key.js';

export interface SchemaProblem {
  message: string;
  path: PropertyKey[];
  target: PathTarget;
}

// Field names that read better as a noun in "unknown <noun> ...".
const fieldNouns: Record<string, string> = {
  required: 'requirement',
  recommended: 'requirement',
  input: 'input trust',
};

/** Describes one zod issue; `data` is what was validated and `schema` the object schema used. */
export function describeSchemaIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  schema: z.ZodType,
): SchemaProblem[] {
  const path = [...issue.path];
  const missingKey = findMissingKey(data, path);
  if (missingKey !== undefined && issue.code !== 'unrecognized_keys') {
    return [{ path, target: 'value', message: describeMissingKey(missingKey, issue) }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        target: 'key',
        message: describeUnknownKey(key, knownKeysAt(schema, path)),
      }));
    case 'invalid_type':
      return [{ path, target: 'value', message: describeInvalidType(issue, data) }];
    case 'invalid_value':
      return [
        {
          path,
          target: 'value',
          message: describeInvalidValue(issue.values, valueAt(data, path), path),
        },
      ];
    case 'invalid_union':
      return [{ path, target: 'value', message: describeInvalidUnion(issue, data) }];
    default:
      return [{ path, target: 'value', message: issue.message }];
  }
}

function describeUnknownKey(key: string, knownKeys: string[]): string {
  const suggestion = suggestClosestKey(key, knownKeys);
  if (suggestion !== undefined) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
  if (knownKeys.length === 0) return `unknown key "${key}"`;
  return `unknown key "${key}" (expected one of: ${knownKeys.join(', ')})`;
}

// A discriminated union also names the values its discriminator key may take.
function describeMissingKey(key: string, issue: z.core.$ZodIssue): string {
  const allowed = issue.code === 'invalid_union' && 'options' in issue ? issue.options : undefined;
  if (allowed === undefined) return `missing required key "${key}"`;
  return `missing required key "${key}" (one of: ${allowed.map(String).join(', ')})`;
}

function describeInvalidType(issue: z.core.$ZodIssueInvalidType, data: unknown): string {
  return `expected ${describeExpected(issue.expected)}, got ${describeValue(valueAt(data, issue.path))}`;
}

function describeInvalidValue(
  allowed: readonly unknown[],
  found: unknown,
  path: PropertyKey[],
): string {
  const [only] = allowed;
  if (allowed.length === 1) return `expected ${JSON.stringify(only)}, got ${describeValue(found)}`;
  const expected = `expected one of: ${allowed.map(String).join(', ')}`;
  if (typeof found !== 'string') return `${expected}; got ${describeValue(found)}`;
  return `unknown ${nounFor(path)} "${found}" (${expected})`;
}

function describeInvalidUnion(issue: z.core.$ZodIssueInvalidUnion, data: unknown): string {
  const allowed = 'options' in issue ? issue.options : undefined;
  if (issue.discriminator === undefined || allowed === undefined) return issue.message;
  return describeInvalidValue(allowed, valueAt(data, issue.path), issue.path);
}

function nounFor(path: PropertyKey[]): string {
  const field =
    path.findLast((segment): segment is string => typeof segment === 'string') ?? 'value';
  return fieldNouns[field] ?? field;
}

function describeExpected(expected: string): string {
  const phrases: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
  };
  return phrases[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return typeof value;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function findMissingKey(data: unknown, path: readonly PropertyKey[]): string | undefined {
  const key = path.at(-1);
  if (typeof key !== 'string') return undefined;
  const parent = valueAt(data, path.slice(0, -1));
  return isRecord(parent) && !Object.hasOwn(parent, key) ? key : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment] as unknown;
    else if (isRecord(value) && typeof segment === 'string' && Object.hasOwn(value, segment))
      value = value[segment];
    else return undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Walks the schema along a data path to list the keys the object found there accepts; a union
// contributes the keys of all its options.
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let candidates = [schema];
  for (const segment of path) {
    candidates = candidates
      .flatMap(unwrap)
      .flatMap((candidate) => childSchemas(candidate, segment));
  }
  const keys = candidates
    .flatMap(unwrap)
    .flatMap((candidate) => (candidate instanceof z.ZodObject ? Object.keys(candidate.shape) : []));
  return [...new Set(keys)];
}

function childSchemas(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  if (schema instanceof z.ZodArray && typeof segment === 'number')
    return [schema.element as z.ZodType];
  if (!(schema instanceof z.ZodObject) || typeof segment !== 'string') return [];
  const child = (schema.shape as Record<string, z.ZodType | undefined>)[segment];
  return child === undefined ? [] : [child];
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(unwrap);
  return [schema];
}
