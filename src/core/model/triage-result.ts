// What triage concludes about one report: a verdict citing rules, severity claimed versus assessed,
// a priority with its reasons, and a draft reply for a human to send.

import type { DependencyFinding } from './dependency.js';
import type { DuplicateCandidate } from './duplicate.js';
import type { EvidenceSummary } from './evidence.js';
import type { Fact } from './fact.js';
import type { Report, ReportIdentifiers } from './report.js';
import type { WorkLimit } from './work-limit.js';
import type { OutOfScopeDisposition, RequirementName } from './security-profile.js';

export type Verdict =
  | 'in-scope'
  | 'out-of-scope'
  | 'needs-review'
  | 'needs-info'
  | 'undetermined'
  | 'duplicate'
  | 'invalid';

export type SeverityRating = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

/** A condition key of a rule that held, with the facts that made it hold. */
export interface ConditionEvidence {
  key: string;
  detail: string;
  /** `strong`: stated as a precondition of the attack, or cited code; `weak`: a mention only. */
  strength: 'strong' | 'weak';
  facts: Fact[];
}

export interface RuleMatch {
  ruleId: string;
  kind: 'in-scope' | 'out-of-scope';
  statement: string;
  /** Out-of-scope rules only. */
  disposition: OutOfScopeDisposition | null;
  /** As strong as the weakest of its conditions: strong beats weak when rules conflict. */
  strength: 'strong' | 'weak';
  /**
   * How specific the evidence the rule holds on is, 0 to 3: 3 for a precondition of the attack (what
   * the attacker controls or needs, a required setting, the versions, the paths, a named exclusion),
   * 2 for the impact or weakness, 1 for the attack vector, 0 for where the code is. When an in-scope
   * and an out-of-scope rule both hold strongly, the more specific one decides.
   */
  specificity: number;
  evidence: ConditionEvidence[];
}

/** The name of something a report should contain (a profile requirement or the AI disclosure). */
export type ExpectedItem = RequirementName | 'ai-disclosure';

export interface RequirementCheck {
  name: ExpectedItem;
  level: 'required' | 'recommended';
  isPresent: boolean;
  /** Why: the section or fact that satisfied it, or what is lacking. */
  reason: string;
}

export interface ClaimedSeverity {
  source: 'cvss' | 'words';
  rating: Exclude<SeverityRating, 'unknown'>;
  score: number | null;
  vector: string | null;
  quote: string;
}

export interface AssessedSeverity {
  rating: SeverityRating;
  score: number | null;
  vector: string | null;
  reasons: string[];
  /**
   * Why the rating is `unknown`, when the rules could not rate it: the report shows nothing (no
   * steps, trace or patch), or it shows the problem but states no vector and no impact.
   */
  unratedBecause?: 'nothing-shown' | 'no-facts';
}

export type SeverityComparison = 'overstated' | 'understated' | 'consistent' | 'not-comparable';

/** What the severity model read from the text, and how it compares with the claim. */
export interface ModelSeverity {
  basis: 'claimed' | 'claimed-adjusted' | 'predicted' | 'range' | 'unknown';
  rating: SeverityRating;
  score: number | null;
  vector: string | null;
  range: { lowest: string; highest: string } | null;
  /** Metric by metric, where the claimed vector and the text disagree. */
  disagreements: string[];
}

/** The assessed severity in the project's own words, when the profile defines levels. */
export interface ProjectSeverity {
  level: string | null;
  description: string | null;
  range: { lowest: string; highest: string } | null;
  showsCvss: boolean;
  reason: string;
}

export interface SeverityAssessment {
  claimed: ClaimedSeverity | null;
  assessed: AssessedSeverity;
  comparison: SeverityComparison;
  /** Set when the severity model ran on the report. */
  model?: ModelSeverity;
  /** Set when the profile defines its own severity levels. */
  project?: ProjectSeverity;
}

export interface Priority {
  /** 0 to 100, higher first. */
  score: number;
  reasons: string[];
}

export interface TriageResult {
  report: Report;
  facts: Fact[];
  verdict: Verdict;
  /** Which step of the verdict precedence decided (docs/verdicts.md), in words. */
  basis: string;
  /** Ids of the rules the verdict cites. */
  rules: string[];
  ruleMatches: RuleMatch[];
  /** Required items the report lacks (needs-info lists these). */
  missing: ExpectedItem[];
  requirements: RequirementCheck[];
  components: string[];
  versionSupport: 'supported' | 'unsupported' | 'unknown';
  severity: SeverityAssessment;
  priority: Priority;
  reply: string;
  /** What the repository says about the report's code claims; null when no repository was given. */
  evidence: EvidenceSummary | null;
  /** The earlier report or advisory this one duplicates (verdict `duplicate`), else null. */
  duplicateOf: string | null;
  /** Candidates from the duplicate index, best first, with their evidence (empty without an index). */
  duplicates: DuplicateCandidate[];
  /** Bounds on the work for this report that were reached (empty for ordinary reports). */
  limits: WorkLimit[];
  /** For the maintainer, not the reporter: the verdict's basis, the revision checked, the channel. */
  notes: string[];
  /** The ids the report is known by, and those it only mentions with their relation. */
  identifiers: ReportIdentifiers;
  /**
   * The dependency guard's findings on what the report's diffs add (manifests, lockfiles and
   * imports), as facts for the contribution guard and the inbox; null when it holds no diff or
   * the check was not run.
   */
  dependencies: DependencyFacts | null;
}

/** What the dependency guard found in the dependencies a report or pull request adds. */
export interface DependencyFacts {
  /** Distinct packages the diffs add. */
  dependencies: number;
  findings: DependencyFinding[];
}
