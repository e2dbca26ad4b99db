import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitFixture } from '../../../test/support/create-git-fixture.js';
import type { GitFixture } from '../../../test/support/create-git-fixture.js';
import { ConflictError, InputError } from '../../core/errors.js';
import { createGitRepoReader } from './create-git-repo-reader.js';
import type { GitRepoReader } from './create-git-repo-reader.js';
import { testProcessEnvironment } from '../../../test/support/test-environment.js';

const execFileAsync = promisify(execFile);

const parserV1 = [
  '#include "parser.h"',
  '',
  'int parse_header(const char *line, struct header *out)',
  '{',
  '    char name[64];',
  '    strcpy(name, line);',
  '    return copy_header(out, name);',
  '}',
  '',
  'static int read_chunk(struct conn *conn)',
  '{',
  '    return conn->chunk_size;',
  '}',
  '',
].join('\n');

const parserFixed = parserV1.replace(
  '    strcpy(name, line);',
  '    if (strlen(line) >= sizeof name) return -1;\n    strcpy(name, line);',
);

const sources: Record<string, string> = {
  'src/http/parser.c': parserV1,
  'src/http/parser.h': 'int parse_header(const char *line, struct header *out);\n',
  'src/util/strbuf.c': 'void strbuf_grow(struct strbuf *sb, size_t extra)\n{\n}\n',
  'lib/index.js':
    "export function parseQuery(input) {\n  return new URLSearchParams(input);\n}\n\nexport const escapeHtml = (text) => text.replace(/</g, '&lt;');\n",
  'lib/types.ts': 'export interface Query {\n  raw: string;\n}\n',
  'tools/build.py':
    'def render_template(name, context):\n    # never run with --open-files-in-pager\n    return name.format(**context)\n',
  'cmd/server/main.go':
    'package main\n\nfunc handleRequest(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(200)\n}\n',
  'crates/core/src/lib.rs': 'pub fn decode_frame(bytes: &[u8]) -> Option<Frame> {\n    None\n}\n',
  'java/src/main/java/org/example/Parser.java':
    'package org.example;\n\npublic class Parser {\n    public int readToken(String input) {\n        return input.length();\n    }\n}\n',
  'docs/legacy.md': '# Legacy\n\nThe old parser.\n',
  'notes/semi;colon file.txt': 'semicolons are fine\n',
  'notes/ünïcode.md': 'unicode name\n',
  'src/gen/table.c': Array.from({ length: 700 }, (_, index) => `TABLE_ENTRY(${index})`).join('\n'),
};

const logo = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff);
const binaryWithText = new Uint8Array([...Buffer.from('PNGSECRET parse_header'), 0, 1, 2, 0]);

const hostilePaths = [
  '../etc/passwd',
  '/etc/passwd',
  '--output=x',
  'a/../../b',
  './src/http/parser.c',
  'src//http/parser.c',
  'src/http/parser.c/',
  'src/http/parser.c;touch x',
  '$(touch x)',
  '`touch x`',
  'src/http/parser.c\ntouch x',
  'src/http/parser.c\0',
  '',
  'a'.repeat(5000),
];

let fixture: GitFixture;
let reader: GitRepoReader;
let firstCommit: string;
let renameCommit: string;
let fixCommit: string;
let indexMtime: number;
let statusBefore: string;
let treeBefore: string[];

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines = await Promise.all(
    entries
      .filter((entry) => !relative(dir, join(entry.parentPath, entry.name)).startsWith('.git'))
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        const info = await stat(path).catch(() => undefined);
        return `${relative(dir, path)} ${info?.size ?? '-'} ${info?.mtimeMs ?? '-'}`;
      }),
  );
  return lines.sort();
}

async function listGitChildren(): Promise<string[]> {
  const { stdout } = await execFileAsync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => / git$/.test(line));
}

function decode(content: Uint8Array | null): string | null {
  return content && Buffer.from(content).toString('utf8');
}

