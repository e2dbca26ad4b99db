// Use case: check what a report claims about the code against a git repository at the version
// the report names (HEAD when it names none, and we say so). The repository is only read.

import {
  chooseRevision,
  compareLineClaim,
  extractCodeClaims,
  findBestSnippetMatch,
  findClosestPath,
  findSymbolDefinitions,
  findSymbolMentions,
  gradeEvidence,
  pickSnippetProbes,
  resolveCitedPath,
  type CheckedClaim,
  type ClaimProof,
  type CodeClaim,
  type EvidenceSummary,
  type Fact,
  type Report,
} from '../core/index.js';
import type { CommitInfo, GrepHit, RepoReader } from './ports.js';

const maxCandidateFilesPerSymbol = 20;
const maxCandidateFilesPerSnippet = 5;
const snippetVerifiedSimilarity = 0.75;
const snippetResemblesSimilarity = 0.4;
const quotedLineSimilarity = 0.6;
const movedLineSimilarity = 0.8;

const textDecoder = new TextDecoder('utf-8', { fatal: false });

interface CheckContext {
  repo: RepoReader;
  commit: string;
  label: string;
  isDefault: boolean;
  files: string[];
  fileSet: ReadonlySet<string>;
  texts: Map<string, Promise<string | null>>;
  laterChanges: Map<string, Promise<CommitInfo | null>>;
}

function readText(context: CheckContext, path: string): Promise<string | null> {
  let text = context.texts.get(path);
  if (!text) {
    text = context.repo
      .readFile(context.commit, path)
      .then((bytes) => (bytes ? textDecoder.decode(bytes) : null));
    context.texts.set(path, text);
  }
  return text;
}

function findLaterChange(context: CheckContext, path: string): Promise<CommitInfo | null> {
  if (context.isDefault) return Promise.resolve(null);
  let change = context.laterChanges.get(path);
  if (!change) {
    change = context.repo
      .listChangesAfter(context.commit, path, 1)
      .then((changes) => changes[0] ?? null);
    context.laterChanges.set(path, change);
  }
  return change;
}

function toCommitInfo(commit: CommitInfo | null): ClaimProof['commit'] {
  return commit ? { id: commit.id, subject: commit.subject, date: commit.date } : undefined;
}

async function withLaterChange(
  context: CheckContext,
  checked: CheckedClaim,
): Promise<CheckedClaim> {
  const path = checked.proof.path;
  if (checked.status !== 'verified' || !path) return checked;
  const later = toCommitInfo(await findLaterChange(context, path));
  if (!later) return checked;
  return {
    ...checked,
    proof: {
      ...checked.proof,
      changedLater: later,
      summary: `${checked.proof.summary}; changed after ${context.label} in ${later.id.slice(0, 12)} "${later.subject}" (may be fixed already)`,
    },
  };
}

async function describeMissingPath(
  context: CheckContext,
  claim: CodeClaim,
  path: string,
): Promise<CheckedClaim> {
  const closest = findClosestPath(path, context.files);
  const lastChange = await context.repo.findLastChange(path);
  const history = lastChange
    ? `; it exists elsewhere in history (last touched in ${lastChange.id.slice(0, 12)} "${lastChange.subject}")`
    : (await context.repo.isShallow())
      ? '; it is not in the history this shallow clone holds (history is cut, so it may have existed before)'
      : '; it never existed in the repository history';
  const hint = closest ? `; closest real path: ${closest}` : '';
  return {
    claim,
    status: 'contradicted',
    proof: {
      summary: `${path} does not exist at ${context.label}${hint}${history}`,
      ...(closest ? { closestPath: closest } : {}),
      ...(lastChange ? { commit: toCommitInfo(lastChange) } : {}),
    },
  };
}

async function checkFile(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const cited = claim.path ?? claim.text;
  const path = resolveCitedPath(cited, context.fileSet);
  if (!path) return describeMissingPath(context, claim, cited);
  return {
    claim,
    status: 'verified',
    proof: { summary: `${path} exists at ${context.label}`, path },
  };
}

async function checkLine(
  context: CheckContext,
  claim: CodeClaim,
  quoted: string | undefined,
): Promise<CheckedClaim> {
  const cited = claim.path ?? claim.text;
  const path = resolveCitedPath(cited, context.fileSet);
  if (!path || !claim.lines)
    return path ? checkFile(context, claim) : describeMissingPath(context, claim, cited);
  const text = await readText(context, path);
  if (text === null)
    return { claim, status: 'unverifiable', proof: { summary: `${path} could not be read`, path } };
  const comparison = compareLineClaim(text, claim.lines, quoted);
  const where = `${path}:${claim.lines.start}${claim.lines.end !== claim.lines.start ? `-${claim.lines.end}` : ''}`;
  if (!comparison.isInside) {
    return {
      claim,
      status: 'contradicted',
      proof: {
        summary: `${path} has only ${comparison.lineCount} lines at ${context.label}; line ${claim.lines.start} does not exist`,
        path,
      },
    };
  }
  const actual = comparison.actual.slice(0, 400);
  if (
    quoted === undefined ||
    comparison.similarity === undefined ||
    comparison.similarity >= quotedLineSimilarity
  ) {
    const matches =
      comparison.similarity !== undefined
        ? ` and matches the quoted code (${comparison.similarity.toFixed(2)})`
        : '';
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `${where} exists${matches}`,
        path,
        line: claim.lines.start,
        snippet: actual,
        ...(comparison.similarity !== undefined ? { similarity: comparison.similarity } : {}),
      },
    };
  }
  const moved = comparison.bestMatch;
  if (moved && moved.similarity >= movedLineSimilarity) {
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `the quoted code is at ${path}:${moved.startLine}, not line ${claim.lines.start} (lines moved)`,
        path,
        line: moved.startLine,
        snippet: moved.text.slice(0, 400),
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
      similarity: comparison.similarity,
    },
  };
}

