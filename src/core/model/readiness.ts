// The shapes of `thresher audit`: a snapshot of the repository's files, the rules that read it,
// and the check results they give (status, file, lines, evidence, fix).

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type CheckCategory =
  'policy' | 'security-txt' | 'ai-policy' | 'profile' | 'workflows' | 'dependencies' | 'artefacts';

/** One regular file of the repository, with its content when a rule asked for it. */
export interface SnapshotFile {
  /** POSIX path relative to the repository root. */
  path: string;
  /** Bytes; measured only for files a rule reads, sniffs or measures. */
  size?: number;
  /** The UTF-8 text, when a rule needs the content and the file is text within the size cap. */
  text?: string;
  /** The first bytes, for files whose name does not say whether they are binary. */
  head?: Uint8Array;
  /** Why a requested content is missing. */
  unread?: 'too-large' | 'not-utf8' | 'unreadable';
}

export interface RepoSnapshot {
  /** Sorted by path. */
  files: readonly SnapshotFile[];
  byPath: ReadonlyMap<string, SnapshotFile>;
}

/** What one rule found in one place. */
export interface RuleResult {
  status: CheckStatus;
  /** The file the result is about; null when it is about the absence of files. */
  file: string | null;
  /** 1-based lines of `file` the evidence cites. */
  lines: number[];
  evidence: string[];
  /** A fix specific to this result; the rule's general fix otherwise. */
  fix?: string;
}

/** An exemption from the profile, as it applied (or failed to apply) to a result. */
export interface AppliedExemption {
  reason: string;
  expires: string;
  isExpired: boolean;
  /** The status the check had before the exemption. */
  originalStatus: CheckStatus;
}

export interface CheckResult {
  id: string;
  category: CheckCategory;
  title: string;
  status: CheckStatus;
  file: string | null;
  lines: number[];
  evidence: string[];
  /** How to fix it; null when the check passes or is skipped. */
  fix: string | null;
  exemption?: AppliedExemption;
}

export interface AuditSummary {
  pass: number;
  warn: number;
  fail: number;
  skip: number;
}

export interface AuditReport {
  checks: CheckResult[];
  summary: AuditSummary;
}