beforeAll(async () => {
  fixture = await createGitFixture();
  await fixture.writeFiles({
    ...sources,
    'assets/logo.png': logo,
    'assets/blob.bin': binaryWithText,
  });
  await symlink('http/parser.c', join(fixture.dir, 'src/parser-link.c'));
  firstCommit = await fixture.commit('Initial import');
  await fixture.tag('v1.0.0', true);
  await fixture.git(['branch', 'release/1.x']);

  await fixture.rename('src/util/strbuf.c', 'src/util/string-buffer.c');
  await fixture.remove(['docs/legacy.md']);
  renameCommit = await fixture.commit('Rename strbuf, drop legacy docs');
  await fixture.tag('v1.1.0');

  await fixture.writeFiles({ 'src/http/parser.c': parserFixed });
  fixCommit = await fixture.commit('Fix header overflow in parse_header');

  indexMtime = (await stat(join(fixture.dir, '.git/index'))).mtimeMs;
  statusBefore = await fixture.git(['status', '--porcelain'], { env: { GIT_OPTIONAL_LOCKS: '0' } });
  treeBefore = await listTree(fixture.dir);
  reader = await createGitRepoReader(fixture.dir, testProcessEnvironment);
});

afterAll(async () => {
  reader?.close();
  await fixture?.cleanup();
});

describe('createGitRepoReader', () => {
  it('refuses a folder that is not a git repository, in one line', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'thresher-not-git-'));
    try {
      const failure = createGitRepoReader(plain, testProcessEnvironment);
      await expect(failure).rejects.toBeInstanceOf(InputError);
      await expect(failure).rejects.toThrow(`not a git repository: ${plain}`);
      await expect(
        createGitRepoReader(join(plain, 'missing'), testProcessEnvironment),
      ).rejects.toThrow(/^not a git repository: .*missing$/);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('reads the whole tree from a subfolder, a bare clone and a linked worktree', async () => {
    const fromSubfolder = await createGitRepoReader(
      join(fixture.dir, 'src/http'),
      testProcessEnvironment,
    );
    const scratch = await mkdtemp(join(tmpdir(), 'thresher-bare-'));
    try {
      expect(await fromSubfolder.listFiles('HEAD')).toContain('lib/index.js');
      await fixture.git(['clone', '-q', '--bare', fixture.dir, join(scratch, 'bare.git')]);
      const bare = await createGitRepoReader(join(scratch, 'bare.git'), testProcessEnvironment);
      expect(await bare.resolveHead()).toBe(fixCommit);
      expect(decode(await bare.readFile('v1.0.0', 'src/http/parser.c'))).toBe(parserV1);
      bare.close();
      await execFileAsync('git', [
        '-C',
        join(scratch, 'bare.git'),
        'worktree',
        'add',
        '-q',
        '--detach',
        join(scratch, 'wt'),
        'v1.1.0',
      ]);
      const worktree = await createGitRepoReader(join(scratch, 'wt'), testProcessEnvironment);
      expect(await worktree.resolveHead()).toBe(renameCommit);
      worktree.close();
    } finally {
      fromSubfolder.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('refuses an empty repository HEAD but still opens it', async () => {
    const empty = await createGitFixture();
    try {
      const emptyReader = await createGitRepoReader(empty.dir, testProcessEnvironment);
      await expect(emptyReader.resolveHead()).rejects.toBeInstanceOf(InputError);
      expect(await emptyReader.listTags()).toEqual([]);
      emptyReader.close();
    } finally {
      await empty.cleanup();
    }
  });
});

describe('resolveRevision', () => {
  it('resolves tags, branches, short and full ids to full commit ids', async () => {
    expect(await reader.resolveRevision('v1.0.0')).toBe(firstCommit);
    expect(await reader.resolveRevision('v1.1.0')).toBe(renameCommit);
    expect(await reader.resolveRevision('main')).toBe(fixCommit);
    expect(await reader.resolveRevision('release/1.x')).toBe(firstCommit);
    expect(await reader.resolveRevision('refs/tags/v1.0.0')).toBe(firstCommit);
    expect(await reader.resolveRevision('HEAD')).toBe(fixCommit);
    expect(await reader.resolveRevision(renameCommit.slice(0, 8))).toBe(renameCommit);
    expect(await reader.resolveRevision(fixCommit)).toBe(fixCommit);
    expect(await reader.resolveHead()).toBe(fixCommit);
  });

  it('answers null for unknown revisions and for objects that are not commits', async () => {
    const blob = (await fixture.git(['rev-parse', 'HEAD:lib/index.js'])).trim();
    const tree = (await fixture.git(['rev-parse', 'HEAD^{tree}'])).trim();
    for (const revision of ['v9.9.9', 'feature/none', '0'.repeat(40), 'deadbeef', blob, tree]) {
      expect(await reader.resolveRevision(revision)).toBeNull();
    }
  });

  it('answers null, without running anything, for revisions that are syntax rather than names', async () => {
    const unsafe = [
      '--output=x',
      '-h',
      'HEAD..main',
      'main~1',
      'v1.0.0^{tree}',
      'HEAD:src/http/parser.c',
      ':/Fix',
      'HEAD@{0}',
      'main branch',
      'main\n',
      '$(touch x)',
      '`touch x`',
      '',
      'a'.repeat(251),
      '.hidden',
      'main.lock',
    ];
    for (const revision of unsafe) expect(await reader.resolveRevision(revision)).toBeNull();
  });

  it('never throws on arbitrary text and only returns commit ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (revision) => {
        const resolved = await reader.resolveRevision(revision);
        return resolved === null || [firstCommit, renameCommit, fixCommit].includes(resolved);
      }),
      { numRuns: 200 },
    );
  });
});