function groupHitsBySymbol(
  symbols: readonly string[],
  hits: readonly GrepHit[],
): Map<string, GrepHit[]> {
  const grouped = new Map<string, GrepHit[]>(symbols.map((symbol) => [symbol, []]));
  for (const hit of hits) {
    for (const symbol of symbols) {
      if (hit.text.includes(symbol)) grouped.get(symbol)!.push(hit);
    }
  }
  return grouped;
}

async function checkSymbol(
  context: CheckContext,
  claim: CodeClaim,
  hits: readonly GrepHit[],
): Promise<CheckedClaim> {
  const symbol = claim.symbol ?? claim.text;
  const candidatePaths = [...new Set(hits.map((hit) => hit.path))].slice(
    0,
    maxCandidateFilesPerSymbol,
  );
  for (const path of candidatePaths) {
    const text = await readText(context, path);
    if (text === null) continue;
    const definition = findSymbolDefinitions(text, path, symbol)[0];
    if (definition) {
      return {
        claim,
        status: 'verified',
        proof: {
          summary: `${symbol} is defined at ${path}:${definition.line} (${context.label})`,
          path,
          line: definition.line,
          snippet: definition.text.slice(0, 400),
        },
      };
    }
  }
  for (const path of candidatePaths) {
    const text = await readText(context, path);
    const mention = text === null ? undefined : findSymbolMentions(text, symbol)[0];
    if (mention) {
      return {
        claim,
        status: 'unverifiable',
        proof: {
          summary: `${symbol} is not defined in the project at ${context.label}, only used at ${path}:${mention.line} (a library function or macro?)`,
          path,
          line: mention.line,
          snippet: mention.text.slice(0, 400),
        },
      };
    }
  }
  return {
    claim,
    status: 'contradicted',
    proof: { summary: `${symbol} is neither defined nor mentioned anywhere at ${context.label}` },
  };
}

async function checkSnippet(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const probes = pickSnippetProbes(claim.text);
  if (probes.length === 0) {
    return {
      claim,
      status: 'unverifiable',
      proof: { summary: 'the snippet is too short or generic to look for' },
    };
  }
  const hits = await context.repo.grep(context.commit, probes, { maxHits: 200 });
  const counts = new Map<string, number>();
  const cited = claim.path ? resolveCitedPath(claim.path, context.fileSet) : null;
  if (cited) counts.set(cited, Number.MAX_SAFE_INTEGER);
  for (const hit of hits) counts.set(hit.path, (counts.get(hit.path) ?? 0) + 1);
  const candidates = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxCandidateFilesPerSnippet)
    .map(([path]) => path);
  let best: { path: string; match: NonNullable<ReturnType<typeof findBestSnippetMatch>> } | null =
    null;
  for (const path of candidates) {
    const text = await readText(context, path);
    const match = text === null ? null : findBestSnippetMatch(text, claim.text);
    if (match && (!best || match.similarity > best.match.similarity)) best = { path, match };
  }
  if (best && best.match.similarity >= snippetVerifiedSimilarity) {
    const { path, match } = best;
    return {
      claim,
      status: 'verified',
      proof: {
        summary: `found at ${path}:${match.startLine}-${match.endLine} (similarity ${match.similarity.toFixed(2)})`,
        path,
        line: match.startLine,
        snippet: match.text.slice(0, 400),
        similarity: match.similarity,
      },
    };
  }
  if (best && best.match.similarity >= snippetResemblesSimilarity) {
    const { path, match } = best;
    return {
      claim,
      status: 'unverifiable',
      proof: {
        summary: `only resembles ${path}:${match.startLine}-${match.endLine} (similarity ${match.similarity.toFixed(2)})`,
        path,
        line: match.startLine,
        snippet: match.text.slice(0, 400),
        similarity: match.similarity,
      },
    };
  }
  return { claim, status: 'contradicted', proof: { summary: `no such code at ${context.label}` } };
}

async function checkPatch(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const result = await context.repo.checkPatch(context.commit, claim.text);
  return result.applies
    ? {
        claim,
        status: 'verified',
        proof: { summary: `the patch applies cleanly at ${context.label}` },
      }
    : {
        claim,
        status: 'contradicted',
        proof: { summary: `the patch does not apply at ${context.label}: ${result.message}` },
      };
}

