// Use case: `thresher duplicates`: for each report, the earlier reports and published advisories
// about the same bug, best first, with the evidence for each. Reports are matched in arrival
// order, so later reports in one batch also find the earlier ones. Takes reports, never paths.

import {
  buildReportDocument,
  extractFacts,
  type DuplicateCandidate,
  type Report,
} from '../core/index.js';
import { loadDuplicateIndex, sortByArrival } from './load-duplicate-index.js';
import type { DuplicateCorpus, DuplicateStore } from './ports.js';

interface DuplicateMatch {
  report: Report;
  candidates: DuplicateCandidate[];
}

export interface DuplicatesOutcome {
  matches: DuplicateMatch[];
  /** Documents the reports were matched against (advisories, earlier and stored reports). */
  indexSize: number;
}

interface DuplicatesRequest {
  reports: readonly Report[];
  /** Published advisories and earlier reports, as the intake read them. */
  against?: DuplicateCorpus;
  /** Where checked reports are kept, and matched against in later runs. */
  duplicateStore?: DuplicateStore;
  limit?: number;
}

export interface DuplicatesService {
  find(request: DuplicatesRequest): Promise<DuplicatesOutcome>;
}

export function createDuplicatesService(): DuplicatesService {
  return {
    async find({ reports, against, duplicateStore, limit = 10 }) {
      const { index, matchThenAdd, commit } = await loadDuplicateIndex(
        against ?? null,
        '',
        duplicateStore ?? null,
      );
      const matches: DuplicateMatch[] = [];
      for (const report of sortByArrival(reports)) {
        const document = buildReportDocument(report, extractFacts(report), '');
        matches.push({ report, candidates: await matchThenAdd(document, limit) });
      }
      await commit();
      return { matches, indexSize: index.size };
    },
  };
}
