// The mutation harness of `npm run bench:evidence -- --mutate`: takes reports written from a
// project's published advisories, replaces every true name (function, constant, type, option)
// with an invented near miss that no tag of the repository holds, and scores how many invented
// names the evidence check catches and how many true names it wrongly contradicts.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readReportFiles } from '../../src/adapters/report-files/read-report-files.js';
import { postalMimeMailReader } from '../../src/adapters/mail/parse-email-reports.js';
import {
  extractFacts,
  type CheckedClaim,
  type EvidenceSummary,
  type Report,
} from '../../src/core/index.js';
import { parseReportText } from '../../src/core/report/parse-report.js';
import { checkEvidence } from '../../src/services/check-evidence.js';
import type { RepoReader } from '../../src/services/ports.js';

export interface ProjectScore {
  project: string;
  reports: number;
  trueNames: number;
  trueContradicted: string[];
  invented: number;
  inventedCaught: number;
  inventedMissed: string[];
  mutatedReports: number;
  mutatedFabricated: number;
  typoReports: number;
  typoFabricated: string[];
  originalFabricated: string[];
  /** The corpus's AI-fabricated reports (expected invalid with a repository): how many are graded so. */
  fabricatedReports: number;
  fabricatedCaught: number;
}

/** Whether a name occurs as a whole word in any of the trees (one `git grep` over them all). */
function isInAnyTree(repoDir: string, name: string, trees: readonly string[]): boolean {
  for (let at = 0; at < trees.length; at += 40) {
    try {
      execFileSync(
        'git',
        ['grep', '-q', '-I', '-F', '-w', '-e', name, ...trees.slice(at, at + 40), '--'],
        { cwd: repoDir, stdio: ['ignore', 'ignore', 'ignore'] },
      );
      return true;
    } catch {
      // exit 1: not found in this batch
    }
  }
  return false;
}

