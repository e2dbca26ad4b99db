// Builds a large, realistic git repository in seconds with `git fast-import`, for benchmarks of the
// evidence checks: thousands of C, JS, Python and Go files and a long history with release tags.

import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';

export interface EvidenceRepoOptions {
  /** Source files in the first commit. */
  files: number;
  /** Commits in all: the first adds every file, each later one edits a few. A tag every 100. */
  commits: number;
  seed?: number;
  /** Also check the tree out (a maintainer's clone); false leaves only the `.git` data. */
  checkout?: boolean;
}

type SourceLanguage = 'c' | 'javascript' | 'python' | 'go';

interface SampleFunction {
  name: string;
  /** 1-based line of the signature. */
  startLine: number;
  /** 1-based last line (closing brace, or last body line in Python). */
  endLine: number;
}

/** A file as it is at `tag`: what a truthful report would cite. */
export interface SampleFile {
  path: string;
  language: SourceLanguage;
  tag: string;
  lineCount: number;
  functions: SampleFunction[];
  /** Whether a later commit edited the file: a claim against `tag` may be "already changed". */
  isChangedAfterTag: boolean;
}

export interface EvidenceRepo {
  dir: string;
  /** Oldest first; annotated and lightweight alternate. */
  tags: Array<{ name: string; commit: string }>;
  /** Files sampled at the middle tag (or the only one). */
  sampleFiles: SampleFile[];
  /** Paths some commit deleted, with the deleting commit's subject. */
  deletedFiles: Array<{ path: string; subject: string }>;
}

interface SourceFunction {
  name: string;
  signature: string;
  body: string[];
}

interface SourceFile {
  path: string;
  language: SourceLanguage;
  header: string[];
  functions: SourceFunction[];
}

const sampleCount = 60;
const firstCommitSeconds = Date.UTC(2023, 0, 2, 9, 0, 0) / 1000;
const author = 'Bench Maintainer <maintainer@example.org>';

const areas = [
  'http',
  'tls',
  'cache',
  'auth',
  'json',
  'xml',
  'proto',
  'io',
  'net',
  'db',
  'queue',
  'log',
  'config',
  'crypto',
  'image',
  'text',
  'sched',
  'mem',
  'fs',
  'cli',
];
const verbs = [
  'parse',
  'read',
  'write',
  'decode',
  'encode',
  'validate',
  'copy',
  'append',
  'flush',
  'init',
  'free',
  'resolve',
  'lookup',
  'insert',
  'remove',
  'split',
  'merge',
  'scan',
  'emit',
  'format',
  'compare',
  'hash',
  'open',
  'close',
];
const nouns = [
  'header',
  'chunk',
  'buffer',
  'token',
  'record',
  'entry',
  'frame',
  'packet',
  'stream',
  'field',
  'value',
  'key',
  'node',
  'segment',
  'block',
  'request',
  'response',
  'session',
  'handle',
  'cursor',
  'slice',
  'table',
  'index',
  'name',
  'path',
  'string',
  'number',
  'array',
  'object',
  'option',
];
const qualifiers = [
  '',
  '',
  '',
  'raw',
  'next',
  'safe',
  'fast',
  'utf8',
  'inner',
  'pending',
  'cached',
  'partial',
];
const fileWords = [
  'parser',
  'reader',
  'writer',
  'codec',
  'buffer',
  'table',
  'client',
  'server',
  'session',
  'util',
  'format',
  'stream',
  'pool',
  'store',
  'filter',
  'router',
  'handler',
  'loader',
  'scanner',
  'checker',
];
const subfolders = ['core', 'impl', 'internal', 'common', 'detail', 'v2', 'compat', 'platform'];
const fixKinds = [
  'Fix bounds check in',
  'Handle empty input in',
  'Avoid overflow in',
  'Refactor',
  'Simplify',
  'Guard null pointer in',
  'Tidy up',
  'Speed up',
];

