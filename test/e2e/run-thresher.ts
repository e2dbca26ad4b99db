// Runs the compiled `thresher` binary as a user would, capturing its output and exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const binaryPath = resolve(projectRoot, 'dist/cli/main.js');

/**
 * Thresher's cache folder for the binaries a test file runs: a folder of its own, so that tests
 * never write to the user's `~/.cache/thresher` nor meet what an earlier run left there.
 */
export const testCacheDir = mkdtempSync(join(tmpdir(), 'thresher-test-cache-'));
process.on('exit', () => rmSync(testCacheDir, { recursive: true, force: true }));

/** The environment a test runs the binary with: this process's, with the test cache folder. */
export function binaryEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, THRESHER_CACHE_DIR: testCacheDir, ...extra };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runThresher(
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  const result = spawnSync(process.execPath, [binaryPath, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: binaryEnvironment(options.env),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
