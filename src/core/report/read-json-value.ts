// Small hand-written checks for JSON report formats (core cannot use zod): each check records an
// issue with the field's path and returns the value only when it has the expected type.

import type { ParseIssue } from '../model/parse-result.js';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `severity.cvss`, `[2].title`, `affected-versions[1]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Collects issues while reading one JSON document. */
export interface JsonReader {
  issues: ParseIssue[];
  fail(path: string, message: string): undefined;
  /** A string, or undefined (with an issue when the value is present but not a string). */
  string(value: unknown, path: string): string | undefined;
  /** A string or an array of strings, as a list. */
  strings(value: unknown, path: string): string[] | undefined;
  object(value: unknown, path: string): JsonObject | undefined;
  array(value: unknown, path: string): unknown[] | undefined;
}

/**
 * Absent values (undefined) are never issues; `null` is accepted as absent when `allowNull` is
 * set, as GitHub's API sends null for empty fields.
 */
export function createJsonReader(options: { allowNull: boolean }): JsonReader {
  const issues: ParseIssue[] = [];
  const isAbsent = (value: unknown): boolean =>
    value === undefined || (options.allowNull && value === null);
  const fail = (path: string, message: string): undefined => {
    issues.push({ message, path });
    return undefined;
  };
  return {
    issues,
    fail,
    string(value, path) {
      if (isAbsent(value)) return undefined;
      if (typeof value === 'string') return value;
      return fail(path, `expected a string, got ${describeJsonType(value)}`);
    },
    strings(value, path) {
      if (isAbsent(value)) return undefined;
      if (typeof value === 'string') return [value];
      if (!Array.isArray(value))
        return fail(
          path,
          `expected a string or an array of strings, got ${describeJsonType(value)}`,
        );
      const list: string[] = [];
      value.forEach((item: unknown, index) => {
        if (typeof item === 'string') list.push(item);
        else fail(joinPath(path, index), `expected a string, got ${describeJsonType(item)}`);
      });
      return list;
    },
    object(value, path) {
      if (isAbsent(value)) return undefined;
      if (isJsonObject(value)) return value;
      return fail(path, `expected an object, got ${describeJsonType(value)}`);
    },
    array(value, path) {
      if (isAbsent(value)) return undefined;
      if (Array.isArray(value)) return value as unknown[];
      return fail(path, `expected an array, got ${describeJsonType(value)}`);
    },
  };
}

/** An ISO 8601 date or date-time, normalised to `toISOString()` form; undefined when not one. */
export function normaliseIsoDate(text: string): string | undefined {
  const isIsoLike =
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(
      text.trim(),
    );
  const time = isIsoLike ? Date.parse(text.trim()) : Number.NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
