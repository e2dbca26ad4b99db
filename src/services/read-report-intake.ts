// Use case: intake. Turns what a front end received (an upload's bytes, a tool call's text, the
// files the CLI was given) into reports through the core intake, and reads the published
// advisories and earlier reports that duplicates are matched against.

import {
  readReportInput,
  type IntakeResult,
  type MailReader,
  type ReportInput,
} from '../core/triage.js';
import type { AdvisoryReader, DuplicateCorpus, ReportBatch, ReportReader } from './ports.js';

export interface IntakeService {
  /** One body (bytes or text, with its name and media type when known): no file system. */
  read(input: ReportInput): Promise<IntakeResult>;
  /** Files and folders of them (the CLI's REPORT arguments). */
  readFiles(paths: readonly string[]): Promise<ReportBatch>;
  /** OSV advisories (folders, JSON, zips) and earlier reports, for duplicate matching. */
  readCorpus(paths: readonly string[]): Promise<DuplicateCorpus>;
}

export function createIntakeService(parts: {
  mail: MailReader;
  reportReader: ReportReader;
  advisoryReader: AdvisoryReader;
}): IntakeService {
  return {
    read: (input) => readReportInput(input, parts.mail),
    readFiles: (paths) => parts.reportReader.readReports(paths),
    async readCorpus(paths) {
      if (paths.length === 0) return { advisories: [], reports: [], problems: [] };
      const corpus = await parts.advisoryReader.readAdvisoryCorpus(paths);
      const earlier =
        corpus.reportPaths.length > 0
          ? await parts.reportReader.readReports(corpus.reportPaths)
          : { reports: [], problems: [] };
      return {
        advisories: corpus.advisories,
        reports: earlier.reports,
        problems: [...corpus.problems, ...earlier.problems],
      };
    },
  };
}
