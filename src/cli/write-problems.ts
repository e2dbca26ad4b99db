// Names each unreadable input on stderr, one clear line each, and picks the exit code.

import type { InputProblem } from '../services/ports.js';
import { exitCodes, type CliIo } from './cli-io.js';

export function writeProblems(io: CliIo, problems: readonly InputProblem[]): number {
  for (const problem of problems) io.stderr(`thresher: ${problem.source}: ${problem.message}\n`);
  return problems.length > 0 ? exitCodes.input : exitCodes.ok;
}
