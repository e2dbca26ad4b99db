// The single composition root: builds the adapters and hands them to the services.

import { readReportFiles } from './adapters/report-files/read-report-files.js';
import { createTriageService, type TriageService } from './services/triage-reports.js';

export interface Services {
  triage: TriageService;
}

export function createServices(): Services {
  return {
    triage: createTriageService({
      reportReader: { readReports: (paths) => readReportFiles([...paths]) },
    }),
  };
}
