// Decides what was found for file, line, snippet, patch and revision claims and words the proof:
// the pure half of the evidence check, so every verdict and sentence is tested without git.

import type { CheckedClaim, ClaimProof, CodeClaim } from '../model/evidence.js';
import type { LineClaimComparison, SnippetMatch } from './match-snippet.js';
import { evidenceThresholds } from './evidence-thresholds.js';

type CommitInfo = NonNullable<ClaimProof['commit']>;

function cut(text: string): string {
  return text.slice(0, evidenceThresholds.maxProofSnippet);
}

export function judgeFoundPath(claim: CodeClaim, path: string, label: string): CheckedClaim {
  return { claim, status: 'verified', proof: { summary: `${path} exists at ${label}`, path } };
}

/** A cited path that is a folder of the tree (`contrib/gregbook`): it exists. */
export function judgeFoundFolder(claim: CodeClaim, folder: string, label: string): CheckedClaim {
  return {
    claim,
    status: 'verified',
    proof: { summary: `${folder} is a folder of the repository at ${label}` },
  };
}

// A file name with no folder and the extension of a configuration or data document.
const bareDataFileName = /^[\w.-]{1,80}\.(?:json|ya?ml|xml|toml|ini|conf|cfg|properties|env)$/i;

/**
 * A cited path that is not in the tree: contradicted, with the closest real path, when the
 * repository never held it; unverifiable when history holds it elsewhere. A bare file name said in passing that the repository has never held
 * (`decl.c`, `sample.xml`) is the reporter's own file, and a path without a file extension that
 * it has never held (`python/object/apply`) a tag, payload or route: unverifiable, not held
 * against the report.
 */
export function judgeMissingPath(
  claim: CodeClaim,
  path: string,
  label: string,
  found: {
    closestPath: string | null;
    lastChange: CommitInfo | null;
    isShallow: boolean;
    /** Where HEAD holds the cited file when the checked revision does not. */
    pathAtHead?: string | null;
    /** An absolute path none of whose folders the repository has (`isOutsideCheckout`). */
    isOutsideCheckout?: boolean;
    /** A page or template in no folder of the repository (`isApplicationPage`). */
    isApplicationPage?: boolean;
    /** The project's generator template of the cited file (`findGeneratorTemplate`). */
    generatorTemplate?: string | null;
  },
): CheckedClaim {
  const { closestPath, lastChange, isShallow } = found;
  // HEAD has the file: the report may name the wrong version, which proves nothing against it.
  if (found.pathAtHead) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} does not exist at ${label}, but HEAD has ${found.pathAtHead} (the report may name the wrong version)`,
        ...(lastChange ? { commit: lastChange } : {}),
      },
    };
  }
  // The repository held the file at some other commit (another release, branch or an older
  // path): the report may name another version, and code that existed is not invented.
  if (lastChange) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} does not exist at ${label}, but the repository held it elsewhere in history (last touched in ${lastChange.id.slice(0, 12)} "${lastChange.subject}"); the report may name another version`,
        ...(closestPath ? { closestPath } : {}),
        commit: lastChange,
      },
    };
  }
  // `config/runtime.exs` when the project ships `…/config/runtime.exs.eex`: a file of an
  // application generated from the project's template, not a file of the project.
  if (found.generatorTemplate) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} does not exist at ${label}, but the project ships it as a template (${found.generatorTemplate}): a file of an application generated from it?`,
      },
    };
  }
  const history = isShallow
    ? '; it is not in the history this shallow clone holds (history is cut, so it may have existed before)'
    : '; it never existed in the repository history';
  const hint = closestPath ? `; closest real path: ${closestPath}` : '';
  // `python/object/apply`, `data-x/onmouseover`, `text/html`: a tag, payload or route that looks
  // like a path; a source file has an extension, so a name without one proves nothing.
  const isPathLike = !/\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
  if (isPathLike && !isShallow) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} is neither a file nor a folder of the repository at ${label}, and has no file extension (a tag, payload or route?)`,
      },
    };
  }
  // `/srv/shop/app/routes.py` in a traceback: a file of the reporter's own deployment, outside
  // every checkout of the project (no folder of it is the repository's), that history never held.
  if (found.isOutsideCheckout === true && !isShallow) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} is outside the repository (no folder of it is the repository's at ${label}): a file of the reporter's own machine or application?`,
      },
    };
  }
  // `templates/profile.html`, `partials/user_card.twig`: a page of the reporter's own site or
  // application, which the project renders or serves, that history never held.
  if (found.isApplicationPage === true && !isShallow) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} is a page or template in no folder of the repository at ${label}: the reporter's own site or application?`,
      },
    };
  }
  // `config.json`, `log4j2.xml` without a folder: a configuration or data file the program
  // reads, the user's own, wherever the report places the bug.
  if (claim.kind === 'file' && bareDataFileName.test(path)) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} is not a file of the repository at ${label}: a configuration or data file named without a folder, the user's own file, which the program reads${hint}`,
        ...(closestPath ? { closestPath } : {}),
      },
    };
  }
  const isReportersFile = !path.includes('/') && claim.role !== 'location';
  if (isReportersFile) {
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `${path} is not a file of the repository at ${label} (the reporter's own file?)${hint}`,
        ...(closestPath ? { closestPath } : {}),
      },
    };
  }
  return {
    claim,
    status: 'contradicted',
    proof: {
      summary: `${path} does not exist at ${label}${hint}${history}`,
      ...(closestPath ? { closestPath } : {}),
    },
  };
}

