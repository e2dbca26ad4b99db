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

describe('gradeEvidence: fabricated', () => {
  const located = (entry: CheckedClaim): CheckedClaim => ({
    ...entry,
    claim: { ...entry.claim, role: 'location' },
  });
  const fn = (name: string, status: ClaimStatus, summary: string, didYouMean?: string) => {
    const entry = checked(
      { kind: 'symbol', text: name, symbol: name, symbolKind: 'function' },
      status,
      summary,
    );
    return didYouMean === undefined ? entry : { ...entry, proof: { ...entry.proof, didYouMean } };
  };
  const where = { label: 'v2.4.1', commit: '9cbfe00' };

  it('grades a report naming a real file but invented functions fabricated, with the proof', () => {
    const result = gradeEvidence(
      [
        revision,
        located(file('src/http/parser.c', 'verified', 'src/http/parser.c exists at v2.4.1')),
        located(fn('parse_secure_header', 'contradicted', 'parse_secure_header is nowhere')),
        fn('secure_exec', 'contradicted', 'secure_exec is nowhere'),
        fn('parse_header', 'verified', 'parse_header is defined at src/http/parser.c:4'),
      ],
      where,
    );
    expect(result.grade).toBe('fabricated');
    expect(result.summary).toBe(
      'The code this report says is vulnerable does not exist at v2.4.1: parse_secure_header is nowhere, secure_exec is nowhere. It names 1 real thing too (src/http/parser.c), which does not make the rest exist.',
    );
    expect(result.fabrication).toEqual({
      revision: 'v2.4.1',
      commit: '9cbfe00',
      contradicted: [
        {
          kind: 'symbol',
          text: 'parse_secure_header',
          role: 'location',
          searched: 'parse_secure_header is nowhere',
        },
        {
          kind: 'symbol',
          text: 'secure_exec',
          role: 'context',
          searched: 'secure_exec is nowhere',
        },
      ],
      verified: [{ kind: 'file', text: 'src/http/parser.c', role: 'location' }],
      weights: { contradicted: 12, verified: 6 },
    });
  });

  it('does not call one typo among true claims fabricated', () => {
    const result = gradeEvidence(
      [
        located(
          fn(
            'parse_heade',
            'contradicted',
            'parse_heade is nowhere; did you mean parse_header?',
            'parse_header',
          ),
        ),
        fn('read_request', 'verified', 'read_request is defined at src/http/conn.c:10'),
        located(file('src/http/parser.c', 'verified', 'src/http/parser.c exists')),
      ],
      where,
    );
    expect(result.grade).toBe('mixed');
    expect(result.fabrication).toBeUndefined();
    expect(result.summary).toContain('did you mean parse_header?');
  });

  it('weighs the vulnerable location over passing mentions', () => {
    const context = (name: string) => fn(name, 'verified', `${name} is defined`);
    const result = gradeEvidence(
      [
        located(fn('invented_one', 'contradicted', 'invented_one is nowhere')),
        located(fn('invented_two', 'contradicted', 'invented_two is nowhere')),
        context('a_real_one'),
        context('b_real_one'),
        context('c_real_one'),
      ],
      where,
    );
    // 2 × 3 × 3 = 18 against 3 × 3 = 9: the passing true mentions do not redeem the report.
    expect(result.grade).toBe('fabricated');
    expect(result.fabrication?.weights).toEqual({ contradicted: 18, verified: 9 });
  });

  it('needs a contradicted claim in the vulnerable location, and a name, not only a snippet', () => {
    const onlyContext = gradeEvidence(
      [fn('invented_one', 'contradicted', 'nowhere'), fn('real_one', 'verified', 'defined')],
      where,
    );
    expect(onlyContext.grade).toBe('mixed');
    const snippet = checked(
      { kind: 'snippet', text: 'x = y;', role: 'location' },
      'contradicted',
      'no such code',
    );
    expect(gradeEvidence([snippet, fn('real_one', 'verified', 'defined')], where).grade).toBe(
      'mixed',
    );
  });

  it('does not call a report fabricated for one missing file alone, but does for two', () => {
    const missingFile = (path: string): CheckedClaim =>
      located(file(path, 'contradicted', `${path} does not exist`));
    // A bare `config.json` or the application's module: the weakest claim, often the user's.
    const oneFile = gradeEvidence([missingFile('src/app/hooks.c')], where);
    expect(oneFile.grade).toBe('contradicted');
    expect(oneFile.fabrication).toBeUndefined();
    const twoFiles = gradeEvidence(
      [missingFile('src/app/hooks.c'), missingFile('src/app/broker.c')],
      where,
    );
    expect(twoFiles.grade).toBe('fabricated');
    // One invented function in the vulnerable location is enough on its own.
    const oneFunction = gradeEvidence(
      [located(fn('invented_one', 'contradicted', 'invented_one is nowhere'))],
      where,
    );
    expect(oneFunction.grade).toBe('fabricated');
  });

  it('never proves absence against a clone older than the named version', () => {
    const result = gradeEvidence(
      [located(fn('invented_one', 'contradicted', 'invented_one is nowhere'))],
      { ...where, canProveAbsence: false },
    );
    expect(result.grade).toBe('contradicted');
  });

  it('leaves names of other projects out', () => {
    const external = checked(
      { kind: 'symbol', text: 'memcpy', symbol: 'memcpy', externalTo: 'the C library' },
      'external',
      'memcpy belongs to the C library',
    );
    const result = gradeEvidence([external, fn('parse_header', 'verified', 'defined')], where);
    expect(result).toMatchObject({ grade: 'verified', summary: 'The code claim holds.' });
    expect(gradeEvidence([external]).grade).toBe('no-claims');
  });
});
