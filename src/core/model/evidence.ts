// What a report claims about the code, and what the repository says about each claim.

import type { TextSpan } from './report.js';

export type CodeClaimKind =
  | 'file' // a path the report cites
  | 'line' // path:line or path#L10-L20 (with the quoted snippet when the report gives one)
  | 'symbol' // a function, method or class name
  | 'snippet' // code the report quotes (fenced block or quoted line) as being in the project
  | 'patch' // a unified diff the reporter proposes
  | 'revision'; // the version, tag or commit the report is about

export interface CodeClaim {
  kind: CodeClaimKind;
  /** As the report wrote it: `src/http/parser.c:120`, `parse_header`, the snippet, the diff. */
  text: string;
  /** Repository path for file/line claims, without `:line` (a leading repo folder may remain). */
  path?: string;
  /** 1-based first and last line for line claims. */
  lines?: { start: number; end: number };
  /** Symbol name for symbol claims (the last component of `Parser.readChunk` etc. is `name`). */
  symbol?: string;
  /** Where in the report body it was said. */
  span: TextSpan;
}

export type ClaimStatus = 'verified' | 'contradicted' | 'unverifiable';

export interface ClaimProof {
  /** One line a maintainer can read: "defined at src/http/parser.c:212 (v2.4.1)". */
  summary: string;
  path?: string;
  line?: number;
  /** The real code at that place (cut), for snippets and lines. */
  snippet?: string;
  /** A commit that proves it: where a missing file was deleted, or a later change to cited code. */
  commit?: { id: string; subject: string; date: string };
  /** 0..1 for snippet matches. */
  similarity?: number;
  /** The closest real path, when a cited file does not exist. */
  closestPath?: string;
  /** Set when the cited code changed after the checked revision: maybe already fixed. */
  changedLater?: { id: string; subject: string; date: string };
}

export interface CheckedClaim {
  claim: CodeClaim;
  status: ClaimStatus;
  proof: ClaimProof;
}

export type EvidenceGrade =
  | 'verified' // every checkable claim holds
  | 'mostly-verified' // most hold, a few do not
  | 'mixed' // as many fail as hold
  | 'contradicted' // every checkable claim fails: very likely fabricated
  | 'unverifiable' // nothing could be checked
  | 'no-claims'; // the report says nothing about code

export interface EvidenceSummary {
  /** The revision checked, as named and resolved. */
  revision: {
    requested: string | null;
    resolved: string;
    commit: string;
    isDefault: boolean;
    note: string;
  };
  claims: CheckedClaim[];
  grade: EvidenceGrade;
  /** One sentence for the queue and the reply. */
  summary: string;
}
