// The shape of one audit rule: its id, the exact rule it applies (documented from this object),
// the files it reads, and the check itself, a pure function of the audit context.

import type { CheckCategory, CheckStatus, RuleResult } from '../model/readiness.js';
import type { AuditContext } from './audit-context.js';

export interface ReadinessRule {
  /** `category.name`, stable: cited in JSON, SARIF, exemptions and docs. */
  id: string;
  category: CheckCategory;
  title: string;
  /** When each status is given, in words; docs/audit-checks.md prints these. */
  rule: Partial<Record<CheckStatus, string>>;
  /** The general fix, shown when the check warns or fails. */
  fix: string;
  /** The checks of other tools this one covers (see docs/readiness.md). */
  anchors?: string[];
  /** Whether the rule needs the content of the file at `path`. */
  reads: (path: string) => boolean;
  /** Whether the rule needs the first bytes of the file at `path` (to tell binaries). */
  sniffs?: (path: string) => boolean;
  /** Whether the rule reports the size of the file at `path`. */
  measures?: (path: string) => boolean;
  check: (context: AuditContext) => RuleResult[];
}

export function makeResult(
  status: CheckStatus,
  file: string | null,
  lines: readonly number[],
  evidence: readonly string[],
  fix?: string,
): RuleResult {
  const result: RuleResult = {
    status,
    file,
    lines: [...new Set(lines)].sort((a, b) => a - b),
    evidence: [...evidence],
  };
  if (fix !== undefined) result.fix = fix;
  return result;
}
