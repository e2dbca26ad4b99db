// The inbox's side of the one error table (presenters/map-error-kind.ts): the HTTP status and the
// `{ error: { code, message } }` body; a bug is answered with a generic message, never a stack.

import { mapErrorKind } from '../presenters/map-error-kind.js';

export interface HttpError {
  status: 400 | 404 | 409 | 429 | 500 | 503;
  code: string;
  message: string;
}

export function mapError(error: unknown): HttpError {
  const mapped = mapErrorKind(error);
  return {
    status: mapped.httpStatus,
    code: mapped.kind,
    message: mapped.isMessageShown ? mapped.message : 'internal error',
  };
}
