// A project's security profile: its policy, what a report must contain, and its threat model with
// in- and out-of-scope rules. The YAML file uses kebab-case keys; this model uses camelCase.

export type AttackVector = 'network' | 'adjacent' | 'local' | 'physical';
export type PrivilegesRequired = 'none' | 'low' | 'high';
export type UserInteraction = 'none' | 'passive' | 'active';
export type ImpactKind =
  | 'code-execution'
  | 'memory-corruption'
  | 'privilege-escalation'
  | 'auth-bypass'
  | 'information-disclosure'
  | 'denial-of-service'
  | 'bounded-resource-consumption'
  | 'hardening-bypass';
export type OutOfScopeDisposition = 'not-a-vulnerability' | 'regular-bug' | 'hardening';
export type InputTrust = 'untrusted' | 'trusted';
export type AiDisclosurePolicy = 'required' | 'recommended' | 'optional';

/**
 * The things a report can be asked to contain: the one list that the profile schema, the report
 * fields and the completeness check take their names from.
 */
export const requirementNames = [
  'affected-version',
  'affected-component',
  'reproduction',
  'impact',
  'proposed-patch',
  'test-case',
  'severity',
  'weakness',
] as const;

export type RequirementName = (typeof requirementNames)[number];

/** A rule's condition: it holds when every listed fact holds (an absent key is not checked). */
export interface RuleCondition {
  attackVector?: AttackVector[];
  privilegesRequired?: PrivilegesRequired[];
  userInteraction?: UserInteraction[];
  /** Open vocabulary; the extractor knows environment, config-file, command-line,
   * network-request, file-content and local-file-system. */
  attackerControls?: string[];
  requiresConfig?: string[];
  components?: string[];
  /** Globs: holds when every path the report cites matches one of them. */
  pathsOnly?: string[];
  versions?: 'supported' | 'unsupported';
  impact?: ImpactKind[];
  /** Normalised `CWE-<n>` ids. */
  cwe?: string[];
  /** Phrases the report says about the problem (whole words, any case, not denied). */
  mentions?: string[];
  /** Call patterns (`yaml.load(Loader=UnsafeLoader)`): holds when the caller's code makes such a call. */
  calls?: string[];
}

export interface ScopeRule {
  id: string;
  statement: string;
  when: RuleCondition;
  /** Out-of-scope rules only; defaults to `not-a-vulnerability`. */
  disposition?: OutOfScopeDisposition;
}

export interface ThreatComponent {
  id: string;
  paths: string[];
  input: InputTrust;
  description?: string;
}

export type SecurityContact =
  | { type: 'email'; address: string }
  | { type: 'url'; url: string }
  | { type: 'github-pvr'; url?: string };

/** A `thresher audit` check accepted for now; it stops applying after `expires` (YYYY-MM-DD). */
export interface AuditExemption {
  id: string;
  /** A glob; only results for matching files are exempt. */
  file?: string;
  reason: string;
  expires: string;
}

/** `latest...` keywords are resolved to ranges against the repository's release tags. */
export type SupportedVersionsKeyword = 'latest' | 'latest-minor' | 'latest-major';

export type Bounty = 'none' | { url: string; description?: string };

export interface SeverityLevel {
  id: string;
  description: string;
  /** The CVSS base scores the level covers, when the project maps CVSS onto its levels. */
  cvss?: { min: number; max: number };
  /** The facts that put a report at this level, for projects that rate without CVSS. */
  when?: RuleCondition;
}

export interface SeverityScale {
  /** False when the project does not use CVSS: ratings are given in its own levels only. */
  cvss: boolean;
  /** Highest first. */
  levels: SeverityLevel[];
}

export interface SecurityProfile {
  version: 1;
  project: { name: string; repository?: string };
  policy: {
    contact: SecurityContact[];
    /** Absent numbers are not promised in replies. */
    response: { acknowledgeDays?: number; triageDays?: number; disclosureDays?: number };
    /**
     * Semver ranges; a version outside all of them is unsupported. Empty = all supported. A
     * keyword is resolved against release tags when a repository is given (else undecided).
     */
    supportedVersions: string[] | SupportedVersionsKeyword;
    /** Absent: the profile does not say. */
    bounty?: Bounty;
  };
  reportRequirements: {
    required: RequirementName[];
    recommended: RequirementName[];
    aiDisclosure: AiDisclosurePolicy;
  };
  threatModel: {
    components: ThreatComponent[];
    inScope: ScopeRule[];
    outOfScope: ScopeRule[];
  };
  /** The project's own severity scale; absent: CVSS ratings. */
  severity?: SeverityScale;
  /** Audit checks accepted for now; absent in profiles built by hand. */
  exemptions?: AuditExemption[];
}

/**
 * Profiles parsed and validated before, keyed by their text (a port: the file cache is in
 * adapters/profile-cache). Only valid profiles are written; reading never throws (a miss is
 * `undefined`).
 */
export interface ProfileCache {
  read(text: string): Promise<SecurityProfile | undefined>;
  write(text: string, profile: SecurityProfile): Promise<void>;
}
