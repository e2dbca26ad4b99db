// The evidence check against a real git repository built in a temporary folder: true claims
// verify, invented ones are contradicted, with proof, and the repository is never modified.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRepoReader, type GitRepoReader } from '../adapters/git/create-git-repo-reader.js';
import type { EvidenceSummary } from '../core/index.js';
import {
  buildEvidenceRepo,
  type EvidenceRepo,
} from '../../test/fixtures/evidence/build-evidence-repo.js';
import { testProcessEnvironment } from '../../test/support/test-environment.js';
import { checkMarkdownEvidence } from '../../test/support/check-markdown-evidence.js';

let repo: EvidenceRepo;
let reader: GitRepoReader;

beforeAll(async () => {
  repo = await buildEvidenceRepo();
  reader = await createGitRepoReader(repo.fixture.dir, testProcessEnvironment);
});

afterAll(async () => {
  reader.close();
  await repo.fixture.cleanup();
});

const check = (markdown: string): Promise<EvidenceSummary> =>
  checkMarkdownEvidence(markdown, reader);

function statusOf(evidence: EvidenceSummary, kind: string, text: string): string | undefined {
  return evidence.claims.find(
    (checked) => checked.claim.kind === kind && checked.claim.text.includes(text),
  )?.status;
}

const truthfulReport = `# Heap overflow in http_read_chunked()

Affected version: 2.4.1

The chunk size from \`parse_chunk_size()\` is trusted by \`http_read_chunked()\` in
\`src/http/chunked.c:14\`:

\`\`\`c
    char *buf = malloc(size + 1);
    memcpy(buf, c->body, size);
\`\`\`

## Proposed patch

\`\`\`diff
--- a/src/http/chunked.c
+++ b/src/http/chunked.c
@@ -13,3 +13,5 @@ http_read_chunked(struct conn *c, char *out, size_t cap)
     size_t size = parse_chunk_size(c->line);
+    if (size > cap)
+        return -1;
     char *buf = malloc(size + 1);
     memcpy(buf, c->body, size);
\`\`\`
`;

const fabricatedReport = `# CRITICAL RCE in http_parse_secure_headers()

Affected version: 2.4.1

The function \`http_parse_secure_headers()\` in \`src/http/secure_headers.c:120\` copies the header
into a fixed buffer, and \`tinyhttpd_exec_handler()\` then runs it:

\`\`\`c
    strcpy(secure_buf, header->value);
    tinyhttpd_exec_handler(secure_buf, EXEC_ALLOW_ALL);
\`\`\`

\`\`\`diff
--- a/src/http/secure_headers.c
+++ b/src/http/secure_headers.c
@@ -118,3 +118,3 @@
-    strcpy(secure_buf, header->value);
+    strncpy(secure_buf, header->value, sizeof secure_buf);
\`\`\`
`;

describe('checkEvidence on a truthful report', () => {
  let evidence: EvidenceSummary;
  beforeAll(async () => {
    evidence = await check(truthfulReport);
  });

  it('checks the version the report names', () => {
    expect(evidence.revision).toMatchObject({
      requested: '2.4.1',
      resolved: 'v2.4.1',
      isDefault: false,
    });
  });

  it('verifies the function, the line, the quoted snippet and the patch, with proof', () => {
    expect(statusOf(evidence, 'symbol', 'http_read_chunked')).toBe('verified');
    expect(statusOf(evidence, 'symbol', 'parse_chunk_size')).toBe('verified');
    expect(statusOf(evidence, 'line', 'src/http/chunked.c:14')).toBe('verified');
    expect(statusOf(evidence, 'snippet', 'malloc(size + 1)')).toBe('verified');
    expect(statusOf(evidence, 'patch', '+    if (size > cap)')).toBe('verified');
    const definition = evidence.claims.find(
      (checked) => checked.claim.text === 'http_read_chunked',
    );
    expect(definition?.proof).toMatchObject({ path: 'src/http/chunked.c', line: 11 });
    expect(evidence.grade).toBe('verified');
  });

  it('says the cited code changed after the checked version, naming the fix commit', () => {
    const changed = evidence.claims.find((checked) => checked.proof.changedLater);
    expect(changed?.proof.changedLater?.id).toBe(repo.fixCommit);
    expect(changed?.proof.summary).toContain('Reject chunk sizes larger than the buffer');
  });
});

