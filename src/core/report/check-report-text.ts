// Refuses report text that no parser should spend time on: empty, too large, or binary.

import type { ParseIssue } from '../model/parse-result.js';
import { reportLimits } from './report-limits.js';

/** Refuses text longer than the limit, before anything reads it. */
export function checkReportSize(length: number): ParseIssue | null {
  if (length <= reportLimits.maxTextLength) return null;
  return {
    message: `report too large (${length} characters > ${reportLimits.maxTextLength / 1024 / 1024} MiB limit)`,
  };
}

/** The first reason the text cannot be a report, or null when it can be parsed. */
export function checkReportText(text: string): ParseIssue | null {
  const tooLarge = checkReportSize(text.length);
  if (tooLarge !== null) return tooLarge;
  const nul = text.slice(0, reportLimits.binarySniffLength).indexOf('\0');
  if (nul !== -1)
    return { message: `binary content, not a text report (NUL character at offset ${nul})` };
  if (text.trim() === '') return { message: 'empty report' };
  return null;
}