/** A small fast deterministic PRNG (mulberry32). */
function createRandom(seed: number): {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
} {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

type Random = ReturnType<typeof createRandom>;

function toCamel(words: readonly string[], isExported = false): string {
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return isExported ? joined : joined.charAt(0).toLowerCase() + joined.slice(1);
}

function makeFunctionName(random: Random, area: string, language: SourceLanguage): string {
  const words = [random.pick(verbs), random.pick(qualifiers), random.pick(nouns)].filter(Boolean);
  if (language === 'c') return [area, ...words].join('_');
  if (language === 'python') return words.join('_');
  return toCamel(words, language === 'go');
}

function makeStatement(random: Random, language: SourceLanguage): string {
  const noun = random.pick(nouns);
  const value = random.int(4096);
  switch (language) {
    case 'c':
      return random.pick([
        `    if (len < ${value}) return -${1 + random.int(30)};`,
        `    ${noun}->size += ${value};`,
        `    memcpy(out->${noun}, buf, len);`,
        `    ret = ${random.pick(verbs)}_${noun}(ctx, buf, len);`,
        `    if (ret < 0) goto fail;`,
        `    count = count * ${value} % SIZE_MAX;`,
      ]);
    case 'javascript':
      return random.pick([
        `  if (input.length > ${value}) throw new RangeError('${noun} too long');`,
        `  const ${noun} = ${toCamel([random.pick(verbs), noun])}(input, options);`,
        `  result.push(input.slice(${value % 64}));`,
        `  options.${noun} ??= ${value};`,
        `  if (!${noun}) return null;`,
      ]);
    case 'python':
      return random.pick([
        `    if len(data) > ${value}: raise ValueError('${noun} too long')`,
        `    ${noun} = ${random.pick(verbs)}_${noun}(ctx, data)`,
        `    result.append(data[${value % 64}:])`,
        `    ctx.${noun} = ${value}`,
        `    assert ${noun} is not None`,
      ]);
    case 'go':
      return random.pick([
        `\tif len(data) > ${value} {\n\t\treturn ErrTooLong\n\t}`,
        `\t${noun}, err := ${toCamel([random.pick(verbs), noun], true)}(ctx, data)`,
        `\tif err != nil {\n\t\treturn err\n\t}`,
        `\tctx.${toCamel([noun], true)} += ${value}`,
      ]);
  }
}

function makeFunction(
  random: Random,
  area: string,
  language: SourceLanguage,
  taken: Set<string>,
): SourceFunction {
  let name = makeFunctionName(random, area, language);
  while (taken.has(name))
    name = `${name}${language === 'c' || language === 'python' ? '_' : ''}${random.int(10)}`;
  taken.add(name);
  const body = Array.from({ length: 2 + random.int(12) }, () =>
    makeStatement(random, language),
  ).flatMap((line) => line.split('\n'));
  const signature = {
    c: `int ${name}(struct ${area}_ctx *ctx, const char *buf, size_t len)`,
    javascript: `export function ${name}(input, options = {}) {`,
    python: `def ${name}(ctx, data):`,
    go: `func ${name}(ctx *Context, data []byte) error {`,
  }[language];
  return { name, signature, body };
}

function makeFile(random: Random, index: number): SourceFile {
  const language = random.pick<SourceLanguage>(['c', 'c', 'javascript', 'python', 'go']);
  const area = random.pick(areas);
  const sub = random.pick(subfolders);
  const base = `${random.pick(fileWords)}_${index}`;
  const path = {
    c: `src/${area}/${sub}/${base}.c`,
    javascript: `lib/${area}/${sub}/${base.replace('_', '-')}.js`,
    python: `tools/${area}/${base}.py`,
    go: `pkg/${area}/${sub}/${base}.go`,
  }[language];
  const header = {
    c: ['#include <stddef.h>', '#include <string.h>', `#include "${area}.h"`],
    javascript: [
      `// ${area}: ${base}`,
      `import { ${toCamel(['read', area])} } from '../${area}.js';`,
    ],
    python: [`"""${area} helpers: ${base}."""`, 'import os', ''],
    go: [`package ${area}`, '', 'import "errors"'],
  }[language];
  const taken = new Set<string>();
  const functions = Array.from({ length: 2 + random.int(7) }, () =>
    makeFunction(random, area, language, taken),
  );
  return { path, language, header, functions };
}

/** The file's text and where each function sits in it. */
function renderFile(file: SourceFile): {
  text: string;
  functions: SampleFunction[];
  lineCount: number;
} {
  const lines = [...file.header, ''];
  const functions: SampleFunction[] = [];
  for (const fn of file.functions) {
    const startLine = lines.length + 1;
    if (file.language === 'c') lines.push(fn.signature, '{', ...fn.body, '    return 0;', '}');
    else if (file.language === 'python') lines.push(fn.signature, ...fn.body, '    return None');
    else if (file.language === 'go') lines.push(fn.signature, ...fn.body, '\treturn nil', '}');
    else lines.push(fn.signature, ...fn.body, '  return input;', '}');
    functions.push({ name: fn.name, startLine, endLine: lines.length });
    lines.push('');
  }
  return { text: lines.join('\n'), functions, lineCount: lines.length };
}

/** Edits a file the way a commit would: a changed line, a new check, or a new function. */
function editFile(random: Random, file: SourceFile): string {
  const target = random.pick(file.functions);
  const roll = random.next();
  if (roll < 0.15) {
    const area = file.path.split('/')[1] ?? 'core';
    const added = makeFunction(
      random,
      area,
      file.language,
      new Set(file.functions.map((fn) => fn.name)),
    );
    file.functions.push(added);
    return `Add ${added.name}`;
  }
  const line = makeStatement(random, file.language).split('\n');
  const at = random.int(target.body.length + 1);
  if (roll < 0.6) target.body.splice(at, 0, ...line);
  else target.body.splice(Math.min(at, target.body.length - 1), 1, ...line);
  return `${random.pick(fixKinds)} ${target.name}`;
}

/**
 * Creates `dir` (empty or missing) as a repository: one commit adding `files` sources, then
 * `commits - 1` commits editing, adding or deleting a few files each, tagging v1.0.0, v1.1.0 …
 * every 100 commits. The same seed gives the same commit ids.
 */
export async function generateEvidenceRepo(
  dir: string,
  options: EvidenceRepoOptions,
): Promise<EvidenceRepo> {
  const random = createRandom(options.seed ?? 20_240_601);
  await mkdir(dir, { recursive: true });
  await runGit(dir, ['init', '-q', '-b', 'main']);

  const files = new Map<string, SourceFile>();
  for (let index = 0; index < options.files; index += 1) {
    const file = makeFile(random, index);
    files.set(file.path, file);
  }
  const tagCount = Math.floor(options.commits / 100);
  const sampleTagIndex = Math.max(0, Math.floor((tagCount - 1) / 2));
  const tagNames = Array.from({ length: tagCount }, (_, index) => `v1.${index}.0`);
  const samples: Array<{ path: string; file: SampleFile }> = [];
  const changedSinceSample = new Set<string>();
  const deletedFiles: EvidenceRepo['deletedFiles'] = [];

  const importer = spawn('git', ['fast-import', '--quiet', '--done', '--date-format=raw'], {
    cwd: dir,
    env: buildEnvironment(),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const stderr: Buffer[] = [];
  importer.stdin.on('error', () => undefined);
  importer.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    importer.on('error', reject);
    importer.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`git fast-import failed (${code}): ${Buffer.concat(stderr).toString()}`));
    });
  });

  let pendingText: string[] = [];
  let pendingLength = 0;
  async function write(text: string): Promise<void> {
    pendingText.push(text);
    pendingLength += text.length;
    if (pendingLength < 1 << 20) return;
    await flush();
  }
  async function flush(): Promise<void> {
    const chunk = pendingText.join('');
    pendingText = [];
    pendingLength = 0;
    if (importer.exitCode !== null || importer.stdin.write(chunk)) return;
    // An importer that died stops draining: its exit ends the wait and `finished` says why.
    await new Promise<void>((resolve) => {
      const done = (): void => {
        importer.stdin.off('drain', done);
        importer.off('close', done);
        resolve();
      };
      importer.stdin.once('drain', done);
      importer.once('close', done);
    });
  }
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const modify = (file: SourceFile): string =>
    `M 100644 inline ${file.path}\n${data(renderFile(file).text)}`;

  for (let commit = 1; commit <= options.commits; commit += 1) {
    const seconds = firstCommitSeconds + commit * 6 * 3600 + random.int(3600);
    let subject: string | undefined;
    let changes = '';
    if (commit === 1) {
      subject = 'Initial import';
      for (const file of files.values()) changes += modify(file);
    } else {
      const paths = [...files.keys()];
      const edits: string[] = [];
      for (let count = 1 + random.int(4); count > 0; count -= 1) {
        const path = random.pick(paths);
        const file = files.get(path);
        if (!file || edits.includes(path)) continue;
        const message = editFile(random, file);
        edits.push(path);
        changedSinceSample.add(path);
        subject ??= message;
        changes += modify(file);
      }
      if (commit % 37 === 0) {
        const added = makeFile(random, options.files + commit);
        files.set(added.path, added);
        changes += modify(added);
        subject = `${subject ?? 'Update sources'}; add ${added.path}`;
      }
      if (commit % 53 === 0) {
        const victim = paths.find(
          (path) => !edits.includes(path) && !samples.some((sample) => sample.path === path),
        );
        if (victim) {
          files.delete(victim);
          changes += `D ${victim}\n`;
          subject = `Remove ${victim}`;
          deletedFiles.push({ path: victim, subject });
        }
      }
    }
    await write(
      `commit refs/heads/main\nmark :${commit}\nauthor ${author} ${seconds} +0000\ncommitter ${author} ${seconds} +0000\n${data(subject ?? 'Update sources')}${changes}\n`,
    );
    if (commit % 100 === 0 && commit / 100 <= tagCount) {
      const tagIndex = commit / 100 - 1;
      const name = tagNames[tagIndex]!;
      if (tagIndex % 2 === 0) {
        await write(
          `tag ${name}\nfrom :${commit}\ntagger ${author} ${seconds} +0000\n${data(`Release ${name}`)}`,
        );
      } else {
        await write(`reset refs/tags/${name}\nfrom :${commit}\n\n`);
      }
      if (tagIndex === sampleTagIndex) {
        changedSinceSample.clear();
        const paths = [...files.keys()];
        for (let count = 0; count < sampleCount && count < paths.length; count += 1) {
          const path = paths[Math.floor((count * paths.length) / sampleCount)]!;
          const file = files.get(path)!;
          const rendered = renderFile(file);
          samples.push({
            path,
            file: {
              path,
              language: file.language,
              tag: name,
              lineCount: rendered.lineCount,
              functions: rendered.functions,
              isChangedAfterTag: false,
            },
          });
        }
      }
    }
  }
  await write('done\n');
  await flush();
  importer.stdin.end();
  await finished;

  const tags = tagNames.length
    ? (await runGit(dir, ['rev-parse', ...tagNames.map((name) => `${name}^{commit}`)]))
        .trim()
        .split('\n')
        .map((commit, index) => ({ name: tagNames[index]!, commit }))
    : [];
  if (options.checkout ?? true) await runGit(dir, ['reset', '-q', '--hard', 'main']);

  const sampleFiles = samples.map(({ path, file }) => ({
    ...file,
    isChangedAfterTag: changedSinceSample.has(path),
  }));
  return { dir, tags, sampleFiles, deletedFiles };
}

function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      env: buildEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`git ${args.join(' ')} failed: ${Buffer.concat(stderr).toString()}`));
    });
  });
}