describe('checkEvidence on a fabricated report', () => {
  let evidence: EvidenceSummary;
  beforeAll(async () => {
    evidence = await check(fabricatedReport);
  });

  it('contradicts every invented claim and grades the report fabricated, with the proof', () => {
    expect(statusOf(evidence, 'symbol', 'http_parse_secure_headers')).toBe('contradicted');
    expect(statusOf(evidence, 'symbol', 'tinyhttpd_exec_handler')).toBe('contradicted');
    expect(statusOf(evidence, 'line', 'src/http/secure_headers.c:120')).toBe('contradicted');
    expect(statusOf(evidence, 'snippet', 'strcpy(secure_buf')).toBe('contradicted');
    expect(statusOf(evidence, 'patch', 'strncpy')).toBe('contradicted');
    expect(evidence.grade).toBe('fabricated');
    expect(evidence.summary).toMatch(
      /^The code this report says is vulnerable does not exist at 2\.4\.1: /,
    );
    expect(evidence.fabrication).toMatchObject({ revision: 'v2.4.1' });
    expect(evidence.fabrication?.contradicted.map((entry) => entry.text)).toContain(
      'http_parse_secure_headers',
    );
    expect(evidence.fabrication?.contradicted[0]).toMatchObject({ role: 'location' });
  });

  it('gives the proof: not at that version, never in history', () => {
    const file = evidence.claims.find((checked) =>
      checked.claim.text.includes('secure_headers.c:120'),
    );
    expect(file?.proof.summary).toContain('does not exist at v2.4.1');
    expect(file?.proof.summary).toContain('never existed');
  });
});

describe('checkEvidence, claim by claim', () => {
  it('verifies definitions in JavaScript, Python, Go, Rust and Java, and contradicts invented ones', async () => {
    const evidence = await check(
      'Version 2.4.1. See `matchRoute()`, `reload_config()`, `serveConn()`, `decode_frame()`, `handleRequest()` and the made-up `routeSecurely()`.\n',
    );
    for (const name of [
      'matchRoute',
      'reload_config',
      'serveConn',
      'decode_frame',
      'handleRequest',
    ]) {
      expect(statusOf(evidence, 'symbol', name)).toBe('verified');
    }
    expect(statusOf(evidence, 'symbol', 'routeSecurely')).toBe('contradicted');
  });

  it('calls a function that is only used, not defined, unverifiable rather than invented', async () => {
    const evidence = await check(
      'In 2.4.1, `parse_header()` calls `SSL_do_handshake()` too early.\n',
    );
    expect(statusOf(evidence, 'symbol', 'parse_header')).toBe('verified');
    expect(statusOf(evidence, 'symbol', 'SSL_do_handshake')).toBe('unverifiable');
  });

  it('finds a cited folder, and does not call a genuine report fabricated over one', async () => {
    const evidence = await check(
      '# Overflow in the demo under `src/http`\n\nIn 2.4.1 the overflow is in `src/http` (see `chunked.c`).\n',
    );
    expect(statusOf(evidence, 'file', 'src/http')).toBe('verified');
    expect(evidence.grade).not.toBe('fabricated');
  });

  it('counts neither a tag that looks like a path nor the reporter’s own file against the report', async () => {
    const evidence = await check(
      [
        '# Code execution through python/object/apply tags in 2.4.1',
        '',
        'Our loader (in `config/loader.py` of our service) calls `http_read_chunked()`; a',
        'document with a `python/object/apply` tag runs a command.',
        '',
      ].join('\n'),
    );
    expect(statusOf(evidence, 'file', 'python/object/apply')).toBe('unverifiable');
    expect(statusOf(evidence, 'file', 'config/loader.py')).toBe('external');
    expect(evidence.grade).not.toBe('fabricated');
  });

  it('knows a deleted file existed, and where a renamed one went: neither is invented', async () => {
    const evidence = await check(
      'In 2.4.1 the bug is in `src/legacy.c` and in `src/old_name.c`.\n',
    );
    const legacy = evidence.claims.find((checked) => checked.claim.text.includes('legacy.c'));
    expect(legacy?.status).toBe('unverifiable');
    expect(legacy?.proof.summary).toContain('Rename old_name.c and drop the legacy entry point');
    const renamed = evidence.claims.find((checked) => checked.claim.text.includes('old_name.c'));
    expect(renamed?.status).toBe('unverifiable');
    expect(renamed?.proof.closestPath).toBe('src/new_name.c');
    expect(evidence.grade).toBe('unverifiable');
  });

  it('finds the same file at an earlier tag', async () => {
    const evidence = await check('Tested on 2.4.0: `src/legacy.c` and `legacy_entry()`.\n');
    expect(evidence.revision.resolved).toBe('v2.4.0');
    expect(statusOf(evidence, 'file', 'src/legacy.c')).toBe('verified');
    expect(statusOf(evidence, 'symbol', 'legacy_entry')).toBe('verified');
  });

  it('rejects lines past the end of a file, and finds quoted code that moved', async () => {
    const evidence = await check(
      'Version 2.4.1.\n\n`src/http/parser.c:400` overflows, and `src/http/chunked.c:3`:\n\n```c\n    memcpy(buf, c->body, size);\n```\n',
    );
    const pastEnd = evidence.claims.find((checked) => checked.claim.text.includes('parser.c:400'));
    expect(pastEnd?.status).toBe('contradicted');
    expect(pastEnd?.proof.summary).toContain('has only');
    const moved = evidence.claims.find(
      (checked) => checked.claim.kind === 'line' && checked.claim.text.includes('chunked.c:3'),
    );
    expect(moved?.status).toBe('verified');
    expect(moved?.proof.summary).toContain('lines moved');
  });

  it('checks HEAD when the report names no version, and says so', async () => {
    const evidence = await check('The bug is in `src/http/parser.c`.\n');
    expect(evidence.revision.isDefault).toBe(true);
    expect(evidence.revision.note).toContain('names no version');
    expect(statusOf(evidence, 'file', 'src/http/parser.c')).toBe('verified');
  });

  it('contradicts a commit that does not exist and verifies one that does', async () => {
    const evidence = await check(
      `Reproduced at commit ${repo.fixCommit.slice(0, 10)} and at commit deadbeef1234.\n`,
    );
    expect(statusOf(evidence, 'revision', repo.fixCommit.slice(0, 10))).toBe('verified');
    expect(statusOf(evidence, 'revision', 'deadbeef1234')).toBe('contradicted');
  });
});