describe('listTags', () => {
  it('lists lightweight and annotated tags with their commits', async () => {
    expect(await reader.listTags()).toEqual([
      { name: 'v1.0.0', commit: firstCommit },
      { name: 'v1.1.0', commit: renameCommit },
    ]);
  });
});

describe('listFiles', () => {
  it('lists every file of the commit, unusual names unquoted', async () => {
    const atFirst = await reader.listFiles(firstCommit);
    expect(atFirst).toEqual(
      expect.arrayContaining([...Object.keys(sources), 'assets/logo.png', 'src/parser-link.c']),
    );
    expect(atFirst).toHaveLength(Object.keys(sources).length + 3);
    const atHead = await reader.listFiles('HEAD');
    expect(atHead).toContain('src/util/string-buffer.c');
    expect(atHead).not.toContain('src/util/strbuf.c');
    expect(atHead).not.toContain('docs/legacy.md');
    expect(atHead).not.toContain('src');
  });

  it('returns a fresh array each time and nothing for unknown commits', async () => {
    const first = await reader.listFiles('v1.0.0');
    first.length = 0;
    expect(await reader.listFiles('v1.0.0')).toHaveLength(Object.keys(sources).length + 3);
    expect(await reader.listFiles('v9.9.9')).toEqual([]);
    expect(await reader.listFiles('--output=x')).toEqual([]);
  });
});

