// What a report claims about the code, and what the repository says about each claim.

import type { TextSpan } from './report.js';

export type CodeClaimKind =
  | 'file' // a path the report cites
  | 'line' // path:line or path#L10-L20 (with the quoted snippet when the report gives one)
  | 'symbol' // a function, method or class name
  | 'snippet' // code the report quotes (fenced block or quoted line) as being in the project
  | 'patch' // a unified diff the reporter proposes
  | 'revision' // the version, tag or commit the report is about
  | 'option'; // a command-line option the report names (`--raw-output`)

/**
 * What a claim is for in the report: `location` when it names what the report says is vulnerable
 * (the title, a heading, the vulnerable-location sentence, the top stack frame), else `context`.
 */
export type ClaimRole = 'location' | 'context';

/** What kind of name a symbol claim is. */
export type SymbolKind = 'function' | 'constant' | 'type' | 'member';

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
  /** What the name is, for symbol claims: a function, a SCREAMING_CASE constant, a type. */
  symbolKind?: SymbolKind;
  /** The claim's role in the report; absent means `context`. */
  role?: ClaimRole;
  /**
   * Set when the name belongs to another project or is a build output (libc, `std::`, a system
   * library frame, the Python or Node standard library, `./src/tool`, `a.out`): it is not checked
   * and not counted against the report. Says whose it is: "the C library".
   */
  externalTo?: string;
}

/** `external`: the name belongs to another project (see `CodeClaim.externalTo`); never counted. */
export type ClaimStatus = 'verified' | 'contradicted' | 'unverifiable' | 'external';

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
  /** For a contradicted name: the real name it is one typo away from ("did you mean X"). */
  didYouMean?: string;
  /** The cited code is gone in this released tag; `commit` of `fixedIn` is the change that removed it. */
  fixedIn?: { tag: string; commit: { id: string; subject: string; date: string } };
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
  | 'fabricated' // the claims the report rests on (what it says is vulnerable) are contradicted
  | 'contradicted' // every checkable claim fails
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
    /** The repository's tag convention learnt from its tags (`R_{1}_{2}_{3}`, `v{1}.{2}.{3}`). */
    tagConvention?: string;
    /** True when the named version has no tag and the nearest older tag was checked instead. */
    isNearestOlder?: boolean;
    /** True when the named version is newer than every tag: absence proves nothing (stale clone). */
    isNewerThanEveryTag?: boolean;
  };
  claims: CheckedClaim[];
  grade: EvidenceGrade;
  /** One sentence for the queue and the reply. */
  summary: string;
  /** With grade `fabricated`: the proof (which central claims failed, what was searched, where). */
  fabrication?: FabricationProof;
}

/** Why a report is graded `fabricated`, for the reply and the JSON. */
export interface FabricationProof {
  /** The revision searched, as named in the summary (`R_2_6_2`, `HEAD`), and its commit. */
  revision: string;
  commit: string;
  /** The report's central claims that do not hold, each with what was searched and found. */
  contradicted: Array<{ kind: CodeClaimKind; text: string; role: ClaimRole; searched: string }>;
  /** The central claims that do hold (a real file, say): named so the proof is complete. */
  verified: Array<{ kind: CodeClaimKind; text: string; role: ClaimRole }>;
  /** Weighted shares: how much of what the report rests on fails, and holds. */
  weights: { contradicted: number; verified: number };
}