describe('checkEvidence on hostile reports', () => {
  it('treats traversal, absolute, option-like and shell-like paths as data and changes nothing', async () => {
    const gitDir = join(repo.fixture.dir, '.git');
    // GIT_OPTIONAL_LOCKS=0 keeps our own `git status` from refreshing the index it watches.
    const readStatus = () =>
      execFileSync('git', ['status', '--porcelain'], {
        cwd: repo.fixture.dir,
        encoding: 'utf8',
        env: { ...testProcessEnvironment, GIT_OPTIONAL_LOCKS: '0' },
      });
    const statusBefore = readStatus();
    const indexBefore = statSync(join(gitDir, 'index')).mtimeMs;
    const evidence = await check(
      [
        'Version 2.4.1. Files: `../../etc/passwd`, `/etc/shadow`, `--output=pwned.txt`, `src/$(touch pwned).c`,',
        '`src/http/;rm -rf x;.c`, `src/http/\\`id\\`.c` and the function `--exec=touch`.',
        '',
        '```diff',
        '--- a/../../outside.txt',
        '+++ b/../../outside.txt',
        '@@ -0,0 +1 @@',
        '+owned',
        '```',
        '',
        '```c',
        `${'x = y;\n'.repeat(50_000)}`,
        '```',
      ].join('\n'),
    );
    const codeClaims = evidence.claims.filter((checked) => checked.claim.kind !== 'revision');
    expect(codeClaims.length).toBeGreaterThan(0);
    // `src/http/` (read out of `src/http/;rm -rf x;.c`) is a real folder of the fixture.
    for (const checked of codeClaims.filter((claim) => claim.claim.text !== 'src/http/'))
      expect(checked.status, checked.claim.text).not.toBe('verified');
    expect(existsSync(join(repo.fixture.dir, 'pwned.txt'))).toBe(false);
    expect(existsSync(join(repo.fixture.dir, 'src/pwned'))).toBe(false);
    expect(existsSync(join(repo.fixture.dir, '..', 'outside.txt'))).toBe(false);
    expect(statSync(join(gitDir, 'index')).mtimeMs).toBe(indexBefore);
    expect(readStatus()).toBe(statusBefore);
  });

  it('reads past a binary file in the repository', async () => {
    const evidence = await check('In 2.4.1 `assets/logo.png` is served without a content type.\n');
    expect(statusOf(evidence, 'file', 'assets/logo.png')).toBe('verified');
  });
});
