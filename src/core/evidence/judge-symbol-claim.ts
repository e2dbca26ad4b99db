// Decides what a symbol claim's search found means — defined, only used, nowhere (with the real
// name it may be a typo of) — and words the proof, without touching the repository.

import type { CheckedClaim, CodeClaim } from '../model/evidence.js';
import type { SymbolLine } from './find-symbol-definitions.js';
import { evidenceThresholds } from './evidence-thresholds.js';

export interface SymbolSearch {
  /** The revision searched, as the proof names it (`R_2_6_2`, `HEAD`). */
  label: string;
  /** The first definition found, in a source file first. */
  definition?: SymbolLine & { path: string };
  /** With no definition: the first whole-word use. */
  mention?: SymbolLine & { path: string };
  /** With neither: the real name one typo away, if the repository has one. */
  didYouMean?: string;
  /** With neither: a release (or HEAD) that does hold the name. */
  foundAt?: string;
  /** How many files mention the name (0 when none). */
  fileCount: number;
  /**
   * With neither: the same constant as the project spells it without the protocol's prefix
   * (`SSH_FXP_NAME` written `FXP_NAME`), and where it is used.
   */
  unprefixed?: SymbolLine & { path: string; name: string };
}

const prefixedConstant = /^[A-Z][A-Z0-9]*_([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])$/;

/**
 * The spelling a protocol constant may have in a project that drops the specification's prefix:
 * `SSH_FXP_NAME` → `FXP_NAME`, `SSH_MSG_EXT_INFO` → `MSG_EXT_INFO`. Only an upper-case constant
 * whose rest still has two words (so `FOO_NAME` never becomes `NAME`); null otherwise.
 */
export function unprefixConstant(name: string): string | null {
  const match = prefixedConstant.exec(name);
  return match ? match[1]! : null;
}

const docPath =
  /(?:^|\/)(?:Changes|CHANGES|ChangeLog|NEWS|HISTORY|README|AUTHORS)(?:\.\w+)?$|\.(?:md|rst|txt|html?|xml|1|3|man|adoc)$/;

/** Source files before documentation and changelogs: a name "defined" in `Changes` is only said. */
export function orderSymbolFiles(paths: readonly string[]): string[] {
  const source = paths.filter((path) => !docPath.test(path));
  const docs = paths.filter((path) => docPath.test(path));
  return [...source, ...docs];
}

/** Whether a path is documentation, where a mention proves nothing about the code. */
export function isDocumentationPath(path: string): boolean {
  return docPath.test(path);
}

function cut(text: string): string {
  return text.slice(0, evidenceThresholds.maxProofSnippet);
}

/**
 * Verified when defined in the project (or, for a constant, type or member, used in its code);
 * unverifiable when a function is only called (a library's?), only named in documentation, or
 * gone at this revision but in the history (a wrong version); contradicted when the name is
 * nowhere, with "did you mean" when a real name is one typo away.
 */
export function judgeSymbolClaim(claim: CodeClaim, search: SymbolSearch): CheckedClaim {
  const symbol = claim.symbol ?? claim.text;
  const { label, definition, mention } = search;
  if (definition !== undefined && !isDocumentationPath(definition.path)) {
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `${symbol} is defined at ${definition.path}:${definition.line} (${label})`,
        path: definition.path,
        line: definition.line,
        snippet: cut(definition.text),
      },
    };
  }
  const isData = claim.symbolKind !== undefined && claim.symbolKind !== 'function';
  if (mention !== undefined && !isDocumentationPath(mention.path)) {
    const proof = {
      path: mention.path,
      line: mention.line,
      snippet: cut(mention.text),
    };
    return isData
      ? {
          claim,
          status: 'verified',
          proof: {
            summary: `${symbol} is used at ${mention.path}:${mention.line} (${label})`,
            ...proof,
          },
        }
      : {
          claim,
          status: 'unverifiable',
          proof: {
            summary: `${symbol} is not defined in the project at ${label}, only used at ${mention.path}:${mention.line} (a library function or macro?)`,
            ...proof,
          },
        };
  }
  const said = definition ?? mention;
  if (said !== undefined) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${symbol} is only named in documentation at ${label} (${said.path}:${said.line}), not in the code`,
        path: said.path,
        line: said.line,
        snippet: cut(said.text),
      },
    };
  }
  const foundAt = search.foundAt;
  if (foundAt !== undefined) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${symbol} is not in the code at ${label}, but ${foundAt} has it: the report may name the wrong version`,
      },
    };
  }
  const unprefixed = search.unprefixed;
  if (unprefixed !== undefined) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${symbol} is not spelled so at ${label}, but ${unprefixed.name} (the same constant without its prefix?) is used at ${unprefixed.path}:${unprefixed.line}`,
        path: unprefixed.path,
        line: unprefixed.line,
        snippet: cut(unprefixed.text),
      },
    };
  }
  const typo = search.didYouMean;
  return {
    claim,
    status: 'contradicted',
    proof: {
      summary:
        typo !== undefined
          ? `${symbol} is neither defined nor mentioned anywhere at ${label}; did you mean ${typo}?`
          : `${symbol} is neither defined nor mentioned anywhere at ${label}`,
      ...(typo !== undefined ? { didYouMean: typo } : {}),
    },
  };
}

/**
 * An option (`--raw-output`) holds when the repository spells it (`--raw-output`, or the bare
 * name in quotes as option tables do); otherwise it is contradicted, with the near miss if any.
 */
export function judgeOptionClaim(
  claim: CodeClaim,
  search: {
    label: string;
    hit?: { path: string; line: number; text: string };
    didYouMean?: string;
  },
): CheckedClaim {
  const { label, hit, didYouMean } = search;
  if (hit !== undefined) {
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `${claim.text} is handled at ${hit.path}:${hit.line} (${label})`,
        path: hit.path,
        line: hit.line,
        snippet: cut(hit.text),
      },
    };
  }
  return {
    claim,
    status: 'contradicted',
    proof: {
      summary: `no option ${claim.text} anywhere at ${label}${didYouMean !== undefined ? `; did you mean --${didYouMean}?` : ''}`,
      ...(didYouMean !== undefined ? { didYouMean: `--${didYouMean}` } : {}),
    },
  };
}

/** A name of another project is not checked: the proof says whose it is. */
export function judgeExternalClaim(claim: CodeClaim): CheckedClaim {
  const owner = claim.externalTo ?? 'another project';
  const name = claim.kind === 'symbol' ? (claim.symbol ?? claim.text) : claim.text.trim();
  const summary = owner.startsWith('a build output')
    ? `${name} is a build output, not a file of the repository; not counted`
    : `${name} belongs to ${owner}, not to this repository; not counted`;
  return { claim, status: 'external', proof: { summary } };
}
