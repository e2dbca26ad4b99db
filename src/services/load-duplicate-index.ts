// Builds the duplicate index a run matches against: published OSV advisories and earlier reports
// from the --against paths, plus the documents kept in a store from earlier runs.

import {
  buildReportDocument,
  createDuplicateIndex,
  extractFacts,
  type DuplicateCandidate,
  type DuplicateDocument,
  type DuplicateIndex,
  type Report,
} from '../core/index.js';
import type { AdvisoryReader, DuplicateStore, InputProblem, ReportReader } from './ports.js';

export interface DuplicateSources {
  reportReader: ReportReader;
  advisoryReader: AdvisoryReader;
}

export interface LoadedIndex {
  index: DuplicateIndex;
  problems: InputProblem[];
  /**
   * Ranks the earlier documents against this one, then adds it to the index (and the store), so
   * the next report of the batch finds it.
   */
  matchThenAdd: (document: DuplicateDocument, limit: number) => Promise<DuplicateCandidate[]>;
  /** Writes what the run added to the store, if there is one. */
  commit: () => Promise<void>;
}

export async function loadDuplicateIndex(
  sources: DuplicateSources,
  againstPaths: readonly string[],
  projectName: string,
  store: DuplicateStore | null,
): Promise<LoadedIndex> {
  const index = createDuplicateIndex();
  const matchThenAdd = async (document: DuplicateDocument, limit: number) => {
    const candidates = index.query(document, { limit });
    index.add(document);
    await store?.saveDocument(document);
    return candidates;
  };
  const commit = async (): Promise<void> => {
    await store?.commit();
  };
  for (const document of (await store?.loadDocuments()) ?? []) index.add(document);
  if (againstPaths.length === 0) return { index, problems: [], matchThenAdd, commit };
  const corpus = await sources.advisoryReader.readAdvisoryCorpus(againstPaths);
  for (const advisory of corpus.advisories) index.add(advisory);
  const earlier =
    corpus.reportPaths.length > 0
      ? await sources.reportReader.readReports(corpus.reportPaths)
      : { reports: [], problems: [] };
  for (const report of earlier.reports)
    index.add(buildReportDocument(report, extractFacts(report), projectName));
  return { index, problems: [...corpus.problems, ...earlier.problems], matchThenAdd, commit };
}

/** Reports in the order they arrived: by date when both have one, else as given. */
export function sortByArrival(reports: readonly Report[]): Report[] {
  return reports
    .map((report, position) => ({ report, position }))
    .sort((a, b) => {
      const left = a.report.receivedAt;
      const right = b.report.receivedAt;
      if (left && right && left !== right) return left < right ? -1 : 1;
      return a.position - b.position;
    })
    .map(({ report }) => report);
}