function describeLines(path: string, lines: { start: number; end: number }): string {
  return `${path}:${lines.start}${lines.end !== lines.start ? `-${lines.end}` : ''}`;
}

/**
 * A `path:line` claim against the file's text at the revision: contradicted past the end of the
 * file or when the quoted code is not there (nor moved nearby); verified otherwise.
 */
export function judgeLineClaim(
  claim: CodeClaim & { lines: { start: number; end: number } },
  path: string,
  label: string,
  comparison: LineClaimComparison,
  hasQuote: boolean,
): CheckedClaim {
  const where = describeLines(path, claim.lines);
  if (!comparison.isInside) {
    return {
      claim,
      status: 'contradicted',
      proof: {
        summary: `${path} has only ${comparison.lineCount} lines at ${label}; line ${claim.lines.start > comparison.lineCount ? claim.lines.start : claim.lines.end} does not exist`,
        path,
      },
    };
  }
  const actual = cut(comparison.actual);
  const { similarity } = comparison;
  if (!hasQuote || similarity === undefined || similarity >= evidenceThresholds.quotedLine) {
    const matches =
      similarity !== undefined ? ` and matches the quoted code (${similarity.toFixed(2)})` : '';
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `${where} exists${matches}`,
        path,
        line: claim.lines.start,
        snippet: actual,
        ...(similarity !== undefined ? { similarity } : {}),
      },
    };
  }
  const moved = comparison.bestMatch;
  if (moved && moved.similarity >= evidenceThresholds.movedLine) {
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `the quoted code is at ${path}:${moved.startLine}, not line ${claim.lines.start} (lines moved)`,
        path,
        line: moved.startLine,
        snippet: cut(moved.text),
        similarity: moved.similarity,
      },
    };
  }
  return {
    claim,
    status: 'contradicted',
    proof: {
      summary: `${where} does not hold the quoted code; it reads: ${actual.split('\n')[0] ?? ''}`,
      path,
      line: claim.lines.start,
      snippet: actual,
      similarity,
    },
  };
}

/** A quoted snippet: verified from 0.75, only resembling from 0.4, else no such code. */
export function judgeSnippetClaim(
  claim: CodeClaim,
  label: string,
  best: { path: string; match: SnippetMatch } | null,
  isSearchable: boolean,
): CheckedClaim {
  if (!isSearchable) {
    return {
      claim,
      status: 'unverifiable',
      proof: { summary: 'the snippet is too short or generic to look for' },
    };
  }
  if (best !== null && best.match.similarity >= evidenceThresholds.snippetResembles) {
    const { path, match } = best;
    const place = `${path}:${match.startLine}-${match.endLine}`;
    const isVerified = match.similarity >= evidenceThresholds.snippetVerified;
    return {
      claim,
      status: isVerified ? 'verified' : 'unverifiable',
      proof: {
        summary: isVerified
          ? `found at ${place} (similarity ${match.similarity.toFixed(2)})`
          : `only resembles ${place} (similarity ${match.similarity.toFixed(2)})`,
        path,
        line: match.startLine,
        snippet: cut(match.text),
        similarity: match.similarity,
      },
    };
  }
  return { claim, status: 'contradicted', proof: { summary: `no such code at ${label}` } };
}

export function judgePatchClaim(
  claim: CodeClaim,
  label: string,
  result: { applies: boolean; message: string },
): CheckedClaim {
  return result.applies
    ? { claim, status: 'verified', proof: { summary: `the patch applies cleanly at ${label}` } }
    : {
        claim,
        status: 'contradicted',
        proof: { summary: `the patch does not apply at ${label}: ${result.message}` },
      };
}

/** A named revision: verified when it resolves; a commit id that does not is contradicted. */
export function judgeRevisionClaim(
  claim: CodeClaim,
  label: string,
  commit: string | null,
): CheckedClaim {
  if (commit) {
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `${claim.text} is ${commit.slice(0, 12)} in the repository`,
        commit: { id: commit, subject: '', date: '' },
      },
    };
  }
  return /^[0-9a-f]{7,40}$/i.test(claim.text)
    ? {
        claim,
        status: 'contradicted',
        proof: { summary: `no commit ${claim.text} in the repository` },
      }
    : {
        claim,
        status: 'unverifiable',
        proof: { summary: `no tag for ${claim.text}; checked ${label}` },
      };
}
