// Builds real git repositories in temp folders for tests, with fixed dates and identities so
// commit ids are the same on every machine and every run.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GitFixture {
  /** The repository's working tree. */
  dir: string;
  /** Writes files (creating folders); nothing is staged until `commit`. */
  writeFiles(files: Record<string, string | Uint8Array>): Promise<void>;
  /** Deletes files from the working tree; `commit` records the deletion. */
  remove(paths: readonly string[]): Promise<void>;
  /** `git mv`, creating the destination folder. */
  rename(from: string, to: string): Promise<void>;
  /** Stages everything and commits; returns the full commit id. Dates default to one hour apart. */
  commit(message: string, date?: Date): Promise<string>;
  /** Tags HEAD, lightweight unless `annotated`. */
  tag(name: string, annotated?: boolean): Promise<void>;
  /** Runs git in the fixture with the fixture's hermetic environment; resolves to stdout. */
  git(args: readonly string[], options?: { env?: Record<string, string> }): Promise<string>;
  cleanup(): Promise<void>;
}

/** First commit date; each later commit without an explicit date is one hour after the previous. */
const firstCommitSeconds = Date.UTC(2024, 0, 15, 9, 0, 0) / 1000;

export async function createGitFixture(): Promise<GitFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'thresher-git-fixture-'));
  let nextSeconds = firstCommitSeconds;
  let lastSeconds = firstCommitSeconds;

  function git(args: readonly string[], options: { env?: Record<string, string> } = {}) {
    return runGit(dir, args, options.env);
  }

  await git(['init', '-q', '-b', 'main']);
  await git(['config', 'user.name', 'Fixture Author']);
  await git(['config', 'user.email', 'fixture@example.org']);
  await git(['config', 'core.autocrlf', 'false']);
  await git(['config', 'commit.gpgSign', 'false']);
  await git(['config', 'tag.gpgSign', 'false']);

  function datedEnvironment(seconds: number): Record<string, string> {
    const date = `@${seconds} +0000`;
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }

  return {
    dir,
    async writeFiles(files) {
      for (const [path, content] of Object.entries(files)) {
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    },
    async remove(paths) {
      for (const path of paths) await rm(join(dir, path), { force: true });
    },
    async rename(from, to) {
      await mkdir(dirname(join(dir, to)), { recursive: true });
      await git(['mv', '--', from, to]);
    },
    async commit(message, date) {
      const seconds = date ? Math.floor(date.getTime() / 1000) : nextSeconds;
      nextSeconds = Math.max(nextSeconds, seconds) + 3600;
      lastSeconds = seconds;
      await git(['add', '-A']);
      await git(['commit', '-q', '--no-verify', '--allow-empty', '-m', message], {
        env: datedEnvironment(seconds),
      });
      return (await git(['rev-parse', 'HEAD'])).trim();
    },
    async tag(name, annotated = false) {
      const args = annotated ? ['tag', '-a', '-m', `Release ${name}`, name] : ['tag', name];
      await git(args, { env: datedEnvironment(lastSeconds) });
    },
    git,
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Ignores the machine's git config and any GIT_* variables of the caller. */
function runGit(
  cwd: string,
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  Object.assign(env, {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extraEnv,
  });
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}
