// Progress of a batch on stderr (`thresher: triaged 120 of 2000 reports`), rewritten in place,
// only when stderr is a terminal and --quiet was not given: pipes and logs never see it.

import type { CliIo } from './cli-io.js';

export interface Progress {
  advance(): void;
  /** Ends the line (once, even when called again), after the batch or when it fails. */
  finish(): void;
}

const silent: Progress = { advance: () => {}, finish: () => {} };

export function createProgress(
  io: CliIo,
  options: { total: number; verb: string; isQuiet: boolean },
): Progress {
  if (options.isQuiet || io.isStderrTerminal !== true || options.total < 2) return silent;
  let done = 0;
  const write = () =>
    io.stderr(`\r\u001b[2Kthresher: ${options.verb} ${done} of ${options.total} reports`);
  write();
  return {
    advance() {
      done += 1;
      write();
    },
    finish() {
      if (done < 0) return;
      done = -1;
      io.stderr('\n');
    },
  };
}
