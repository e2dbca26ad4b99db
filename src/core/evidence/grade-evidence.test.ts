import { describe, expect, it } from 'vitest';
import type { CheckedClaim, ClaimStatus, CodeClaim } from '../model/evidence.js';
import { gradeEvidence } from './grade-evidence.js';

const span = { start: 0, end: 1, line: 1 };

function checked(
  claim: Omit<CodeClaim, 'span'>,
  status: ClaimStatus,
  summary: string,
): CheckedClaim {
  return { claim: { ...claim, span }, status, proof: { summary } };
}

const symbol = (name: string, status: ClaimStatus, summary: string): CheckedClaim =>
  checked({ kind: 'symbol', text: name, symbol: name }, status, summary);
const file = (path: string, status: ClaimStatus, summary: string): CheckedClaim =>
  checked({ kind: 'file', text: path, path }, status, summary);
const revision = checked({ kind: 'revision', text: 'v2.4.1' }, 'verified', 'v2.4.1 is 9cbfe00');

describe('gradeEvidence', () => {
  it('says so when there is nothing to grade', () => {
    expect(gradeEvidence([]).grade).toBe('no-claims');
  });

  it('calls a report whose every claim fails contradicted, and says why', () => {
    const result = gradeEvidence([
      revision,
      symbol(
        'http_parse_secure_headers',
        'contradicted',
        'http_parse_secure_headers is not defined anywhere',
      ),
      file('src/http/secure.c', 'contradicted', 'src/http/secure.c does not exist'),
    ]);
    expect(result).toEqual({
      grade: 'contradicted',
      summary:
        'None of the 2 code claims hold at v2.4.1: http_parse_secure_headers is not defined anywhere, src/http/secure.c does not exist.',
    });
  });

  it('lists at most three reasons and prefixes proofs that do not name the claim', () => {
    const result = gradeEvidence([
      symbol('a_fn', 'contradicted', 'not defined'),
      symbol('b_fn', 'contradicted', 'not defined'),
      symbol('c_fn', 'contradicted', 'not defined'),
      symbol('d_fn', 'contradicted', 'not defined'),
      symbol('e_fn', 'contradicted', 'not defined'),
    ]);
    expect(result.summary).toBe(
      'None of the 5 code claims hold: a_fn: not defined, b_fn: not defined, c_fn: not defined and 2 more.',
    );
  });

  it('needs a central claim to call a single failure contradicted', () => {
    expect(gradeEvidence([symbol('parse_x', 'contradicted', 'parse_x is not defined')]).grade).toBe(
      'contradicted',
    );
    const snippet = checked({ kind: 'snippet', text: 'x = y;' }, 'contradicted', 'no such code');
    expect(gradeEvidence([snippet]).grade).toBe('mixed');
  });

  it('grades verified, mostly-verified and mixed by the share that holds', () => {
    const ok = (name: string): CheckedClaim => symbol(name, 'verified', `${name} is defined`);
    const bad = (name: string): CheckedClaim =>
      symbol(name, 'contradicted', `${name} is not defined`);
    expect(gradeEvidence([ok('a'), ok('b'), revision])).toEqual({
      grade: 'verified',
      summary: 'All 2 code claims hold at v2.4.1.',
    });
    expect(gradeEvidence([ok('a'), ok('b'), ok('c'), bad('d')]).grade).toBe('mostly-verified');
    expect(gradeEvidence([ok('a'), ok('b'), ok('c'), bad('d')]).summary).toBe(
      '3 of 4 code claims hold; 1 does not: d is not defined.',
    );
    expect(gradeEvidence([ok('a'), bad('b'), bad('c')]).grade).toBe('mixed');
  });

  it('leaves unverifiable claims out of the share and mentions them', () => {
    const result = gradeEvidence([
      symbol('a', 'verified', 'a is defined'),
      symbol('memcpy_s', 'unverifiable', 'memcpy_s is only used'),
    ]);
    expect(result).toEqual({
      grade: 'verified',
      summary: 'The code claim holds (1 could not be checked).',
    });
    expect(gradeEvidence([symbol('memcpy_s', 'unverifiable', 'only used')]).grade).toBe(
      'unverifiable',
    );
  });

  it('grades revision claims only when they are all there is', () => {
    const missing = checked(
      { kind: 'revision', text: 'deadbee1' },
      'contradicted',
      'no commit deadbee1 in the repository',
    );
    expect(gradeEvidence([missing]).grade).toBe('mixed');
    expect(gradeEvidence([revision]).grade).toBe('verified');
    expect(gradeEvidence([missing, symbol('a', 'verified', 'a is defined')]).grade).toBe(
      'verified',
    );
  });
});
