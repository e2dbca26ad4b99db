// Where the CLI writes: real streams in main.ts, string buffers in tests.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, for commands that ask questions (`thresher init`); absent in most tests. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** True when stderr is a terminal: batches then show their progress there. */
  isStderrTerminal?: boolean;
}

/**
 * Exit codes: 0 done, 1 a bug, 2 bad usage or input the user must fix, 3 refused by an embargo.
 * `thresher audit` also exits 1 when a check fails, `thresher init` when it left a changed file
 * unwritten, and `thresher deps` for findings at or above --fail-on, as CI tools do.
 */
export const exitCodes = {
  ok: 0,
  internal: 1,
  checksFailed: 1,
  findings: 1,
  input: 2,
  embargoed: 3,
} as const;
