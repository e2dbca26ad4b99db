// The interfaces the services need from the outside world; adapters implement them.

import type { Report } from '../core/index.js';

/** A report file (or one message of an mbox) that could not be read or parsed. */
export interface InputProblem {
  source: string;
  message: string;
}

export interface ReportBatch {
  reports: Report[];
  problems: InputProblem[];
}

/** Reads report files and folders of them, in any supported intake format. */
export interface ReportReader {
  readReports(paths: readonly string[]): Promise<ReportBatch>;
}
