// One line per parse issue, for problem lists and CLI output: `path: message (line 3, column 7)`.

import type { ParseIssue } from '../model/parse-result.js';

export function formatParseIssue(issue: ParseIssue): string {
  const place =
    issue.line === undefined
      ? ''
      : ` (line ${issue.line}${issue.column === undefined ? '' : `, column ${issue.column}`})`;
  return `${issue.path ? `${issue.path}: ` : ''}${issue.message}${place}`;
}
