// A fact extracted from a report, with the text span it came from so a human can see why.

import type { TextSpan } from './report.js';

export type FactKind =
  | 'attack-vector' // network | adjacent | local | physical
  | 'privileges-required' // none | low | high
  | 'user-interaction' // none | passive | active
  | 'attacker-controls' // environment | config-file | command-line | network-request | file-content | local-file-system
  | 'requires-config' // debug | a named non-default option or build flag
  | 'impact' // ImpactKind
  | 'cwe' // CWE-<n>
  | 'cvss-vector' // the full vector string, e.g. CVSS:3.1/AV:N/...
  | 'claimed-severity' // critical | high | medium | low | none
  | 'version' // an affected version or range as written (1.2.3, <=2.4.1, v2.0.0-rc1)
  | 'commit' // a commit hash the report names (7 to 40 hex digits, lower-cased)
  | 'file-path' // src/http/parser.c (as written, without :line)
  | 'line-reference' // src/http/parser.c:120 or src/x.c#L10-L20
  | 'function' // a function, method or class name: parse_header, Parser.readChunk
  | 'module' // a dotted name in the project's own package: twisted.web.static.File
  | 'api-call' // a call in the caller's code: yaml.load(<expression>, Loader=yaml.Loader)
  | 'code-block' // a fenced code block; value is its info string or 'text'
  | 'diff' // a unified diff (proposed patch); value is the first file it touches
  | 'ai-use' // used | not-used; the AI disclosure statement
  | 'reproduction-steps' // numbered steps or a PoC command; value summarises
  | 'mention'; // a phrase of a profile rule's `mentions` the report says (made by scope evaluation)

/**
 * Whose action or condition a fact describes: the attacker's ("the attacker sets X", "a malicious
 * server sends"), the reporter's own steps ("I started it with --opt", a PoC command), or the
 * user's own choice ("when the user passes --insecure", "if the operator enables X").
 */
export type FactActor = 'attacker' | 'reporter' | 'user';

/** `inferred`: not stated by the report but predicted from its text by the severity model. */
export type FactOrigin = 'structure' | 'prose' | 'inferred';

export interface Fact {
  kind: FactKind;
  value: string;
  /**
   * `structure` when it came from a known section/field or a machine format; `prose` otherwise;
   * `inferred` when the severity model predicted it (the span is the text that weighed most).
   */
  origin: FactOrigin;
  span: TextSpan;
  /** The text of the span (cut to 200 characters) so output can show why without the body. */
  quote: string;
  /** True when the sentence only speculates ("could lead to RCE", "may allow"): a claim, not a finding. */
  isSpeculative?: boolean;
  /** For preconditions (who controls, needs or configures what): whose it is; absent when the text does not say. */
  actor?: FactActor;
  /** Inferred facts only: the model's calibrated probability of `value`. */
  confidence?: number;
}
