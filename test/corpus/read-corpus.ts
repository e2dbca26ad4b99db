// Reads the measurement corpus: each project's profile, report files, expected verdicts and its
// split (tune or measure). Shared by bench:triage, bench:robustness and the tests that check the
// corpus itself. Test-side code: it reads files directly.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import {
  InvalidSecurityProfileError,
  loadSecurityProfile,
} from '../../src/config/load-security-profile.js';
import type { SecurityProfile } from '../../src/core/index.js';

export const corpusRoot = resolve(import.meta.dirname);

export const expectedDispositions = [
  'in-scope',
  'out-of-scope',
  'needs-info',
  'duplicate',
  'needs-review',
  'undetermined',
  'invalid',
] as const;

export type ExpectedDisposition = (typeof expectedDispositions)[number];

const requirementNames = [
  'affected-version',
  'affected-component',
  'reproduction',
  'impact',
  'proposed-patch',
  'test-case',
  'severity',
  'weakness',
  'ai-disclosure',
] as const;

const verdictFields = {
  disposition: z.enum(expectedDispositions),
  rules: z.array(z.string().min(1)).optional(),
  missing: z.array(z.enum(requirementNames)).optional(),
  'duplicate-of': z.string().min(1).optional(),
  severity: z.string().min(1),
  reason: z.string().min(20),
};

/**
 * `with-repo`: the verdict expected when the project is triaged with its repository (`thresher
 * triage --repo`), where the code claims are checked; its severity defaults to the plain one.
 */
const expectedVerdictSchema = z.strictObject({
  ...verdictFields,
  'with-repo': z
    .strictObject({ ...verdictFields, severity: verdictFields.severity.optional() })
    .optional(),
});

const expectedFileSchema = z.strictObject({
  project: z.string().min(1),
  reports: z.record(z.string(), expectedVerdictSchema),
});

const splitSchema = z.strictObject({
  tune: z.array(z.string()),
  measure: z.array(z.string()),
});

export type Split = 'tune' | 'measure';

export interface ExpectedVerdict {
  disposition: ExpectedDisposition;
  rules?: string[];
  missing?: string[];
  duplicateOf?: string;
  severity: string;
  reason: string;
  /** The verdict expected when triaged with the project's repository, if it differs. */
  withRepo?: ExpectedVerdict;
}

export interface CorpusProject {
  /** The folder name under test/corpus, e.g. `libexpat`. */
  slug: string;
  /** The project name the expected file gives. */
  name: string;
  split: Split;
  profilePath: string;
  reportsDir: string;
  /** Report file names, sorted (the order they are read in). */
  reportFiles: string[];
  /** Keyed by report file name, or `file.mbox#N` for a message of an mbox. */
  expected: Map<string, ExpectedVerdict>;
}

/** Reads every project folder named in split.yml. Throws on a malformed corpus file. */
export function readCorpus(root: string = corpusRoot): CorpusProject[] {
  const split = splitSchema.parse(parseYaml(readFileSync(join(root, 'split.yml'), 'utf8')));
  const splitOf = new Map<string, Split>([
    ...split.tune.map((slug) => [slug, 'tune'] as const),
    ...split.measure.map((slug) => [slug, 'measure'] as const),
  ]);
  return [...splitOf].map(([slug, projectSplit]) => readProject(root, slug, projectSplit));
}

function readProject(root: string, slug: string, split: Split): CorpusProject {
  const dir = join(root, slug);
  const reportsDir = join(dir, 'reports');
  const parsed = expectedFileSchema.safeParse(
    parseYaml(readFileSync(join(dir, 'expected.yml'), 'utf8')),
  );
  if (!parsed.success) {
    throw new Error(`${slug}/expected.yml: ${z.prettifyError(parsed.error)}`);
  }
  const expected = new Map<string, ExpectedVerdict>();
  for (const [key, verdict] of Object.entries(parsed.data.reports)) {
    const { 'duplicate-of': duplicateOf, 'with-repo': withRepo, ...rest } = verdict;
    expected.set(key, {
      ...rest,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
      ...(withRepo === undefined
        ? {}
        : { withRepo: toExpectedVerdict({ severity: rest.severity, ...withRepo }) }),
    });
  }
  const reportFiles = readdirSync(reportsDir)
    .filter((name) => !name.startsWith('.') && statSync(join(reportsDir, name)).isFile())
    .sort();
  return {
    slug,
    name: parsed.data.project,
    split,
    profilePath: join(dir, 'security-profile.yml'),
    reportsDir,
    reportFiles,
    expected,
  };
}

function toExpectedVerdict(
  fields: Omit<z.infer<typeof expectedVerdictSchema>, 'with-repo'>,
): ExpectedVerdict {
  const { 'duplicate-of': duplicateOf, ...rest } = fields;
  return { ...rest, ...(duplicateOf === undefined ? {} : { duplicateOf }) };
}

/** The verdict to compare with: the `with-repo` one when triaged with the repository. */
export function expectedVerdictFor(verdict: ExpectedVerdict, hasRepo: boolean): ExpectedVerdict {
  return hasRepo && verdict.withRepo !== undefined ? verdict.withRepo : verdict;
}

export type LoadedCorpusProfile =
  { ok: true; profile: SecurityProfile } | { ok: false; reason: string };

/** Loads a project's profile with the real loader; a profile that does not load says why. */
export async function loadCorpusProfile(project: CorpusProject): Promise<LoadedCorpusProfile> {
  try {
    return { ok: true, profile: await loadSecurityProfile(project.profilePath) };
  } catch (error) {
    if (!(error instanceof InvalidSecurityProfileError)) throw error;
    return { ok: false, reason: error.message };
  }
}
