// Where the CLI writes: real streams in main.ts, string buffers in tests.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: 0 done, 1 a bug, 2 bad usage or input the user must fix, 3 refused by an embargo. */
export const exitCodes = { ok: 0, internal: 1, input: 2, embargoed: 3 } as const;
