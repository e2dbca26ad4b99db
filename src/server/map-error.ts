// The one mapping from core error kinds to HTTP statuses and the `{ error: { code, message } }`
// body; anything else is a bug, answered with a generic message and never a stack trace.

import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/index.js';

const statusOfKind: Record<ErrorCode, ContentfulStatusCode> = {
  input: 400,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

export interface HttpError {
  status: ContentfulStatusCode;
  code: string;
  message: string;
}

export function mapError(error: unknown): HttpError {
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    Object.hasOwn(statusOfKind, error.code) &&
    error.code !== 'internal'
  ) {
    return {
      status: statusOfKind[error.code as ErrorCode],
      code: error.code,
      message: error.message,
    };
  }
  return { status: 500, code: 'internal', message: 'internal error' };
}
