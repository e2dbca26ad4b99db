// Refuses text that cannot be a profile before any YAML parsing: too large, empty, or binary.

import { findLineAndColumn, type ParseIssue } from '../core/triage.js';

/** The largest profile accepted, in UTF-8 bytes. */
export const maxProfileBytes = 1024 * 1024;

/** The first reason `text` cannot be a profile, or undefined when it may be one. */
export function findTextProblem(text: string): ParseIssue | undefined {
  if (isTooLarge(text)) return { message: 'the profile is larger than 1 MiB' };
  if (text.trim() === '') return { message: 'the profile is empty' };
  const index = findUnreadableCharacter(text);
  if (index === -1) return undefined;
  return { message: describeUnreadable(text.charCodeAt(index)), ...findLineAndColumn(text, index) };
}

// Each UTF-16 unit is at least one UTF-8 byte, so the exact count is only needed near the limit.
function isTooLarge(text: string): boolean {
  if (text.length > maxProfileBytes) return true;
  if (text.length * 3 <= maxProfileBytes) return false;
  return new TextEncoder().encode(text).length > maxProfileBytes;
}

// C0/C1 controls other than tab, newline, carriage return and YAML's U+0085, plus U+FFFD (what a
// lossy decoder leaves for invalid UTF-8) and the non-characters U+FFFE and U+FFFF.
function isUnreadable(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return code !== 0x85;
  return code >= 0xfffd && code <= 0xffff;
}

function findUnreadableCharacter(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    if (isUnreadable(text.charCodeAt(index))) return index;
  }
  return -1;
}

function describeUnreadable(code: number): string {
  if (code === 0) return 'the profile contains a NUL byte; is it a binary file?';
  if (code === 0xfffd)
    return 'the profile is not valid UTF-8 text (found a U+FFFD replacement character)';
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return `the profile contains the control character U+${hex}; is it a binary file?`;
}
