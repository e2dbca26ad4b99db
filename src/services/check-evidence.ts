// Use case: check what a report claims about the code against a git repository at the version
// the report names (the nearest older release when it has no tag, HEAD when it names none, and
// we say so). The repository is only read; every verdict and sentence comes from core.

import {
  type CheckedClaim,
  type CodeClaim,
  type EvidenceSummary,
  type Fact,
  type Report,
} from '../core/triage.js';
import {
  addFixedIn,
  addLaterChange,
  chooseRevision,
  compareLineClaim,
  evidenceThresholds,
  extractCodeClaims,
  findBestSnippetMatch,
  findClosestPath,
  findNearMissName,
  findQuotedCode,
  findSymbolDefinitions,
  findSymbolMentions,
  gradeEvidence,
  findGeneratorTemplate,
  findOtherProductCue,
  judgeReportDataNames,
  judgeOtherProductNames,
  findOutsideCodeCue,
  judgeFrameFunctions,
  judgeClaimOutsideRepository,
  groupHitsBySymbol,
  isLaterChangeWanted,
  judgeExternalClaim,
  judgeFoundPath,
  judgeLineClaim,
  judgeMissingPath,
  judgeFoundFolder,
  resolveCitedFolder,
  judgeOptionClaim,
  judgePatchClaim,
  judgeRevisionClaim,
  judgeSnippetClaim,
  judgeSymbolClaim,
  isDocumentationPath,
  unprefixConstant,
  listIdentifiers,
  listSymbolsToSearch,
  locateCitedLines,
  pickFirstRelease,
  pickNearMissProbes,
  pickSnippetFiles,
  pickSnippetProbes,
  pickSnippetNames,
  pickSymbolFiles,
  resolveCitedPath,
  isOutsideCheckout,
  isApplicationPage,
  sampleReleaseTags,
  spellOption,
  summarizeCheckedRevision,
  type RevisionOutcome,
  type SymbolSearch,
  type TagConvention,
} from '../core/evidence.js';
import type { CommitInfo, GrepHit, RepoReader } from './ports.js';

const textDecoder = new TextDecoder('utf-8', { fatal: false });

