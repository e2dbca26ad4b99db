// Names each unreadable input on stderr, one clear line each, and picks the exit code.

import { sanitizeLineForTerminal } from '../core/triage.js';
import type { InputProblem } from '../services/ports.js';
import { exitCodes, type CliIo } from './cli-io.js';

export function writeProblems(io: CliIo, problems: readonly InputProblem[]): number {
  for (const problem of problems)
    io.stderr(`thresher: ${sanitizeLineForTerminal(`${problem.source}: ${problem.message}`)}\n`);
  if (problems.some((problem) => problem.isInternal === true)) return exitCodes.internal;
  return problems.length > 0 ? exitCodes.input : exitCodes.ok;
}
