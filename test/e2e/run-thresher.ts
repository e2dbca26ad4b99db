// Runs the compiled `thresher` binary as a user would, capturing its output and exit code.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const binaryPath = resolve(projectRoot, 'dist/cli/main.js');

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
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