function checkRevision(
  context: CheckContext,
  claim: CodeClaim,
  resolved: ReadonlyMap<string, string | null>,
): CheckedClaim {
  const commit = resolved.get(claim.text);
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
  const isCommitId = /^[0-9a-f]{7,40}$/i.test(claim.text);
  return isCommitId
    ? {
        claim,
        status: 'contradicted',
        proof: { summary: `no commit ${claim.text} in the repository` },
      }
    : {
        claim,
        status: 'unverifiable',
        proof: { summary: `no tag for ${claim.text}; checked ${context.label}` },
      };
}

async function resolveRevisionClaims(
  repo: RepoReader,
  claims: readonly CodeClaim[],
  tagNames: readonly string[],
): Promise<Map<string, string | null>> {
  const resolved = new Map<string, string | null>();
  for (const claim of claims.filter((entry) => entry.kind === 'revision')) {
    if (resolved.has(claim.text)) continue;
    const { candidates } = chooseRevision([claim], tagNames);
    let commit: string | null = null;
    for (const candidate of candidates) {
      commit = await repo.resolveRevision(candidate);
      if (commit) break;
    }
    resolved.set(claim.text, commit);
  }
  return resolved;
}

/** Picks the revision the report names (a commit, a tag, a version mapped to a tag), else HEAD. */
async function chooseCheckedRevision(
  repo: RepoReader,
  claims: readonly CodeClaim[],
  tagNames: readonly string[],
): Promise<EvidenceSummary['revision']> {
  const { requested, candidates } = chooseRevision(claims, tagNames);
  for (const candidate of candidates) {
    const commit = await repo.resolveRevision(candidate);
    if (commit) {
      const note = `checked ${candidate} (${commit.slice(0, 12)}), the version the report names`;
      return { requested, resolved: candidate, commit, isDefault: false, note };
    }
  }
  const commit = await repo.resolveHead();
  const note = requested
    ? `the repository has no tag or commit for ${requested}; checked HEAD (${commit.slice(0, 12)}) instead`
    : `the report names no version; checked HEAD (${commit.slice(0, 12)})`;
  return { requested, resolved: 'HEAD', commit, isDefault: true, note };
}

async function openContext(
  repo: RepoReader,
  claims: readonly CodeClaim[],
): Promise<{ context: CheckContext; revision: EvidenceSummary['revision']; tagNames: string[] }> {
  const tagNames = (await repo.listTags()).map((tag) => tag.name);
  const revision = await chooseCheckedRevision(repo, claims, tagNames);
  const files = await repo.listFiles(revision.commit);
  const context: CheckContext = {
    repo,
    commit: revision.commit,
    label: revision.resolved,
    isDefault: revision.isDefault,
    files,
    fileSet: new Set(files),
    texts: new Map(),
    laterChanges: new Map(),
  };
  return { context, revision, tagNames };
}

/** Finds the snippet a report quotes right after a line reference, for line claims. */
function findQuotedCode(claim: CodeClaim, claims: readonly CodeClaim[]): string | undefined {
  const snippet = claims.find(
    (other) =>
      other.kind === 'snippet' &&
      other.path === claim.path &&
      other.lines?.start === claim.lines?.start,
  );
  return snippet?.text;
}

export async function checkEvidence(
  report: Report,
  facts: readonly Fact[],
  repo: RepoReader,
): Promise<EvidenceSummary> {
  const claims = extractCodeClaims(report, facts);
  const { context, revision, tagNames } = await openContext(repo, claims);
  const symbols = [
    ...new Set(
      claims.filter((claim) => claim.kind === 'symbol').map((claim) => claim.symbol ?? claim.text),
    ),
  ];
  const symbolHits =
    symbols.length > 0
      ? await repo.grep(context.commit, symbols, { wordMatch: true, maxHits: 2000 })
      : [];
  const hitsBySymbol = groupHitsBySymbol(symbols, symbolHits);
  const resolvedRevisions = await resolveRevisionClaims(repo, claims, tagNames);

  const checked = await Promise.all(
    claims.map(async (claim): Promise<CheckedClaim> => {
      switch (claim.kind) {
        case 'file':
          return withLaterChange(context, await checkFile(context, claim));
        case 'line':
          return withLaterChange(
            context,
            await checkLine(context, claim, findQuotedCode(claim, claims)),
          );
        case 'symbol':
          return withLaterChange(
            context,
            await checkSymbol(context, claim, hitsBySymbol.get(claim.symbol ?? claim.text) ?? []),
          );
        case 'snippet':
          return withLaterChange(context, await checkSnippet(context, claim));
        case 'patch':
          return checkPatch(context, claim);
        case 'revision':
          return checkRevision(context, claim, resolvedRevisions);
      }
    }),
  );
  const { grade, summary } = gradeEvidence(checked);
  return { revision, claims: checked, grade, summary };
}