describe('readFile', () => {
  it('reads text at each revision', async () => {
    expect(decode(await reader.readFile('v1.0.0', 'src/http/parser.c'))).toBe(parserV1);
    expect(decode(await reader.readFile(fixCommit, 'src/http/parser.c'))).toBe(parserFixed);
    expect(decode(await reader.readFile('HEAD', 'notes/semi;colon file.txt'))).toBe(
      'semicolons are fine\n',
    );
    expect(decode(await reader.readFile('HEAD', 'notes/ünïcode.md'))).toBe('unicode name\n');
    expect(decode(await reader.readFile(renameCommit, 'src/util/string-buffer.c'))).toBe(
      sources['src/util/strbuf.c'],
    );
  });

  it('keeps binary files as bytes and hands out copies', async () => {
    const first = await reader.readFile('HEAD', 'assets/logo.png');
    expect(first && [...first]).toEqual([...logo]);
    first?.fill(0);
    const second = await reader.readFile('HEAD', 'assets/logo.png');
    expect(second && [...second]).toEqual([...logo]);
  });

  it('answers null for missing files, folders, symlinks and unknown commits', async () => {
    expect(await reader.readFile('HEAD', 'docs/legacy.md')).toBeNull();
    expect(await reader.readFile('v1.0.0', 'docs/legacy.md')).not.toBeNull();
    expect(await reader.readFile('HEAD', 'src/http/invented.c')).toBeNull();
    expect(await reader.readFile('HEAD', 'src/http')).toBeNull();
    expect(await reader.readFile('HEAD', 'src/parser-link.c')).toBeNull();
    expect(await reader.readFile('v9.9.9', 'src/http/parser.c')).toBeNull();
    expect(await reader.readFile('HEAD:src', 'http/parser.c')).toBeNull();
  });

  it('answers null for hostile paths and touches nothing on disk', async () => {
    for (const path of hostilePaths) expect(await reader.readFile('HEAD', path)).toBeNull();
    await expect(stat(join(fixture.dir, 'x'))).rejects.toThrow();
    await expect(stat(resolve('x'))).rejects.toThrow();
  });

  it('answers null for any path that is not in the tree', async () => {
    const files = new Set(await reader.listFiles('HEAD'));
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (path) => {
        const content = await reader.readFile('HEAD', path);
        return files.has(path) || content === null;
      }),
      { numRuns: 200 },
    );
  });

  it('answers 50 concurrent reads and resolutions each with its own result', async () => {
    const paths = Object.keys(sources);
    const calls = Array.from({ length: 50 }, (_, index) => {
      const path = paths[index % paths.length]!;
      if (index % 3 === 0) {
        const revision = ['v1.0.0', 'v1.1.0', 'main', 'v9.9.9'][index % 4]!;
        const expected = [firstCommit, renameCommit, fixCommit, null][index % 4];
        return reader.resolveRevision(revision).then((id) => expect(id).toBe(expected));
      }
      const revision = index % 2 === 0 ? 'v1.0.0' : fixCommit;
      return reader.readFile(revision, path).then((content) => {
        const isGoneAtHead =
          revision === fixCommit && ['docs/legacy.md', 'src/util/strbuf.c'].includes(path);
        const expected = isGoneAtHead
          ? null
          : path === 'src/http/parser.c' && revision === fixCommit
            ? parserFixed
            : sources[path];
        expect(decode(content)).toBe(expected);
      });
    });
    await Promise.all(calls);
  });
});