function listTrees(repoDir: string): string[] {
  const tags = execFileSync('git', ['tag'], { cwd: repoDir, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return ['HEAD', ...tags];
}

/** A deterministic pseudo-random source, so every run mutates the same way. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const wordSwaps: Array<[RegExp, string]> = [
  [/Buffer/, 'Buf'],
  [/Parse/, 'Parsing'],
  [/parse/, 'parsing'],
  [/String/, 'Str'],
  [/string/, 'str'],
  [/Copy/, 'Clone'],
  [/copy/, 'clone'],
  [/Error/, 'Err'],
  [/Get/, 'Fetch'],
  [/get/, 'fetch'],
  [/Set/, 'Put'],
  [/set/, 'put'],
  [/_/, ''],
];

/** Candidate near misses of a name: a transposition, a dropped or doubled letter, a swapped word. */
function proposeNearMisses(name: string, random: () => number): string[] {
  const proposals: string[] = [];
  const letters = [...name].map((character, index) => ({ character, index }));
  const inner = letters.filter(
    ({ character, index }) => /[A-Za-z]/.test(character) && index > 0 && index < name.length - 1,
  );
  for (let attempt = 0; attempt < 6 && inner.length > 0; attempt += 1) {
    const { index } = inner[Math.floor(random() * inner.length)]!;
    const kind = Math.floor(random() * 3);
    if (kind === 0 && /[A-Za-z]/.test(name[index + 1] ?? '') && name[index] !== name[index + 1])
      proposals.push(name.slice(0, index) + name[index + 1] + name[index] + name.slice(index + 2));
    else if (kind === 1 && name.length > 5)
      proposals.push(name.slice(0, index) + name.slice(index + 1));
    else proposals.push(name.slice(0, index) + name[index] + name.slice(index));
  }
  for (const [pattern, replacement] of wordSwaps) {
    if (pattern.test(name)) proposals.push(name.replace(pattern, replacement));
  }
  return proposals.filter((proposal) => proposal !== name && proposal.length >= 4);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceWord(text: string, name: string, replacement: string): string {
  return text.replace(
    new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'g'),
    () => replacement,
  );
}

/** The report as one Markdown text (title heading first), the form every variant is parsed from. */
function toMarkdown(report: Report): string {
  return report.body.startsWith('# ') ? report.body : `# ${report.title}\n\n${report.body}`;
}

function parseMarkdown(source: string, text: string): Report {
  const parsed = parseReportText(`${source}.md`, text, 'markdown');
  if (!parsed.ok) throw new Error(`${source}: ${parsed.issues[0]?.message ?? 'unparsable'}`);
  return parsed.value[0]!;
}

/** The name a claim stands for, as replaceable text: `jv_parse`, `XML_TRUE`, `seq` of `--seq`. */
function nameOf(checked: CheckedClaim): string | null {
  const { claim } = checked;
  if (claim.externalTo !== undefined) return null;
  if (claim.kind === 'symbol') return claim.symbol ?? claim.text;
  if (claim.kind === 'option') return claim.text.replace(/^-+/, '');
  return null;
}

async function check(report: Report, repo: RepoReader): Promise<EvidenceSummary> {
  return checkEvidence(report, extractFacts(report), repo);
}

function statusesOf(evidence: EvidenceSummary): Map<string, CheckedClaim['status']> {
  const statuses = new Map<string, CheckedClaim['status']>();
  for (const checked of evidence.claims) {
    const name = nameOf(checked);
    if (name === null) continue;
    // A name said twice (`f` and `f()`) counts as caught only when every claim of it is.
    const previous = statuses.get(name);
    if (previous === undefined || checked.status !== 'contradicted')
      statuses.set(name, checked.status);
  }
  return statuses;
}

/** Reads the project's corpus reports and any extra advisory reports, and scores them. */
export async function scoreProject(input: {
  project: string;
  repoDir: string;
  repo: RepoReader;
  reportDirs: readonly string[];
  /** File names of reports the corpus expects to be invalid (fabricated) with a repository. */
  fabricated: ReadonlySet<string>;
  onReport?: (line: string) => void;
}): Promise<ProjectScore> {
  const { project, repoDir, repo, reportDirs } = input;
  const paths = reportDirs.flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .map((name) => join(dir, name)),
  );
  const batch = await readReportFiles(paths, postalMimeMailReader);
  const trees = listTrees(repoDir);
  const random = createRandom(20_240_917);
  const known = new Map<string, boolean>();
  const isReal = (name: string): boolean => {
    let found = known.get(name);
    if (found === undefined) {
      found = isInAnyTree(repoDir, name, trees);
      known.set(name, found);
    }
    return found;
  };
  const score: ProjectScore = {
    project,
    reports: 0,
    trueNames: 0,
    trueContradicted: [],
    invented: 0,
    inventedCaught: 0,
    inventedMissed: [],
    mutatedReports: 0,
    mutatedFabricated: 0,
    typoReports: 0,
    typoFabricated: [],
    originalFabricated: [],
    fabricatedReports: 0,
    fabricatedCaught: 0,
  };
  for (const original of batch.reports) {
    const source = original.source.slice(original.source.lastIndexOf('/') + 1);
    const text = toMarkdown(original);
    const evidence = await check(parseMarkdown(source, text), repo);
    score.reports += 1;
    if (input.fabricated.has(source)) {
      // An invented report is not a source of true names; it only has to be caught.
      score.fabricatedReports += 1;
      if (evidence.grade === 'fabricated') score.fabricatedCaught += 1;
      input.onReport?.(`  ${source}: fabricated by design, graded ${evidence.grade}`);
      continue;
    }
    const trueNames = [...statusesOf(evidence)].filter(([name]) => isReal(name));
    for (const [name, status] of trueNames) {
      score.trueNames += 1;
      if (status === 'contradicted') score.trueContradicted.push(`${source}: ${name}`);
    }
    if (evidence.grade === 'fabricated')
      score.originalFabricated.push(`${source} (${evidence.summary.slice(0, 160)})`);
    if (trueNames.length === 0) continue;

    // Every true name replaced by an invented near miss that no tag holds.
    const replacements = new Map<string, string>();
    for (const [name] of trueNames) {
      const invented = proposeNearMisses(name, random).find(
        (candidate) =>
          !isReal(candidate) &&
          ![...replacements.values()].includes(candidate) &&
          !text.includes(candidate),
      );
      if (invented !== undefined) replacements.set(name, invented);
    }
    if (replacements.size === 0) continue;
    // Longer names first, so `XML_ParseBuffer` is replaced before `XML_Parse`.
    const ordered = [...replacements].sort((a, b) => b[0].length - a[0].length);
    let mutated = text;
    for (const [name, invented] of ordered) mutated = replaceWord(mutated, name, invented);
    const mutatedEvidence = await check(parseMarkdown(`${source}-mutated`, mutated), repo);
    const mutatedStatuses = statusesOf(mutatedEvidence);
    score.mutatedReports += 1;
    if (mutatedEvidence.grade === 'fabricated') score.mutatedFabricated += 1;
    for (const [name, invented] of replacements) {
      score.invented += 1;
      const status = mutatedStatuses.get(invented);
      if (status === 'contradicted') score.inventedCaught += 1;
      else
        score.inventedMissed.push(`${source}: ${name} -> ${invented} (${status ?? 'not a claim'})`);
    }
    input.onReport?.(
      `  ${source}: ${trueNames.length} true names, original ${evidence.grade}, all replaced ${mutatedEvidence.grade}`,
    );

    // One typo in a genuine report with several true names: never fabricated.
    const typoTarget = evidence.claims.find(
      (checked) =>
        checked.claim.kind === 'symbol' &&
        checked.claim.symbolKind === 'function' &&
        replacements.has(nameOf(checked) ?? ''),
    );
    if (trueNames.length >= 3 && typoTarget !== undefined) {
      const name = nameOf(typoTarget)!;
      const invented = replacements.get(name)!;
      const typo = replaceWord(text, name, invented);
      const typoEvidence = await check(parseMarkdown(`${source}-typo`, typo), repo);
      score.typoReports += 1;
      if (typoEvidence.grade === 'fabricated')
        score.typoFabricated.push(`${source}: ${name} -> ${invented}`);
    }
  }
  return score;
}
