// End to end: `thresher evidence` and `thresher triage --repo` against a real git repository.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceRepo, type EvidenceRepo } from '../fixtures/evidence/build-evidence-repo.js';
import { runThresher } from './run-thresher.js';

let repo: EvidenceRepo;
const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-evidence-'));
const truthful = join(folder, 'truthful.md');
const fabricated = join(folder, 'fabricated.md');

interface EvidenceJson {
  claims: {
    kind: string;
    text: string;
    status: string;
    role: string;
    proof: { summary: string };
  }[];
  grade: string;
  revision: { resolved: string };
  fabrication?: { revision: string };
}

beforeAll(async () => {
  repo = await buildEvidenceRepo();
  writeFileSync(
    truthful,
    [
      '# Heap overflow in http_read_chunked()',
      '',
      'Affected version: 2.4.1. Unauthenticated remote attackers send a crafted chunked request.',
      '',
      '`http_read_chunked()` in `src/http/chunked.c:14` trusts `parse_chunk_size()`.',
      '',
      '## Steps to reproduce',
      '',
      "1. Start the server.\n2. Run `printf 'ffffffff\\r\\n' | nc localhost 8080`.\n3. It crashes.",
      '',
      '## Impact',
      '',
      'Heap buffer overflow: remote code execution.',
      '',
      'AI disclosure: no AI was used.',
    ].join('\n'),
  );
  writeFileSync(
    fabricated,
    [
      '# CRITICAL RCE in http_parse_secure_headers()',
      '',
      'Affected version: 2.4.1. A remote attacker sends a crafted header.',
      '',
      '`http_parse_secure_headers()` in `src/http/secure_headers.c:120` calls `tinyhttpd_exec_handler()`.',
      '',
      '## Steps to reproduce',
      '',
      '1. Send a long header.\n2. Observe code execution.',
      '',
      '## Impact',
      '',
      'Remote code execution.',
      '',
      'AI disclosure: written with an AI assistant.',
    ].join('\n'),
  );
});

afterAll(async () => {
  await repo.fixture.cleanup();
});

describe('thresher evidence', () => {
  it('lists every claim with its status and proof, per report, in JSON', () => {
    const result = runThresher([
      'evidence',
      '--repo',
      repo.fixture.dir,
      '--format',
      'json',
      truthful,
      fabricated,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { reports } = JSON.parse(result.stdout) as {
      reports: (EvidenceJson & { source: string })[];
    };
    expect(reports).toHaveLength(2);
    const [good, bad] = reports;
    expect(good!.grade).toBe('verified');
    expect(good!.revision.resolved).toBe('v2.4.1');
    expect(good!.claims.find((claim) => claim.text === 'http_read_chunked')).toMatchObject({
      kind: 'symbol',
      status: 'verified',
    });
    expect(bad!.grade).toBe('fabricated');
    expect(
      bad!.claims.find((claim) => claim.text === 'http_parse_secure_headers')?.proof.summary,
    ).toContain('neither defined nor mentioned');
    expect(bad!.claims.find((claim) => claim.text === 'http_parse_secure_headers')).toMatchObject({
      role: 'location',
    });
    expect(bad!.fabrication).toMatchObject({ revision: 'v2.4.1' });
  });

  it('prints a readable text summary', () => {
    const result = runThresher(['evidence', '--repo', repo.fixture.dir, fabricated]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('grade: fabricated: The code this report says is vulnerable');
    expect(result.stdout).toMatch(/NO {2}symbol +http_parse_secure_headers/);
  });

  it('exits 2 with one line when the folder is not a git repository', () => {
    const result = runThresher(['evidence', '--repo', folder, truthful]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thresher: not a git repository: /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('thresher triage --repo', () => {
  it('uses the evidence in the verdict, the priority and the reply', () => {
    const result = runThresher([
      'triage',
      '--profile',
      'examples/security-profile.yml',
      '--repo',
      repo.fixture.dir,
      '--format',
      'json',
      truthful,
      fabricated,
    ]);
    expect(result.stderr).toBe('');
    const { reports } = JSON.parse(result.stdout) as {
      reports: {
        source: string;
        disposition: string;
        missing: string[];
        priority: number;
        priorityReasons: string[];
        reply: string;
        notes: string[];
        evidence: EvidenceJson;
      }[];
    };
    const good = reports.find((report) => report.source === truthful)!;
    const bad = reports.find((report) => report.source === fabricated)!;
    expect(good.evidence.grade).toBe('verified');
    expect(good.priorityReasons).toContain('+10 code claims verified');
    expect(good.reply).toContain('has changed since tinyhttpd 2.4.1');
    expect(good.notes.join('\n')).toContain('"Reject chunk sizes larger than the buffer"');
    expect(bad.evidence.grade).toBe('fabricated');
    expect(bad.disposition).toBe('invalid');
    expect(bad.priorityReasons).toContain(
      '-50 the code the report says is vulnerable does not exist: fabricated',
    );
    expect(bad.reply).toContain('says is vulnerable against tinyhttpd 2.4.1, and it is not there');
    expect(bad.reply).toContain('http_parse_secure_headers');
    expect(good.priority).toBeGreaterThan(bad.priority);
    expect(readFileSync(truthful, 'utf8')).toContain('http_read_chunked');
  });

  it('shows the evidence grade in the text table', () => {
    const result = runThresher([
      'triage',
      '--profile',
      'examples/security-profile.yml',
      '--repo',
      repo.fixture.dir,
      truthful,
      fabricated,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toContain('CODE');
    expect(result.stdout).toContain('fabricated');
  });
});

describe('thresher triage --repo with supported-versions: latest', () => {
  it('reads the supported versions from the release tags, and leaves them undecided without', () => {
    const profile = readFileSync('examples/security-profile.yml', 'utf8').replace(
      "supported-versions: ['>=2.0.0']",
      'supported-versions: latest-minor',
    );
    expect(profile).toContain('supported-versions: latest-minor');
    const profilePath = join(folder, 'latest-profile.yml');
    writeFileSync(profilePath, profile);
    const old = join(folder, 'old-version.md');
    writeFileSync(
      old,
      readFileSync(truthful, 'utf8').replace(
        'Affected version: 2.4.1.',
        'Affected version: 2.3.9.',
      ),
    );
    const verdictOf = (extra: string[]) => {
      const result = runThresher([
        'triage',
        '--profile',
        profilePath,
        ...extra,
        '--format',
        'json',
        old,
      ]);
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as { reports: { disposition: string; rules: string[] }[] })
        .reports[0]!;
    };
    // The fixture's newest release is v2.4.1: latest-minor supports >=2.4.0 only.
    const withTags = verdictOf(['--repo', repo.fixture.dir]);
    expect(withTags.disposition).toBe('out-of-scope');
    expect(withTags.rules).toContain('OOS-UNSUPPORTED');
    expect(verdictOf([]).disposition).not.toBe('out-of-scope');
  });
});
