// The one error table: every kind has an answer for each front end, and what is not ours is a bug.
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  InputError,
  InternalError,
  NotFoundError,
  RateLimitedError,
  UnavailableError,
  type ErrorCode,
} from '../core/index.js';
import { errorAnswers, mapErrorKind } from './map-error-kind.js';

describe('mapErrorKind', () => {
  it('maps each error class to its kind, exit code, HTTP status and JSON-RPC code', () => {
    const cases: Array<[Error, ErrorCode, number, number, number]> = [
      [new InputError('bad'), 'input', 2, 400, -32602],
      [new NotFoundError('gone'), 'not-found', 2, 404, -32002],
      [new ConflictError('taken'), 'conflict', 2, 409, -32009],
      [new RateLimitedError('busy'), 'rate-limited', 2, 429, -32029],
      [new UnavailableError('slow'), 'unavailable', 2, 503, -32011],
      [new InternalError('bug'), 'internal', 1, 500, -32603],
    ];
    for (const [error, kind, exitCode, httpStatus, jsonRpcCode] of cases) {
      expect(mapErrorKind(error)).toMatchObject({
        kind,
        exitCode,
        httpStatus,
        jsonRpcCode,
        message: error.message,
      });
    }
    expect(Object.keys(errorAnswers).sort()).toEqual(cases.map(([, kind]) => kind).sort());
  });

  it('treats anything else as a bug whose message is not shown', () => {
    for (const thrown of [new TypeError('x is undefined'), 'a string', { code: 'input' }]) {
      const mapped = mapErrorKind(thrown);
      expect(mapped.kind).toBe('internal');
      expect(mapped.isMessageShown).toBe(false);
    }
    // A Node error code is not one of our kinds.
    const nodeError = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(mapErrorKind(nodeError).kind).toBe('internal');
  });

  it('keeps JSON-RPC codes distinct so a client can tell kinds apart', () => {
    const codes = Object.values(errorAnswers).map((answer) => answer.jsonRpcCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
