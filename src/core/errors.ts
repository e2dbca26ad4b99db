// Error classes for bad caller input, missing or conflicting state, and bugs. They carry a string
// code and know nothing of HTTP statuses or exit codes: each adapter maps them once.

export type ErrorCode =
  'input' | 'not-found' | 'conflict' | 'rate-limited' | 'unavailable' | 'internal';

abstract class ThresherError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The caller gave input we cannot use (a bad profile, an unreadable report). */
export class InputError extends ThresherError {
  readonly code = 'input';
}

/** Something the caller named does not exist. */
export class NotFoundError extends ThresherError {
  readonly code = 'not-found';
}

/** The request conflicts with the current state. */
export class ConflictError extends ThresherError {
  readonly code = 'conflict';
}

/** The caller sent more than a limit allows in a time window (a reporter's daily reports). */
export class RateLimitedError extends ThresherError {
  readonly code = 'rate-limited';
}

/** Something we depend on did not answer in time or at all (git timing out, a registry down). */
export class UnavailableError extends ThresherError {
  readonly code = 'unavailable';
}

/** A bug: an invariant did not hold. */
export class InternalError extends ThresherError {
  readonly code = 'internal';
}
