// End to end: `thresher profile check` lists every problem of a profile, through the real binary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThresher } from './run-thresher.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-profile-'));

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('thresher profile check', () => {
  it('passes the example profile', () => {
    const result = runThresher(['profile', 'check', 'examples/security-profile.yml']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('examples/security-profile.yml: valid\n');
  });

  it('lists every problem with its line and field, not only the first, and exits 1', () => {
    const bad = write(
      'bad.yml',
      [
        'version: 1',
        'project: { name: x }',
        'policy:',
        '  contact: []',
        '  response: { triage-days: -3 }',
        'threat-model:',
        '  out-of-scop: []',
        '',
      ].join('\n'),
    );
    const text = runThresher(['profile', 'check', bad]);
    expect(text.status).toBe(1);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      `${bad}:4:12: policy.contact: list at least one contact`,
      `${bad}:5:28: policy.response.triage-days: must not be negative`,
      `${bad}:7:3: threat-model.out-of-scop: unknown key "out-of-scop" (did you mean "out-of-scope"?)`,
      `${bad}: 3 problems`,
    ]);
    const json = runThresher(['profile', 'check', '--format', 'json', bad]);
    expect(json.status).toBe(1);
    const document = JSON.parse(json.stdout) as {
      valid: boolean;
      problems: { line: number; path: string; message: string }[];
    };
    expect(document.valid).toBe(false);
    expect(document.problems.map((problem) => [problem.line, problem.path])).toEqual([
      [4, 'policy.contact'],
      [5, 'policy.response.triage-days'],
      [7, 'threat-model.out-of-scop'],
    ]);
  });

  it('prints warnings for a valid profile, and fails on them with --strict', () => {
    const conflicting = write(
      'conflicting.yml',
      [
        'version: 1',
        'project: { name: x }',
        'policy:',
        '  contact: [{ type: email, address: security@example.org }]',
        'threat-model:',
        '  in-scope:',
        '    - { id: IN-DOS, statement: Crashes, when: { impact: [denial-of-service] } }',
        '  out-of-scope:',
        '    - { id: OOS-DOS, statement: Crashes, when: { impact: [denial-of-service] } }',
        '',
      ].join('\n'),
    );
    const lenient = runThresher(['profile', 'check', conflicting]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('warning: threat-model.out-of-scope[0].when: rule OOS-DOS');
    expect(lenient.stdout).toContain('valid, 2 warnings');
    expect(runThresher(['profile', 'check', '--strict', conflicting]).status).toBe(1);
  });

  it('exits 2 with one line when the file is missing', () => {
    const result = runThresher(['profile', 'check', join(folder, 'missing.yml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: .*missing\.yml: no such file\n$/);
  });
});
