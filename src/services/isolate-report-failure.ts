// One report's failure is that report's problem, never the batch's: a step that throws for one
// report (git timing out on it, a bug its text triggers) becomes a problem naming the report.

import { InputError, UnavailableError } from '../core/triage.js';
import type { InputProblem } from './ports.js';

export async function isolateReportFailure<T>(
  source: string,
  step: string,
  work: () => Promise<T>,
  problems: InputProblem[],
): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({
      source,
      message: `${step} failed: ${message}`,
      ...(error instanceof InputError || error instanceof UnavailableError
        ? {}
        : { isInternal: true }),
    });
    return null;
  }
}
