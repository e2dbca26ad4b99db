// Every regular expression in src/ is linear in its input, or is run only on bounded text: the
// ledger (written by `npm run audit:regex` with recheck, a ReDoS checker) says which, and why. A
// pattern added or changed since is checked here, live.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { findRegexLiterals, keyOf, type Ledger } from './find-regex-literals.js';

const root = resolve(import.meta.dirname, '../..');
const ledger = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'ledger.json'), 'utf8'),
) as Ledger;
const literals = findRegexLiterals(root);

describe('regex audit', () => {
  it('finds the patterns of the source tree', () => {
    expect(literals.length).toBeGreaterThan(300);
  });

  it('gives a reason for every pattern that is not proven linear', () => {
    for (const entry of Object.values(ledger.entries)) {
      if (entry.status !== 'safe') expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it('has every pattern proven linear, bounded or reviewed', () => {
    const unaudited = literals.filter((literal) => ledger.entries[keyOf(literal)] === undefined);
    const failures = unaudited
      .map((literal) => ({
        literal,
        result: checkSync(literal.pattern, literal.flags, { timeout: 10_000 }),
      }))
      .filter(({ result }) => result.status !== 'safe')
      .map(
        ({ literal, result }) =>
          `${literal.file}:${literal.line} /${literal.pattern}/${literal.flags} is ${result.status}: rewrite it, or cut its input and record it (npm run audit:regex)`,
      );
    expect(failures).toEqual([]);
  }, 300_000);
});