describe('grep', () => {
  it('finds identifiers with their line, and not invented ones', async () => {
    const hits = await reader.grep('v1.0.0', ['parse_header', 'handleRequest'], {
      wordMatch: true,
    });
    expect(hits).toEqual(
      expect.arrayContaining([
        {
          path: 'src/http/parser.c',
          line: 3,
          text: 'int parse_header(const char *line, struct header *out)',
        },
        {
          path: 'src/http/parser.h',
          line: 1,
          text: 'int parse_header(const char *line, struct header *out);',
        },
        {
          path: 'cmd/server/main.go',
          line: 3,
          text: 'func handleRequest(w http.ResponseWriter, r *http.Request) {',
        },
      ]),
    );
    expect(hits).toHaveLength(3);
    expect(await reader.grep('v1.0.0', ['parse_head'], { wordMatch: true })).toEqual([]);
    expect((await reader.grep('v1.0.0', ['parse_head'])).length).toBe(2);
    expect(await reader.grep('HEAD', ['parse_http_request_line', 'readTokenFast'])).toEqual([]);
    expect(await reader.grep('v9.9.9', ['parse_header'])).toEqual([]);
  });

  it('searches the given commit and skips binary files', async () => {
    const atFirst = await reader.grep(firstCommit, ['strbuf_grow']);
    expect(atFirst.map((hit) => hit.path)).toEqual(['src/util/strbuf.c']);
    const atHead = await reader.grep('HEAD', ['strbuf_grow']);
    expect(atHead.map((hit) => hit.path)).toEqual(['src/util/string-buffer.c']);
    expect(await reader.grep('HEAD', ['PNGSECRET'])).toEqual([]);
    expect((await reader.grep('HEAD', ['sizeof name'])).map((hit) => hit.line)).toEqual([6]);
  });

  it('takes hostile needles as plain text', async () => {
    const hits = await reader.grep('HEAD', ['--open-files-in-pager']);
    expect(hits).toEqual([
      { path: 'tools/build.py', line: 2, text: '    # never run with --open-files-in-pager' },
    ]);
    expect(
      await reader.grep('HEAD', ['-e', '$(id)', '`id`', '--no-index', '-f/etc/passwd']),
    ).toEqual([]);
    expect(await reader.grep('HEAD', ['.*', '[a-z]+'])).toEqual([]);
    expect(await reader.grep('HEAD', ['', 'parse_header\nstrcpy'])).toEqual([]);
    await expect(stat(join(fixture.dir, 'x'))).rejects.toThrow();
  });

  it('caps hits, and searches any number of needles in batches', async () => {
    expect(await reader.grep('HEAD', ['TABLE_ENTRY'])).toHaveLength(500);
    const capped = await reader.grep('HEAD', ['TABLE_ENTRY'], { maxHits: 25 });
    expect(capped).toHaveLength(25);
    expect(capped[24]).toEqual({ path: 'src/gen/table.c', line: 25, text: 'TABLE_ENTRY(24)' });
    // 200 invented names first, the real one last: it is found in the fourth batch.
    const many = [...Array.from({ length: 200 }, (_, index) => `needle${index}`), 'parse_header'];
    const hits = await reader.grep('HEAD', many, { wordMatch: true });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.text.includes('parse_header'))).toBe(true);
  });
});

describe('checkPatch', () => {
  let fixDiff: string;

  beforeAll(async () => {
    fixDiff = await fixture.git(['diff', renameCommit, fixCommit, '--', 'src/http/parser.c']);
  });

  it('says a patch applies where the code is as it expects, and not where it already changed', async () => {
    expect(await reader.checkPatch(renameCommit, fixDiff)).toEqual({
      applies: true,
      message: 'applies cleanly (-p1, a/ b/ prefixes)',
    });
    const again = await reader.checkPatch(fixCommit, fixDiff);
    expect(again.applies).toBe(false);
    expect(again.message).toMatch(/patch does not apply/);
  });

  it('accepts diffs without a/ b/ prefixes', async () => {
    const bare = fixDiff
      .split('\n')
      .filter((line) => !line.startsWith('diff --git') && !line.startsWith('index '))
      .join('\n')
      .replace('--- a/', '--- ')
      .replace('+++ b/', '+++ ');
    expect(await reader.checkPatch(renameCommit, bare)).toEqual({
      applies: true,
      message: 'applies cleanly (-p0, no a/ b/ prefixes)',
    });
  });

  it('rejects invented context, garbage, huge diffs and unknown commits', async () => {
    const invented = fixDiff.replace('    strcpy(name, line);\n', '    memcpy(name, line, len);\n');
    expect((await reader.checkPatch(renameCommit, invented)).applies).toBe(false);
    const garbage = await reader.checkPatch('HEAD', 'this is not a diff\n--output=x\n');
    expect(garbage.applies).toBe(false);
    expect(garbage.message).toMatch(/No valid patches/);
    const huge = await reader.checkPatch('HEAD', `${fixDiff}${'+x\n'.repeat(2 * 1024 * 1024)}`);
    expect(huge.applies).toBe(false);
    expect(huge.message).toMatch(/^patch too large: \d+ bytes/);
    expect((await reader.checkPatch('v9.9.9', fixDiff)).applies).toBe(false);
  });

  it('refuses patches that escape the tree', async () => {
    const escaping = [
      'diff --git a/../outside.txt b/../outside.txt',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/../outside.txt',
      '@@ -0,0 +1 @@',
      '+owned',
      '',
    ].join('\n');
    expect((await reader.checkPatch('HEAD', escaping)).applies).toBe(false);
    await expect(stat(join(fixture.dir, '..', 'outside.txt'))).rejects.toThrow();
  });
});

