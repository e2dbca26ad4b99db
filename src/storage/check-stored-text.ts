// Checks text before it is stored, so that every implementation gives back exactly what it took:
// PostgreSQL cannot keep NUL characters and both databases store UTF-8, in which a lone UTF-16
// surrogate has no exact form. Such text is refused with an InputError naming the field.

import { InputError } from '../core/index.js';

/** Limits in UTF-16 code units: generous for real reports, a bound for hostile ones. */
export const storedTextLimits = {
  body: 16 * 1024 * 1024,
  message: 1024 * 1024,
  profile: 4 * 1024 * 1024,
  json: 32 * 1024 * 1024,
  advisory: 4 * 1024 * 1024,
  line: 10_000,
  name: 200,
} as const;

function findLoneSurrogate(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
      else return index;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return index;
    }
  }
  return -1;
}

export function checkText(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new InputError(`${field} must be text`);
  if (value.length > maxLength) {
    throw new InputError(`${field} is too long (${value.length} characters > ${maxLength})`);
  }
  const nul = value.indexOf('\0');
  if (nul !== -1) {
    throw new InputError(`${field} contains a NUL character (at ${nul}), which cannot be stored`);
  }
  const surrogate = findLoneSurrogate(value);
  if (surrogate !== -1) {
    throw new InputError(
      `${field} contains a lone UTF-16 surrogate (at ${surrogate}), which is not valid Unicode`,
    );
  }
  return value;
}

export function checkNonEmptyText(field: string, value: unknown, maxLength: number): string {
  const text = checkText(field, value, maxLength);
  if (text.trim() === '') throw new InputError(`${field} must not be empty`);
  return text;
}

export function checkOptionalText(field: string, value: unknown, maxLength: number): string | null {
  return value === null || value === undefined ? null : checkText(field, value, maxLength);
}

/** Any date-time JavaScript reads, as ISO 8601 UTC with milliseconds (sortable as text). */
export function checkTime(field: string, value: unknown): string {
  const time = typeof value === 'string' ? Date.parse(checkText(field, value, 100)) : Number.NaN;
  if (!Number.isFinite(time)) throw new InputError(`${field} must be an ISO 8601 date-time`);
  const iso = new Date(time).toISOString();
  // Years past 9999 print with a sign and would sort wrongly as text.
  if (!/^\d{4}-/.test(iso)) throw new InputError(`${field} must be between the years 0 and 9999`);
  return iso;
}

/** A JSON value as text; InputError when it cannot be stored exactly. */
export function encodeJson(field: string, value: unknown, maxLength: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InputError(`${field} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (text === undefined) throw new InputError(`${field} is not a JSON value`);
  // JSON.stringify escapes NUL and lone surrogates, so the text itself is always storable.
  return checkText(field, text, maxLength);
}

export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}
