// Runs every audit rule over a repository snapshot and applies the profile's exemptions: a
// current exemption turns a warning or failure into a skip that says why; an expired one does not
// apply and is shown as such.

import picomatch from 'picomatch';
import type {
  AuditReport,
  CheckResult,
  RepoSnapshot,
  RuleResult,
  SnapshotFile,
} from '../model/readiness.js';
import type { AuditExemption } from '../model/security-profile.js';
import { createAuditContext, type ProfileParser } from './audit-context.js';
import type { ReadinessRule } from './readiness-rule.js';
import { readinessRules } from './readiness-rules.js';

export interface AuditInput {
  snapshot: RepoSnapshot;
  now: Date;
  parseProfile: ProfileParser;
}

/** What the snapshot must hold: the contents and the first bytes the rules read. */
export interface SnapshotNeeds {
  readsContent: (path: string) => boolean;
  readsHead: (path: string) => boolean;
  readsSize: (path: string) => boolean;
}

export function describeSnapshotNeeds(
  rules: readonly ReadinessRule[] = readinessRules,
): SnapshotNeeds {
  return {
    readsContent: (path) => rules.some((rule) => rule.reads(path)),
    readsHead: (path) => rules.some((rule) => rule.sniffs?.(path) === true),
    readsSize: (path) => rules.some((rule) => rule.measures?.(path) === true),
  };
}

export function createRepoSnapshot(files: readonly SnapshotFile[]): RepoSnapshot {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, byPath: new Map(sorted.map((file) => [file.path, file])) };
}

export function runAudit(
  input: AuditInput,
  rules: readonly ReadinessRule[] = readinessRules,
): AuditReport {
  const context = createAuditContext(
    input.snapshot,
    input.now,
    input.parseProfile,
    new Set(rules.map((rule) => rule.id)),
  );
  const checks = rules.flatMap((rule) =>
    rule.check(context).map((result) => toCheckResult(rule, result)),
  );
  const exemptions = context.validProfile?.exemptions ?? [];
  const applied = checks.map((check) => applyExemption(check, exemptions, context.today));
  const summary = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of applied) summary[check.status] += 1;
  return { checks: applied, summary };
}

function toCheckResult(rule: ReadinessRule, result: RuleResult): CheckResult {
  const needsFix = result.status === 'warn' || result.status === 'fail';
  return {
    id: rule.id,
    category: rule.category,
    title: rule.title,
    status: result.status,
    file: result.file,
    lines: result.lines,
    evidence: result.evidence,
    fix: needsFix ? (result.fix ?? rule.fix) : null,
  };
}

function applyExemption(
  check: CheckResult,
  exemptions: readonly AuditExemption[],
  today: string,
): CheckResult {
  if (check.status !== 'warn' && check.status !== 'fail') return check;
  const exemption = exemptions.find(
    (candidate) =>
      candidate.id === check.id &&
      (candidate.file === undefined ||
        (check.file !== null && picomatch.isMatch(check.file, candidate.file, { dot: true }))),
  );
  if (exemption === undefined) return check;
  const isExpired = exemption.expires < today;
  const applied = {
    reason: exemption.reason,
    expires: exemption.expires,
    isExpired,
    originalStatus: check.status,
  };
  return isExpired
    ? { ...check, exemption: applied }
    : { ...check, status: 'skip', exemption: applied };
}
