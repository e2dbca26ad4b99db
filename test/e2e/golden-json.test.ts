// The JSON that users' scripts read stays byte for byte what it was: `thresher triage` and
// `thresher duplicates` on the examples are compared with golden files. After an intended,
// documented change (fields are only ever added), rewrite them with
// `THRESHER_UPDATE_GOLDEN=1 npx vitest run test/e2e/golden-json.test.ts` and review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runThresher } from './run-thresher.js';

const goldenDir = join(projectRoot, 'test/golden');
const isUpdating = process.env.THRESHER_UPDATE_GOLDEN === '1';

function expectGolden(name: string, args: string[]): void {
  const result = runThresher(args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const path = join(goldenDir, name);
  if (isUpdating) writeFileSync(path, result.stdout);
  expect(result.stdout).toBe(readFileSync(path, 'utf8'));
}

describe('golden JSON', () => {
  it('thresher triage --format json on the example reports', () => {
    expectGolden('triage-examples.json', [
      'triage',
      '--profile',
      'examples/security-profile.yml',
      '--format',
      'json',
      'examples/reports',
    ]);
  });

  it('thresher duplicates --format json of one report against the others', () => {
    expectGolden('duplicates-examples.json', [
      'duplicates',
      '--format',
      'json',
      '--against',
      'examples/reports',
      'examples/reports/02-parse-header-oob-read.md',
    ]);
  });
});
