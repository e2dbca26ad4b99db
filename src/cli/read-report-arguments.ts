// Reads what the report commands are given on the command line (REPORT files and folders, and the
// --against corpus) through the intake, so that the services receive reports, never paths.

import type { Services } from '../create-services.js';
import type { Report } from '../core/index.js';
import type { DuplicateCorpus, InputProblem } from '../services/ports.js';

export interface ReportArguments {
  reports: Report[];
  /** Absent when no --against path was given. */
  against?: DuplicateCorpus;
  /** What could not be read: the corpus's first, then the reports', as the files were named. */
  problems: InputProblem[];
}

export async function readReportArguments(
  services: Services,
  paths: readonly string[],
  againstPaths: readonly string[] = [],
): Promise<ReportArguments> {
  const against = againstPaths.length > 0 ? await services.intake.readCorpus(againstPaths) : null;
  const batch = await services.intake.readFiles(paths);
  return {
    reports: batch.reports,
    ...(against ? { against } : {}),
    problems: [...(against?.problems ?? []), ...batch.problems],
  };
}
