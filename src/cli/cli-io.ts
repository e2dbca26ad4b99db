// Where the CLI writes: real streams in main.ts, string buffers in tests.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Exit codes: 0 done, 1 a bug, 2 bad usage or input the user must fix. `thresher deps` also
 * exits 1 for findings at or above --fail-on, as CI tools do.
 */
export const exitCodes = { ok: 0, internal: 1, findings: 1, input: 2 } as const;
