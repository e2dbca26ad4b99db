// Refuses dependency-file text no parser should spend time on: too large, binary, or empty.

import type { ParseIssue } from '../model/parse-result.js';

export const dependencyFileLimits = {
  /** Longest manifest, lockfile or diff accepted, in UTF-16 code units (64 MiB of ASCII). */
  maxTextLength: 64 * 1024 * 1024,
  /** Only this many leading characters are searched for NUL (binary content). */
  binarySniffLength: 8 * 1024,
  /** Most dependencies read from one file; a real lockfile has a few thousand. */
  maxDependencies: 200_000,
} as const;

/** The first reason the text cannot be a dependency file, or null when it can be parsed. */
export function checkDependencyText(text: string): ParseIssue | null {
  if (text.length > dependencyFileLimits.maxTextLength) {
    return {
      message: `too large (${text.length} characters > ${dependencyFileLimits.maxTextLength / 1024 / 1024} MiB limit)`,
    };
  }
  const nul = text.slice(0, dependencyFileLimits.binarySniffLength).indexOf('\0');
  if (nul !== -1) return { message: `binary content, not text (NUL character at offset ${nul})` };
  return null;
}
