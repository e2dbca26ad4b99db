// Reads the fields of an advisory JSON object one by one, recording an issue with the field's
// path for every problem and returning the value only when it holds: types, one-line and size
// limits, control characters, ids, http(s) URLs and dates.

import { advisoryLimits } from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';
import {
  describeJsonType,
  isJsonObject,
  joinPath,
  type JsonObject,
} from '../report/read-json-value.js';
import { normaliseAdvisoryTimestamp } from './normalise-advisory-timestamp.js';

const idPattern = /^[A-Za-z0-9_][A-Za-z0-9._:-]*$/;
// C0 controls other than tab, newline and carriage return; DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlPattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface FieldReader {
  issues: ParseIssue[];
  fail(path: string, message: string): undefined;
  object(value: unknown, path: string, keys: readonly string[]): JsonObject | undefined;
  list<T>(
    value: unknown,
    path: string,
    readItem: (item: unknown, path: string) => T | undefined,
    limit?: number,
  ): T[];
  nullable<T>(
    value: unknown,
    path: string,
    readValue: (item: unknown, path: string) => T | undefined,
  ): T | null;
  choice<T extends string>(value: unknown, path: string, choices: readonly T[]): T | undefined;
  /** One line of text (no line breaks, no control characters), at most `max` characters. */
  line(value: unknown, path: string, max: number): string | undefined;
  /** Multi-line text (no control characters other than tab and line breaks). */
  text(value: unknown, path: string, max: number): string | undefined;
  identifier(value: unknown, path: string): string | undefined;
  identifierText(value: unknown, path: string): string | undefined;
  url(value: unknown, path: string): string | undefined;
  timestamp(value: unknown, path: string): string | undefined;
}

export function createFieldReader(issues: ParseIssue[]): FieldReader {
  const fail = (path: string, message: string): undefined => {
    issues.push({ path, message });
    return undefined;
  };
  const string = (value: unknown, path: string): string | undefined => {
    if (value === undefined) return fail(path, 'missing');
    return typeof value === 'string'
      ? value
      : fail(path, `expected a string, got ${describeJsonType(value)}`);
  };
  const text = (value: unknown, path: string, max: number): string | undefined => {
    const found = string(value, path);
    if (found === undefined) return undefined;
    if (found.length > max) {
      return fail(
        path,
        `${found.length} characters is over the limit of ${max}; shorten it (link a longer write-up in references)`,
      );
    }
    const control = controlPattern.exec(found);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
      return fail(path, `control character U+${code.toUpperCase()} at offset ${control.index}`);
    }
    return found;
  };
  const reader: FieldReader = {
    issues,
    fail,
    object(value, path, keys) {
      if (value === undefined) return fail(path, 'missing');
      if (!isJsonObject(value))
        return fail(path, `expected an object, got ${describeJsonType(value)}`);
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) fail(joinPath(path, key), 'unknown field');
      }
      return value;
    },
    list(value, path, readItem, limit = advisoryLimits.listItems) {
      if (value === undefined) return fail(path, 'missing (use [] for none)') ?? [];
      if (!Array.isArray(value))
        return fail(path, `expected an array, got ${describeJsonType(value)}`) ?? [];
      if (value.length > limit)
        return fail(path, `${value.length} items is over the limit of ${limit}`) ?? [];
      const items: Array<NonNullable<ReturnType<typeof readItem>>> = [];
      (value as unknown[]).forEach((item, index) => {
        const read = readItem(item, joinPath(path, index));
        if (read !== undefined && read !== null) items.push(read);
      });
      return items;
    },
    nullable(value, path, readValue) {
      if (value === null) return null;
      if (value === undefined) return fail(path, 'missing (use null for none)') ?? null;
      return readValue(value, path) ?? null;
    },
    choice(value, path, choices) {
      const found = string(value, path);
      if (found === undefined) return undefined;
      if ((choices as readonly string[]).includes(found)) return found as (typeof choices)[number];
      return fail(path, `"${found.slice(0, 60)}" is not one of ${choices.join(', ')}`);
    },
    line(value, path, max) {
      const found = text(value, path, max);
      if (found !== undefined && /[\r\n\u2028\u2029]/.test(found))
        return fail(path, 'must be one line');
      return found;
    },
    text,
    identifier(value, path) {
      const found = reader.line(value, path, advisoryLimits.identifier);
      if (found !== undefined && !idPattern.test(found)) {
        return fail(
          path,
          `"${found.slice(0, 60)}" is not an id (letters, digits, and . _ : - only)`,
        );
      }
      return found;
    },
    identifierText(value, path) {
      const found = reader.line(value, path, advisoryLimits.identifier);
      if (found !== undefined && found.trim() === '')
        return fail(path, 'must not be empty (use null)');
      return found;
    },
    url(value, path) {
      const found = reader.line(value, path, 2048);
      if (found === undefined) return undefined;
      return isWebUrl(found) ? found : fail(path, `"${found.slice(0, 80)}" is not an http(s) URL`);
    },
    timestamp(value, path) {
      const found = reader.line(value, path, 40);
      if (found === undefined) return undefined;
      return (
        normaliseAdvisoryTimestamp(found) ??
        fail(path, `"${found}" is not a date or an ISO 8601 date-time such as 2026-11-09T07:15:48Z`)
      );
    },
  };
  return reader;
}

/** An absolute http(s) URL without spaces. */
export function isWebUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/?#]\S*$/i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}