describe('findLastChange and listChangesAfter', () => {
  it('finds the commit that deleted a file, and nothing for a path that never existed', async () => {
    expect(await reader.findLastChange('docs/legacy.md')).toEqual({
      id: renameCommit,
      subject: 'Rename strbuf, drop legacy docs',
      date: '2024-01-15T10:00:00+00:00',
    });
    expect(await reader.findLastChange('src/util/strbuf.c')).toMatchObject({ id: renameCommit });
    expect(await reader.findLastChange('src/never/existed.c')).toBeNull();
    expect(await reader.findLastChange('*.md')).toBeNull();
    expect(await reader.findLastChange(':(glob)**/legacy.md')).toBeNull();
    expect(await reader.findLastChange('../docs/legacy.md')).toBeNull();
  });

  it('lists later changes to a cited file, newest first', async () => {
    expect(await reader.listChangesAfter('v1.0.0', 'src/http/parser.c')).toEqual([
      {
        id: fixCommit,
        subject: 'Fix header overflow in parse_header',
        date: '2024-01-15T11:00:00+00:00',
      },
    ]);
    const all = await reader.listChangesAfter('v1.0.0', 'src');
    expect(all.map((change) => change.id)).toEqual([fixCommit, renameCommit]);
    expect(await reader.listChangesAfter('v1.0.0', 'src', 1)).toHaveLength(1);
    expect(await reader.listChangesAfter(fixCommit, 'src/http/parser.c')).toEqual([]);
    expect(await reader.listChangesAfter('v1.0.0', 'lib/index.js')).toEqual([]);
    expect(await reader.listChangesAfter('v9.9.9', 'src/http/parser.c')).toEqual([]);
  });
});

describe('the maintainer repository', () => {
  it('is left exactly as it was: working tree, index and status', async () => {
    expect((await stat(join(fixture.dir, '.git/index'))).mtimeMs).toBe(indexMtime);
    expect(await fixture.git(['status', '--porcelain'], { env: { GIT_OPTIONAL_LOCKS: '0' } })).toBe(
      statusBefore,
    );
    expect(await listTree(fixture.dir)).toEqual(treeBefore);
    expect(await fixture.git(['for-each-ref', '--format=%(refname)'])).toBe(
      'refs/heads/main\nrefs/heads/release/1.x\nrefs/tags/v1.0.0\nrefs/tags/v1.1.0\n',
    );
  });
});

describe('close', () => {
  it('ends the git processes and refuses later calls', async () => {
    const own = await createGitRepoReader(fixture.dir, testProcessEnvironment);
    expect(await own.resolveRevision('v1.0.0')).toBe(firstCommit);
    expect(await own.readFile('HEAD', 'lib/types.ts')).not.toBeNull();
    expect((await listGitChildren()).length).toBeGreaterThanOrEqual(2);
    reader.close();
    own.close();
    await expect.poll(listGitChildren, { timeout: 5000 }).toEqual([]);
    await expect(own.readFile('HEAD', 'lib/types.ts')).rejects.toBeInstanceOf(ConflictError);
    own.close();
  });

  it('never keeps Node running when a reader is left open', async () => {
    const script = [
      `import { createGitRepoReader } from ${JSON.stringify(resolve(import.meta.dirname, 'create-git-repo-reader.ts'))};`,
      `const reader = await createGitRepoReader(${JSON.stringify(fixture.dir)}, ${JSON.stringify(testProcessEnvironment)});`,
      `const content = await reader.readFile('HEAD', 'lib/types.ts');`,
      `console.log(content?.length, await reader.resolveRevision('v1.1.0'));`,
    ].join('\n');
    // The child is killed after 20 s (a failure) if an open reader kept Node running.
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 20_000, cwd: resolve(import.meta.dirname, '../../..') },
    );
    expect(stdout.trim()).toBe(`${sources['lib/types.ts']!.length} ${renameCommit}`);
  });
});
