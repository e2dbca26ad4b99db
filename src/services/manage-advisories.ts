// Use cases for advisories: draft one from the reports of one bug (triaged, with in-batch
// duplicate matching, so the clusters are Thresher's own), export it to OSV, CVE JSON 5 or CSAF
// (embargo first, then the format's needs, then the official schema: nothing invalid comes out),
// and import OSV or GitHub advisories. Every input is content.

import {
  draftAdvisory,
  formatAdvisoryTimestamp,
  importAdvisories,
  parseAdvisoryJson,
  prepareAdvisoryExport,
  type Advisory,
  type AdvisoryFormat,
  type ImportedAdvisory,
  type ParseIssue,
  type Report,
  type SecurityProfile,
  type TriageResult,
} from '../core/index.js';
import type { Clock, InputProblem, StandardValidator, WeaknessCatalog } from './ports.js';
import type { TriageService } from './triage-reports.js';

interface DraftRequest {
  profile: SecurityProfile;
  /** The reports of one bug, as the intake read them. */
  reports: readonly Report[];
  id?: string;
  cveId?: string;
  ecosystem?: string;
  /** Draft one advisory even when duplicate matching sees several bugs. */
  merge?: boolean;
}

type DraftOutcome =
  | { kind: 'drafted'; advisory: Advisory; notes: string[]; problems: InputProblem[] }
  /** The reports are several bugs by duplicate matching: each list is one bug's report sources. */
  | { kind: 'several-bugs'; clusters: string[][]; problems: InputProblem[] }
  | { kind: 'no-reports'; problems: InputProblem[] };

interface ExportRequest {
  /** The advisory JSON, as `draft` writes it. */
  text: string;
  format: AdvisoryFormat;
  /** Export even during the embargo. */
  force?: boolean;
}

export type ExportOutcome =
  | { kind: 'exported'; document: Record<string, unknown>; isEmbargoed: boolean }
  /** `stage` says what failed: the advisory itself, what the format needs, or the official schema. */
  | { kind: 'invalid'; stage: 'advisory' | 'format' | 'schema'; issues: ParseIssue[] }
  | { kind: 'embargoed'; until: string };

type ImportOutcome =
  | { kind: 'imported'; advisories: ImportedAdvisory[]; isList: boolean }
  | { kind: 'invalid'; issues: ParseIssue[] };

export interface AdvisoryService {
  draft(request: DraftRequest): Promise<DraftOutcome>;
  exportAdvisory(request: ExportRequest): Promise<ExportOutcome>;
  importAdvisories(text: string): Promise<ImportOutcome>;
}

interface AdvisoryDependencies {
  triage: TriageService;
  validator: StandardValidator;
  weaknesses: WeaknessCatalog;
  clock: Clock;
  /** Thresher's version, named as the generator of CSAF documents. */
  version: string;
}

export function createAdvisoryService(dependencies: AdvisoryDependencies): AdvisoryService {
  const now = (): string => formatAdvisoryTimestamp(dependencies.clock.now());
  return {
    async draft(request) {
      const outcome = await dependencies.triage.triage({
        profile: request.profile,
        reports: request.reports,
      });
      const { problems } = outcome;
      if (outcome.queue.length === 0) return { kind: 'no-reports', problems };
      const clusters = groupDuplicates(outcome.queue);
      if (clusters.length > 1 && request.merge !== true) {
        return {
          kind: 'several-bugs',
          clusters: clusters.map((cluster) => cluster.map((result) => result.report.source)),
          problems,
        };
      }
      const { advisory, notes } = draftAdvisory({
        results: clusters.flat(),
        profile: request.profile,
        now: now(),
        ...(request.id === undefined ? {} : { id: request.id }),
        ...(request.cveId === undefined ? {} : { cveId: request.cveId }),
        ...(request.ecosystem === undefined ? {} : { ecosystem: request.ecosystem }),
      });
      if (clusters.length > 1) {
        notes.unshift(
          `merged ${clusters.length} bugs that duplicate matching tells apart, as asked`,
        );
      }
      return { kind: 'drafted', advisory, notes, problems };
    },

    async exportAdvisory({ text, format, force = false }) {
      const parsed = parseAdvisoryJson(text);
      if (!parsed.ok) return { kind: 'invalid', stage: 'advisory', issues: parsed.issues };
      const advisory = parsed.value;
      const cweNames = await dependencies.weaknesses.findNames(advisory.cwes);
      const prepared = prepareAdvisoryExport(advisory, format, {
        cweNames,
        generatorVersion: dependencies.version,
        now: now(),
        force,
      });
      if (prepared.kind === 'embargoed') return prepared;
      if (prepared.kind === 'invalid')
        return { kind: 'invalid', stage: 'format', issues: prepared.issues };
      const issues = await dependencies.validator.validate(format, prepared.document);
      if (issues.length > 0) return { kind: 'invalid', stage: 'schema', issues };
      return { kind: 'exported', document: prepared.document, isEmbargoed: prepared.isEmbargoed };
    },

    importAdvisories(text) {
      // A promise like every other service call, so the composition root may build this lazily.
      const imported = importAdvisories(text, now());
      if (!imported.ok) return Promise.resolve({ kind: 'invalid', issues: imported.issues });
      return Promise.resolve({ kind: 'imported', ...imported.value });
    },
  };
}

function compareArrival(left: TriageResult, right: TriageResult): number {
  const a = left.report.receivedAt;
  const b = right.report.receivedAt;
  return a && b && a !== b ? (a < b ? -1 : 1) : 0;
}

/** Reports linked by `duplicateOf` (in either direction) are one bug; clusters in arrival order. */
function groupDuplicates(results: readonly TriageResult[]): TriageResult[][] {
  const parent = new Map<string, string>(
    results.map((result) => [result.report.source, result.report.source]),
  );
  const find = (source: string): string => {
    let root = source;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(source, root);
    return root;
  };
  for (const result of results) {
    if (result.duplicateOf !== null && parent.has(result.duplicateOf)) {
      parent.set(find(result.report.source), find(result.duplicateOf));
    }
  }
  const clusters = new Map<string, TriageResult[]>();
  for (const result of [...results].sort(compareArrival)) {
    const root = find(result.report.source);
    clusters.set(root, [...(clusters.get(root) ?? []), result]);
  }
  // The original (what the others duplicate) leads its cluster even when no report has a date.
  return [...clusters.values()].map((cluster) => [
    ...cluster.filter((result) => !isDuplicateWithin(result, cluster)),
    ...cluster.filter((result) => isDuplicateWithin(result, cluster)),
  ]);
}

function isDuplicateWithin(result: TriageResult, cluster: readonly TriageResult[]): boolean {
  return cluster.some((other) => other.report.source === result.duplicateOf);
}
