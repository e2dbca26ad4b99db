// The one table from the core's error kinds (core/errors.ts) to what each front end answers: the
// CLI's exit code, the HTTP status of the inbox's API and the JSON-RPC error code of the MCP
// server. Every front end maps errors through `mapErrorKind`, so a kind means the same everywhere.

import type { ErrorCode } from '../core/index.js';

export interface ErrorAnswer {
  /** `thresher` exits with this code after one line on stderr. */
  exitCode: 1 | 2;
  /** The inbox's API answers `{ error: { code, message } }` with this status. */
  httpStatus: 400 | 404 | 409 | 429 | 500 | 503;
  /**
   * The MCP server's JSON-RPC error code, for a request that fails outside a tool; a failing tool
   * call answers a result with `isError: true` and the same `{ error: { code, message } }`.
   */
  jsonRpcCode: number;
  /** Whether the error's own message is shown; a bug's message stays in the log (or the CLI's line). */
  isMessageShown: boolean;
}

/**
 * What the user must fix (bad input, a missing file, a conflicting state, something that did not
 * answer in time) is exit code 2; a bug is 1. JSON-RPC: -32602 is the specification's "invalid
 * params" and -32603 its "internal error"; -32002 is MCP's "resource not found"; conflict,
 * rate-limited and unavailable take codes of the server-defined range that the MCP SDK leaves free.
 */
export const errorAnswers: Readonly<Record<ErrorCode, ErrorAnswer>> = {
  input: { exitCode: 2, httpStatus: 400, jsonRpcCode: -32602, isMessageShown: true },
  'not-found': { exitCode: 2, httpStatus: 404, jsonRpcCode: -32002, isMessageShown: true },
  conflict: { exitCode: 2, httpStatus: 409, jsonRpcCode: -32009, isMessageShown: true },
  'rate-limited': { exitCode: 2, httpStatus: 429, jsonRpcCode: -32029, isMessageShown: true },
  unavailable: { exitCode: 2, httpStatus: 503, jsonRpcCode: -32011, isMessageShown: true },
  internal: { exitCode: 1, httpStatus: 500, jsonRpcCode: -32603, isMessageShown: false },
};

export interface MappedError extends ErrorAnswer {
  kind: ErrorCode;
  /** The error's message: show it only when `isMessageShown`. */
  message: string;
}

function isErrorKind(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorAnswers, code);
}

/** Any thrown value -> its kind and answers; anything that is not one of ours is a bug. */
export function mapErrorKind(error: unknown): MappedError {
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    error instanceof Error && 'code' in error && isErrorKind(error.code) ? error.code : 'internal';
  return { kind, message, ...errorAnswers[kind] };
}
