// Audits every regex literal in src/ with recheck (a ReDoS checker that proves a pattern linear
// or shows an attack string) and records the verdicts in test/regex-audit/ledger.json, which
// test/regex-audit.test.ts checks. Safe patterns are recorded; patterns that are not must be
// rewritten, or, when the code cuts their input to a small bound first, recorded by hand as
// `bounded` with the reason. Usage: npm run audit:regex
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSync } from 'recheck';
import { findRegexLiterals, keyOf, type Ledger } from '../test/regex-audit/find-regex-literals.js';

const root = resolve(import.meta.dirname, '..');
const ledgerPath = resolve(root, 'test/regex-audit/ledger.json');

function readLedger(): Ledger {
  try {
    return JSON.parse(readFileSync(ledgerPath, 'utf8')) as Ledger;
  } catch {
    return { version: 1, entries: {} };
  }
}

const previous = readLedger();
const next: Ledger = { version: 1, entries: {} };
const unsafe: string[] = [];
for (const literal of findRegexLiterals(root)) {
  const key = keyOf(literal);
  const known = previous.entries[key];
  if (known) {
    next.entries[key] = known;
    continue;
  }
  const result = checkSync(literal.pattern, literal.flags, { timeout: 20_000 });
  if (result.status === 'safe') next.entries[key] = { status: 'safe' };
  else
    unsafe.push(
      `${literal.file}:${literal.line}: ${result.status} /${literal.pattern}/${literal.flags}`,
    );
}
const sorted = Object.fromEntries(
  Object.entries(next.entries).sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(ledgerPath, `${JSON.stringify({ version: 1, entries: sorted }, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} patterns recorded in ${ledgerPath}`);
if (unsafe.length > 0) {
  console.log(
    `${unsafe.length} patterns are not proven linear: rewrite them, or cut their input and record them as bounded:`,
  );
  for (const line of unsafe) console.log(`  ${line}`);
  process.exitCode = 1;
}
