// The bounds a report's size alone decides: headings are looked for in its first 512 KiB, and the
// duplicate matcher reads its first 100,000 characters. Said in the output when a report is larger.

import { maxMatchingChars } from '../duplicates/normalize-for-matching.js';
import type { Report } from '../model/report.js';
import type { WorkLimit } from '../model/work-limit.js';
import { reportLimits } from './report-limits.js';

export function describeReadingLimits(
  report: Report,
  options: { isMatched: boolean },
): WorkLimit[] {
  const limits: WorkLimit[] = [];
  const length = report.body.length;
  if (length > reportLimits.maxStructuredLength) {
    limits.push({
      scope: 'structure',
      limit: reportLimits.maxStructuredLength,
      message: `headings were looked for in the first ${reportLimits.maxStructuredLength} characters only (the report has ${length})`,
    });
  }
  if (options.isMatched && length > maxMatchingChars) {
    limits.push({
      scope: 'matching',
      limit: maxMatchingChars,
      message: `duplicate matching read the first ${maxMatchingChars} characters only (the report has ${length})`,
    });
  }
  return limits;
}
