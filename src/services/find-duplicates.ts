// Use case: `thresher duplicates`: for each report, the earlier reports and published advisories
// about the same bug, best first, with the evidence for each. Reports are matched in arrival
// order, so later reports in one batch also find the earlier ones.

import {
  buildReportDocument,
  extractFacts,
  type DuplicateCandidate,
  type Report,
} from '../core/index.js';
import {
  loadDuplicateIndex,
  sortByArrival,
  type DuplicateSources,
} from './load-duplicate-index.js';
import type { DuplicateStore, InputProblem } from './ports.js';

interface DuplicateMatch {
  report: Report;
  candidates: DuplicateCandidate[];
}

export interface DuplicatesOutcome {
  matches: DuplicateMatch[];
  problems: InputProblem[];
  indexSize: number;
}

interface DuplicatesRequest {
  againstPaths: readonly string[];
  paths: readonly string[];
  /** Keep the checked reports for later runs. */
  storePath?: string;
  limit?: number;
}

export interface DuplicatesService {
  find(request: DuplicatesRequest): Promise<DuplicatesOutcome>;
}

export function createDuplicatesService(
  dependencies: DuplicateSources & { openDuplicateStore: (path: string) => DuplicateStore },
): DuplicatesService {
  return {
    async find({ againstPaths, paths, storePath, limit = 10 }) {
      const store = storePath === undefined ? null : dependencies.openDuplicateStore(storePath);
      const { index, problems, matchThenAdd, commit } = await loadDuplicateIndex(
        dependencies,
        againstPaths,
        '',
        store,
      );
      const batch = await dependencies.reportReader.readReports(paths);
      const matches: DuplicateMatch[] = [];
      for (const report of sortByArrival(batch.reports)) {
        const document = buildReportDocument(report, extractFacts(report), '');
        matches.push({ report, candidates: await matchThenAdd(document, limit) });
      }
      await commit();
      return { matches, problems: [...problems, ...batch.problems], indexSize: index.size };
    },
  };
}
