// End to end: `thresher init` and `thresher audit` through the real binary, and the interactive
// prompt through runCli with a scripted terminal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createServices } from '../../src/create-services.js';
import { createDefaultConfig } from '../../src/config/load-config.js';
import { readinessRules } from '../../src/core/index.js';
import { validateSarif } from '../support/validate-sarif.js';
import { projectRoot, runThresher } from './run-thresher.js';

const folders: string[] = [];
const fixtures = resolve(projectRoot, 'test/fixtures/readiness');
const contentCategories = new Set(['policy', 'security-txt', 'ai-policy', 'profile']);

function makeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-readiness-'));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface AuditJson {
  checks: {
    id: string;
    status: string;
    file: string | null;
    lines: number[];
    evidence: string[];
    fix: string | null;
    category: string;
  }[];
  summary: Record<string, number>;
}

const initArgs = [
  '--yes',
  '--name',
  'widget',
  '--repository',
  'https://github.com/example/widget',
  '--email',
  'security@widget.example',
  '--supported',
  '>=1.0.0',
  '--website',
  'https://widget.example',
];

describe('thresher init then thresher audit', () => {
  it('on an empty folder passes every file-content check and exits 0', () => {
    const dir = makeFolder();
    const init = runThresher(['init', dir, ...initArgs]);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('create     SECURITY.md');
    const audit = runThresher(['audit', dir, '--format', 'json']);
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);
    const { checks } = JSON.parse(audit.stdout) as AuditJson;
    const content = checks.filter((check) => contentCategories.has(check.category));
    expect(content.filter((check) => check.status !== 'pass' && check.status !== 'skip')).toEqual(
      [],
    );
    const passing = new Set(
      content.filter((check) => check.status === 'pass').map((check) => check.id),
    );
    const contentRules = readinessRules
      .filter((rule) => contentCategories.has(rule.category))
      .map((rule) => rule.id);
    // Only the exemptions check skips: init writes none.
    expect(contentRules.filter((id) => !passing.has(id))).toEqual(['profile.exemptions']);
  });

  it('keeps the JSON contract: id, status, file, lines, evidence, fix on every check', () => {
    const audit = runThresher(['audit', join(fixtures, 'dangerous-workflows'), '--format', 'json']);
    expect(audit.status).toBe(1);
    const { checks } = JSON.parse(audit.stdout) as AuditJson;
    expect(checks.length).toBeGreaterThanOrEqual(readinessRules.length);
    for (const check of checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining(['id', 'status', 'file', 'lines', 'evidence', 'fix']),
      );
      expect(['pass', 'warn', 'fail', 'skip']).toContain(check.status);
      expect(Array.isArray(check.lines) && Array.isArray(check.evidence)).toBe(true);
    }
  });

  it('writes valid SARIF 2.1.0 with a result per failing or warning check', () => {
    const audit = runThresher([
      'audit',
      join(fixtures, 'dangerous-workflows'),
      '--format',
      'sarif',
    ]);
    expect(audit.status).toBe(1);
    expect(validateSarif(audit.stdout)).toEqual([]);
    const log = JSON.parse(audit.stdout) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    const results = log.runs[0]!.results;
    expect(
      results.some(
        (result) => result.ruleId === 'workflows.script-injection' && result.level === 'error',
      ),
    ).toBe(true);
  });

  it('prints text with evidence and fixes, sanitising control characters from the repository', () => {
    const dir = makeFolder();
    writeFileSync(
      join(dir, 'SECURITY.md'),
      '# Security\n\nWe respond \u001b[31mpromptly\u001b[0m to every report, honestly.\n',
    );
    const audit = runThresher(['audit', dir]);
    expect(audit.status).toBe(1);
    expect(audit.stdout).toContain('WARN  policy.response-times');
    expect(audit.stdout).toContain('\\u001b[31mpromptly');
    expect(audit.stdout).not.toContain('\u001b');
    expect(audit.stdout).toContain('fix: ');
  });

  it('exits 2 for a folder that does not exist, and for a bad --format or --as-of', () => {
    expect(runThresher(['audit', join(makeFolder(), 'missing')]).status).toBe(2);
    expect(runThresher(['audit', '.', '--format', 'xml']).stderr).toMatch(/unknown --format "xml"/);
    expect(runThresher(['audit', '.', '--as-of', 'soon']).status).toBe(2);
  });

  it('judges expiry as of --as-of', () => {
    const ready = join(fixtures, 'ready');
    expect(runThresher(['audit', ready, '--as-of', '2026-12-01']).status).toBe(0);
    const later = runThresher(['audit', ready, '--as-of', '2027-07-15', '--format', 'json']);
    expect(later.status).toBe(1);
    const expires = (JSON.parse(later.stdout) as AuditJson).checks.find(
      (check) => check.id === 'security-txt.expires',
    );
    expect(expires?.status).toBe('fail');
  });
});

describe('thresher init on existing files', () => {
  it('shows a diff and leaves a changed file alone without --force, and overwrites with it', () => {
    const dir = makeFolder();
    expect(runThresher(['init', dir, ...initArgs]).status).toBe(0);
    writeFileSync(join(dir, 'SECURITY.md'), '# Our own policy\n');
    const again = runThresher(['init', dir, ...initArgs]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('differs    SECURITY.md');
    expect(again.stdout).toContain('-# Our own policy');
    expect(again.stdout).toContain('+# Security policy for widget');
    expect(again.stderr).toMatch(/left alone: SECURITY\.md \(rerun with --force/);
    expect(readFileSync(join(dir, 'SECURITY.md'), 'utf8')).toBe('# Our own policy\n');
    const forced = runThresher(['init', dir, ...initArgs, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'SECURITY.md'), 'utf8')).toContain(
      '# Security policy for widget',
    );
  });

  it('writes nothing with --dry-run', () => {
    const dir = makeFolder();
    const dry = runThresher(['init', dir, ...initArgs, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+++ b/.well-known/security.txt');
    expect(runThresher(['audit', dir, '--format', 'json']).stdout).toContain(
      '"no SECURITY.md in .github/, the root or docs/"',
    );
  });

  it('exits 2 without a private contact or with a bad flag value', () => {
    const dir = makeFolder();
    expect(runThresher(['init', dir, '--yes']).stderr).toMatch(/init needs a private contact/);
    expect(runThresher(['init', dir, '--yes', '--email', 'nope']).status).toBe(2);
    expect(
      runThresher(['init', dir, '--yes', '--email', 'a@b.example', '--supported', 'latest']).stderr,
    ).toMatch(/--supported: "latest" is not a semver range/);
  });
});

describe('thresher init on a terminal', () => {
  it('asks each question, re-asks after a bad answer, and uses the answers', async () => {
    const dir = makeFolder();
    const answers = [
      'widget',
      'https://github.com/example/widget',
      'not-an-email',
      'sec@widget.example',
      'yes',
      '-',
      '>=2.0.0',
      '',
      '',
      '30',
      'recommended',
      '-',
      'en',
    ];
    const stdin = Object.assign(Readable.from(answers.map((answer) => `${answer}\n`)), {
      isTTY: true,
    });
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      ['init', dir],
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin },
      createServices(createDefaultConfig()),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Security contact email (- for none): ');
    expect(stdout).toContain('"not-an-email" is not an email address');
    const profile = readFileSync(join(dir, 'security-profile.yml'), 'utf8');
    expect(profile).toContain('address: "sec@widget.example"');
    expect(profile).toContain('disclosure-days: 30');
    expect(profile).toContain('ai-disclosure: recommended');
    expect(profile).toContain('supported-versions: [">=2.0.0"]');
  });
});