interface CheckContext {
  repo: RepoReader;
  commit: string;
  label: string;
  isDefault: boolean;
  convention: TagConvention | null;
  files: string[];
  fileSet: ReadonlySet<string>;
  texts: Map<string, Promise<string | null>>;
  changes: Map<string, Promise<CommitInfo | null>>;
  headFiles?: Promise<ReadonlySet<string>>;
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

/** The commit after the checked revision that changed these lines (or the file), cached. */
function findLaterChange(
  context: CheckContext,
  path: string,
  lines: { start: number; end: number } | null,
): Promise<CommitInfo | null> {
  const key = lines === null ? path : `${path}:${lines.start}-${lines.end}`;
  let change = context.changes.get(key);
  if (!change) {
    change =
      lines === null
        ? context.repo
            .listChangesAfter(context.commit, path, 1)
            .then((changes) => changes[0] ?? null)
        : context.repo.findLineChangeAfter(context.commit, path, lines);
    context.changes.set(key, change);
  }
  return change;
}

/** The cited code's place: the lines a proof points at (a definition's whole block). */
async function findCitedLines(
  context: CheckContext,
  checked: CheckedClaim,
): Promise<{ start: number; end: number } | null> {
  const path = checked.proof.path;
  if (path === undefined || checked.proof.line === undefined) return null;
  return locateCitedLines(checked, await readText(context, path));
}

async function withLaterChange(
  context: CheckContext,
  checked: CheckedClaim,
): Promise<CheckedClaim> {
  const path = checked.proof.path;
  if (!isLaterChangeWanted(checked, context.isDefault) || !path) return checked;
  const lines = checked.claim.kind === 'file' ? null : await findCitedLines(context, checked);
  const change = await findLaterChange(context, path, lines);
  if (!change) return checked;
  const later = addLaterChange(checked, context.label, change, lines !== null);
  if (lines === null) return later;
  // The cited lines changed: the first release that has the change no longer has that code.
  const release = pickFirstRelease(
    await context.repo.listTagsContaining(change.id),
    context.convention,
  );
  return release === null ? later : addFixedIn(later, release, change);
}

async function checkPath(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const cited = claim.path ?? claim.text;
  const path = resolveCitedPath(cited, context.fileSet);
  if (path) return judgeFoundPath(claim, path, context.label);
  const folder = resolveCitedFolder(cited, context.files);
  if (folder) return judgeFoundFolder(claim, folder, context.label);
  const closestPath = findClosestPath(cited, context.files);
  const lastChange = await context.repo.findLastChange(cited);
  const isShallow = lastChange === null && (await context.repo.isShallow());
  const pathAtHead = context.isDefault
    ? null
    : resolveCitedPath(cited, await listHeadFiles(context));
  return judgeMissingPath(claim, cited, context.label, {
    closestPath,
    lastChange,
    isShallow,
    pathAtHead,
    isOutsideCheckout: isOutsideCheckout(cited, context.files),
    isApplicationPage: isApplicationPage(cited, context.files),
    generatorTemplate: findGeneratorTemplate(cited, context.files),
  });
}

/** HEAD's files, listed once per report and only when a cited file is missing. */
function listHeadFiles(context: CheckContext): Promise<ReadonlySet<string>> {
  context.headFiles ??= context.repo.listFiles('HEAD').then((files) => new Set(files));
  return context.headFiles;
}

async function checkLine(
  context: CheckContext,
  claim: CodeClaim,
  quoted: string | undefined,
): Promise<CheckedClaim> {
  const path = resolveCitedPath(claim.path ?? claim.text, context.fileSet);
  if (!path || !claim.lines) return checkPath(context, claim);
  const text = await readText(context, path);
  if (text === null)
    return { claim, status: 'unverifiable', proof: { summary: `${path} could not be read`, path } };
  const comparison = compareLineClaim(text, claim.lines, quoted);
  return judgeLineClaim(
    { ...claim, lines: claim.lines },
    path,
    context.label,
    comparison,
    quoted !== undefined,
  );
}

/** The real names missing ones are one typo away from, found by one grep for all their parts. */
async function findDidYouMeans(
  context: CheckContext,
  names: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const probes = [...new Set(names.flatMap((name) => pickNearMissProbes(name)))];
  if (probes.length === 0) return found;
  const lines = (await context.repo.grep(context.commit, probes, { maxHits: 5000 })).map(
    (hit) => hit.text,
  );
  for (const name of names) {
    const near = findNearMissName(name, listIdentifiers(lines, name));
    if (near !== null) found.set(name, near);
  }
  return found;
}

interface AbsentNames {
  /** Missing at the checked revision but held by a sampled release or HEAD. */
  foundAt: Map<string, string>;
  /** Missing everywhere looked: the real name each is one typo away from. */
  didYouMean: Map<string, string>;
}

/** For names not at the checked revision: a release that has them, else their near misses. */
async function lookUpAbsentNames(
  context: CheckContext,
  names: readonly string[],
  tagNames: readonly string[],
): Promise<AbsentNames> {
  if (names.length === 0) return { foundAt: new Map(), didYouMean: new Map() };
  const sample = [...sampleReleaseTags(tagNames, context.convention, 3), 'HEAD'].filter(
    (revision) => revision !== context.label,
  );
  const foundAt = await context.repo.findNamesAt(sample, names);
  const didYouMean = await findDidYouMeans(
    context,
    names.filter((name) => !foundAt.has(name)),
  );
  return { foundAt, didYouMean };
}

/** A protocol constant the project spells without its prefix (`FXP_NAME` for `SSH_FXP_NAME`). */
async function findUnprefixedConstant(
  context: CheckContext,
  symbol: string,
): Promise<(GrepHit & { name: string }) | null> {
  const name = unprefixConstant(symbol);
  if (name === null) return null;
  const hits = await context.repo.grep(context.commit, [name], { wordMatch: true, maxHits: 20 });
  const hit = hits.find((entry) => !isDocumentationPath(entry.path));
  return hit ? { ...hit, name } : null;
}

async function checkSymbol(
  context: CheckContext,
  claim: CodeClaim,
  hits: readonly GrepHit[],
  absent: AbsentNames,
): Promise<CheckedClaim> {
  const symbol = claim.symbol ?? claim.text;
  const paths = pickSymbolFiles(hits, claim.text);
  const search: SymbolSearch = { label: context.label, fileCount: paths.length };
  for (const path of paths) {
    const text = await readText(context, path);
    const definition = text === null ? undefined : findSymbolDefinitions(text, path, symbol)[0];
    if (definition) {
      search.definition = { ...definition, path };
      break;
    }
  }
  if (!search.definition) {
    for (const path of paths) {
      const text = await readText(context, path);
      const mention = text === null ? undefined : findSymbolMentions(text, symbol)[0];
      if (mention) {
        search.mention = { ...mention, path };
        break;
      }
    }
  }
  const foundAt = absent.foundAt.get(symbol);
  const typo = absent.didYouMean.get(symbol);
  if (paths.length === 0 && foundAt !== undefined) search.foundAt = foundAt;
  else if (paths.length === 0 && typo !== undefined) search.didYouMean = typo;
  else if (paths.length === 0) {
    const unprefixed = await findUnprefixedConstant(context, symbol);
    if (unprefixed) search.unprefixed = unprefixed;
  }
  return judgeSymbolClaim(claim, search);
}

async function checkOption(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const { name, spellings } = spellOption(claim);
  const [hit] = await context.repo.grep(context.commit, spellings, { maxHits: 1 });
  if (hit) return judgeOptionClaim(claim, { label: context.label, hit });
  const typo = (await findDidYouMeans(context, [name])).get(name);
  return judgeOptionClaim(claim, {
    label: context.label,
    ...(typo !== undefined ? { didYouMean: typo } : {}),
  });
}

type SnippetFinding = Parameters<typeof judgeSnippetClaim>[2];

/** The file of `paths` whose text holds the closest match of the claimed snippet, if any. */
async function matchSnippetIn(
  context: CheckContext,
  claim: CodeClaim,
  paths: readonly string[],
): Promise<SnippetFinding> {
  let best: SnippetFinding = null;
  for (const path of paths) {
    const text = await readText(context, path);
    const match = text === null ? null : findBestSnippetMatch(text, claim.text);
    if (match && (!best || match.similarity > best.match.similarity)) best = { path, match };
  }
  return best;
}

async function checkSnippet(context: CheckContext, claim: CodeClaim): Promise<CheckedClaim> {
  const probes = pickSnippetProbes(claim.text);
  if (probes.length === 0) return judgeSnippetClaim(claim, context.label, null, false);
  const hits = await context.repo.grep(context.commit, probes, { maxHits: 200 });
  const cited = claim.path ? resolveCitedPath(claim.path, context.fileSet) : null;
  const candidates = pickSnippetFiles(hits, cited);
  const best = await matchSnippetIn(context, claim, candidates);
  // No line of it is in the repository as written (re-indented, re-wrapped, re-quoted): look in
  // the source files that hold its names before calling it code that is nowhere. Only a match
  // that holds counts there: a file that merely shares names is no evidence either way.
  const names = pickSnippetNames(claim.text);
  if ((best?.match.similarity ?? 0) < evidenceThresholds.snippetVerified && names.length > 0) {
    const nameHits = await context.repo.grep(context.commit, names, {
      wordMatch: true,
      maxHits: 200,
    });
    const more = pickSnippetFiles(
      nameHits.filter((hit) => !isDocumentationPath(hit.path)),
      null,
    ).filter((path) => !candidates.includes(path));
    const byName = await matchSnippetIn(context, claim, more);
    if (byName && byName.match.similarity >= evidenceThresholds.snippetVerified)
      return judgeSnippetClaim(claim, context.label, byName, true);
  }
  return judgeSnippetClaim(claim, context.label, best, true);
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

/**
 * Picks the revision the report names (a commit, a tag, a version mapped to a tag by the
 * repository's own convention), else the nearest older release, else HEAD.
 */
async function chooseCheckedRevision(
  repo: RepoReader,
  claims: readonly CodeClaim[],
  tagNames: readonly string[],
): Promise<{ revision: EvidenceSummary['revision']; convention: TagConvention | null }> {
  const { requested, candidates, convention, nearestOlder } = chooseRevision(claims, tagNames);
  const finish = (
    outcome: RevisionOutcome,
    resolved: string,
  ): { revision: EvidenceSummary['revision']; convention: TagConvention | null } => ({
    revision: summarizeCheckedRevision(outcome, {
      requested,
      resolved,
      tagConvention: convention?.pattern ?? null,
    }),
    convention,
  });
  for (const candidate of candidates) {
    const commit = await repo.resolveRevision(candidate);
    if (commit) return finish({ kind: 'named', candidate, commit }, candidate);
  }
  if (nearestOlder !== null) {
    const commit = await repo.resolveRevision(nearestOlder.tag);
    if (commit) {
      const outcome: RevisionOutcome = {
        kind: 'nearest-older',
        requested: nearestOlder.version,
        tag: nearestOlder.tag,
        commit,
        pattern: convention?.pattern ?? null,
        isNewerThanEveryTag: nearestOlder.isNewerThanEveryTag,
      };
      return finish(outcome, nearestOlder.tag);
    }
  }
  const commit = await repo.resolveHead();
  return finish({ kind: 'head', requested, commit }, 'HEAD');
}

async function openContext(
  repo: RepoReader,
  claims: readonly CodeClaim[],
): Promise<{ context: CheckContext; revision: EvidenceSummary['revision']; tagNames: string[] }> {
  const tagNames = (await repo.listTags()).map((tag) => tag.name);
  const { revision, convention } = await chooseCheckedRevision(repo, claims, tagNames);
  const files = await repo.listFiles(revision.commit);
  const context: CheckContext = {
    repo,
    commit: revision.commit,
    label: revision.resolved,
    isDefault: revision.isDefault,
    convention,
    files,
    fileSet: new Set(files),
    texts: new Map(),
    changes: new Map(),
  };
  return { context, revision, tagNames };
}

export async function checkEvidence(
  report: Report,
  facts: readonly Fact[],
  repo: RepoReader,
  options: { projectNames?: readonly string[] } = {},
): Promise<EvidenceSummary> {
  const claims = extractCodeClaims(report, facts);
  const { context, revision, tagNames } = await openContext(repo, claims);
  const symbols = listSymbolsToSearch(claims);
  const symbolHits =
    symbols.length > 0
      ? await repo.grep(context.commit, symbols, { wordMatch: true, maxHits: 2000 })
      : [];
  const hitsBySymbol = groupHitsBySymbol(symbols, symbolHits);
  const absent = await lookUpAbsentNames(
    context,
    symbols.filter((symbol) => (hitsBySymbol.get(symbol) ?? []).length === 0),
    tagNames,
  );
  const resolvedRevisions = await resolveRevisionClaims(repo, claims, tagNames);

  const checked = await Promise.all(
    claims.map(async (claim): Promise<CheckedClaim> => {
      if (claim.externalTo !== undefined) return judgeExternalClaim(claim);
      switch (claim.kind) {
        case 'file':
          return withLaterChange(context, await checkPath(context, claim));
        case 'line':
          return withLaterChange(
            context,
            await checkLine(context, claim, findQuotedCode(claim, claims)),
          );
        case 'symbol':
          return withLaterChange(
            context,
            await checkSymbol(
              context,
              claim,
              hitsBySymbol.get(claim.symbol ?? claim.text) ?? [],
              absent,
            ),
          );
        case 'snippet':
          return withLaterChange(context, await checkSnippet(context, claim));
        case 'option':
          return checkOption(context, claim);
        case 'patch':
          return judgePatchClaim(
            claim,
            context.label,
            await context.repo.checkPatch(context.commit, claim.text),
          );
        case 'revision':
          return judgeRevisionClaim(
            claim,
            context.label,
            resolvedRevisions.get(claim.text) ?? null,
          );
      }
    }),
  );
  // Code the report places in a third-party plugin or another repository is not invented for
  // being missing here.
  const isProjectName = (name: string): boolean =>
    isOwnName(name, options.projectNames ?? [], context.files);
  const outsideCue = findOutsideCodeCue(report) ?? findOtherProductCue(report, isProjectName);
  const framed = judgeOtherProductNames(
    judgeReportDataNames(judgeFrameFunctions(checked), report.body),
    report.body,
    isProjectName,
  );
  const judged =
    outsideCue === null
      ? framed
      : framed.map((entry) => judgeClaimOutsideRepository(entry, outsideCue));
  const { grade, summary, fabrication } = gradeEvidence(judged, {
    label: context.label,
    commit: context.commit,
    canProveAbsence: revision.isNewerThanEveryTag !== true,
  });
  return { revision, claims: judged, grade, summary, ...(fabrication ? { fabrication } : {}) };
}

/**
 * Whether a product name a report gives is the project's own: one of its names, or a folder or
 * file (without its extension) of the repository (`src/lxml/` for lxml, `wolfssl/` for wolfSSL).
 */
function isOwnName(
  name: string,
  projectNames: readonly string[],
  files: readonly string[],
): boolean {
  const folded = name.toLowerCase();
  if (projectNames.some((own) => own.toLowerCase() === folded)) return true;
  return files.some((file) =>
    file
      .toLowerCase()
      .split('/')
      .some((part) => part === folded || part.replace(/\.[^.]*$/, '') === folded),
  );
}
