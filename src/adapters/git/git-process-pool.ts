// The git processes behind a reader: short runs with an argument array (never a shell), a
// timeout, output caps and a bound on how many run at once, plus the long-lived `git cat-file`
// processes that answer object and revision requests in order. Every run gets the same options
// and a cleaned environment, so the maintainer's git config cannot change what we read.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { ConflictError, InternalError, UnavailableError } from '../../core/index.js';

/** The variables git needs from its caller's environment (PATH, HOME for its global config...). */
export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

export const processTimeoutMs = 10_000;
/** Short git runs at once per reader; more wait their turn (their timeout starts when they run). */
const maxConcurrentRuns = 4;
const maxStderrBytes = 64 * 1024;
/** Output cap of a run that sets none. */
export const maxLogBytes = 1024 * 1024;
/** Larger blobs are read as null rather than held in memory. */
const maxFileBytes = 64 * 1024 * 1024;
const batchHeaderPattern = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

/**
 * Options that make every git run independent of the maintainer's config where it would change
 * output or reach out: no pager, colour, signatures, rename following, fsmonitor or transports
 * (a partial clone must not lazily fetch), and pathspecs taken literally (no `:(glob)` magic).
 */
const gitOptions = [
  '--no-pager',
  '--literal-pathspecs',
  '-c',
  'core.quotepath=off',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'color.ui=never',
  '-c',
  'log.showSignature=false',
  '-c',
  'log.follow=false',
  '-c',
  'grep.column=false',
  '-c',
  'grep.fullName=false',
  '-c',
  'apply.whitespace=nowarn',
  '-c',
  'protocol.allow=never',
];

export interface RunOptions {
  input?: string;
  env?: Record<string, string>;
  maxOutputBytes?: number;
  /** Receives stdout as it arrives instead of collecting it; return false to stop git. */
  onStdout?: (chunk: Buffer) => boolean;
}

export interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  isTruncated: boolean;
  isTimedOut: boolean;
  spawnError?: Error;
}

/** A cat-file process: one request line in, one reply out, in order. */
interface CatFileProcess {
  request(line: string): Promise<BatchReply>;
  close(): void;
}

/** The git processes of one repository. */
export interface GitProcessPool {
  /** One short git run; rejects with the closed error once the pool is closed. */
  run(args: readonly string[], options?: RunOptions): Promise<GitRun>;
  /** `git cat-file --batch`: object contents. */
  readonly objects: CatFileProcess;
  /** `git cat-file --batch-check`: object ids and types, to resolve revisions. */
  readonly revisions: CatFileProcess;
  readonly isClosed: boolean;
  close(): void;
}

export function createGitProcessPool(root: string, env: NodeJS.ProcessEnv): GitProcessPool {
  const objects = createCatFileProcess(root, env, '--batch');
  const revisions = createCatFileProcess(root, env, '--batch-check');
  const limit = createConcurrencyLimit(maxConcurrentRuns);
  let isClosed = false;
  return {
    run(args, options) {
      if (isClosed) return Promise.reject(closedError());
      return limit(() => runGit(root, env, args, options));
    },
    objects,
    revisions,
    get isClosed() {
      return isClosed;
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      objects.close();
      revisions.close();
    },
  };
}

/** Runs at most `max` tasks at once, the others in the order they came. */
function createConcurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = (): void => {
    running -= 1;
    waiting.shift()?.();
  };
  return (task) =>
    new Promise((resolvePromise, reject) => {
      const start = (): void => {
        running += 1;
        task().then(resolvePromise, reject).finally(next);
      };
      if (running < max) start();
      else waiting.push(start);
    });
}

export function closedError(): ConflictError {
  return new ConflictError('the git repository reader is closed');
}

export function firstLines(text: string, count = 3): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, count)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join('; ');
}

export function assertCompleted(run: GitRun, what: string): void {
  if (run.spawnError) throw new InternalError(`${what} failed to start`, { cause: run.spawnError });
  if (run.isTimedOut) throw new UnavailableError(`${what} timed out after ${processTimeoutMs} ms`);
  if (run.isTruncated) throw new InternalError(`${what} printed more than its output limit`);
}

/** The caller's environment minus every GIT_* variable (a hook's GIT_DIR must not leak in). */
export function buildGitEnvironment(environment: ProcessEnvironment): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(environment)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
  };
}

/** One git run with an argument array (never a shell), a timeout and output caps. */
export function runGit(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  options: RunOptions = {},
): Promise<GitRun> {
  return new Promise((resolvePromise) => {
    const child = spawn('git', [...gitOptions, ...args], {
      cwd,
      env: options.env ? { ...env, ...options.env } : env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const maxOutputBytes = options.maxOutputBytes ?? maxLogBytes;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let isTruncated = false;
    let isTimedOut = false;
    let spawnError: Error | undefined;
    const timer = setTimeout(() => {
      isTimedOut = true;
      child.kill('SIGKILL');
    }, processTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutputBytes) {
        isTruncated = true;
        child.kill('SIGKILL');
        return;
      }
      if (options.onStdout) {
        if (!options.onStdout(chunk)) child.kill('SIGTERM');
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < maxStderrBytes) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    // git may exit before reading all of stdin (a patch it rejects early): not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    let isSettled = false;
    const settle = (code: number | null): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8').slice(0, maxStderrBytes),
        isTruncated,
        isTimedOut,
        ...(spawnError ? { spawnError } : {}),
      });
    };
    child.on('error', (error) => {
      spawnError = error;
      // A process that never started emits no 'close'.
      if (child.pid === undefined) settle(null);
    });
    child.on('close', settle);
  });
}

type BatchReply =
  | { kind: 'found'; oid: string; type: string; size: number; content?: Uint8Array }
  | { kind: 'missing' };

interface PendingRequest {
  resolve: (reply: BatchReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A long-lived `git cat-file --batch[-check]` answering one request per line, in order, so many
 * callers can pipeline requests. Started on first use and again after a crash; referenced only
 * while requests are pending, so an idle reader never keeps the process alive.
 */
function createCatFileProcess(
  cwd: string,
  env: NodeJS.ProcessEnv,
  mode: '--batch' | '--batch-check',
): CatFileProcess {
  let child: ChildProcessWithoutNullStreams | undefined;
  let pending: PendingRequest[] = [];
  let header: Buffer = Buffer.alloc(0);
  let body:
    { reply: BatchReply & { kind: 'found' }; content?: Uint8Array; filled: number } | undefined;

  function setReferenced(gitProcess: ChildProcessWithoutNullStreams, isReferenced: boolean): void {
    const { stdin, stdout, stderr } = gitProcess;
    const handles = [gitProcess, stdin as Socket, stdout as Socket, stderr as Socket];
    for (const handle of handles) {
      if (isReferenced) handle.ref();
      else handle.unref();
    }
  }

  function failAll(error: Error): void {
    const failed = pending;
    pending = [];
    header = Buffer.alloc(0);
    body = undefined;
    for (const request of failed) {
      clearTimeout(request.timer);
      request.reject(error);
    }
  }

  function finish(reply: BatchReply): void {
    const request = pending.shift();
    if (!request) return;
    clearTimeout(request.timer);
    request.resolve(reply);
    if (pending.length === 0 && child) setReferenced(child, false);
  }

  function onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (body) {
        // `size` content bytes, then one LF.
        const total = body.reply.size + 1;
        const take = Math.min(total - body.filled, chunk.length - offset);
        if (body.content) {
          const contentTake = Math.max(0, Math.min(take, body.reply.size - body.filled));
          body.content.set(chunk.subarray(offset, offset + contentTake), body.filled);
        }
        body.filled += take;
        offset += take;
        if (body.filled === total) {
          const done = body;
          body = undefined;
          finish(done.content ? { ...done.reply, content: done.content } : { kind: 'missing' });
        }
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      if (newline === -1) {
        header = Buffer.concat([header, chunk.subarray(offset)]);
        return;
      }
      const line = Buffer.concat([header, chunk.subarray(offset, newline)]).toString('utf8');
      header = Buffer.alloc(0);
      offset = newline + 1;
      const match = batchHeaderPattern.exec(line);
      if (!match) {
        // `<name> missing`, `<name> ambiguous`: no body follows.
        finish({ kind: 'missing' });
        continue;
      }
      const reply = {
        kind: 'found' as const,
        oid: match[1]!,
        type: match[2]!,
        size: Number(match[3]),
      };
      if (mode === '--batch-check') finish(reply);
      else {
        const content = reply.size <= maxFileBytes ? new Uint8Array(reply.size) : undefined;
        body = { reply, filled: 0, ...(content ? { content } : {}) };
      }
    }
  }

  function start(): ChildProcessWithoutNullStreams {
    const gitProcess = spawn('git', [...gitOptions, 'cat-file', mode], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    // A process given up on (timeout, close) may still print: only the current one is heard.
    gitProcess.stdout.on('data', (chunk: Buffer) => {
      if (child === gitProcess) onData(chunk);
    });
    // Drained and dropped (e.g. "refname is ambiguous" warnings) so git never blocks on it.
    gitProcess.stderr.on('data', () => undefined);
    gitProcess.stdin.on('error', () => undefined);
    const onEnd = (error: Error): void => {
      if (child !== gitProcess) return;
      child = undefined;
      failAll(error);
    };
    gitProcess.on('error', (error) => {
      onEnd(new InternalError(`git cat-file failed: ${error.message}`, { cause: error }));
    });
    gitProcess.on('close', (code, signal) => {
      onEnd(new InternalError(`git cat-file ended unexpectedly (${signal ?? `exit ${code}`})`));
    });
    return gitProcess;
  }

  return {
    request(line) {
      return new Promise((resolvePromise, reject) => {
        child ??= start();
        const gitProcess = child;
        const timer = setTimeout(() => {
          if (child === gitProcess) child = undefined;
          failAll(new InternalError(`git cat-file did not answer within ${processTimeoutMs} ms`));
          gitProcess.kill('SIGKILL');
        }, processTimeoutMs);
        if (pending.length === 0) setReferenced(gitProcess, true);
        pending.push({ resolve: resolvePromise, reject, timer });
        gitProcess.stdin.write(`${line}\n`);
      });
    },
    close() {
      const gitProcess = child;
      child = undefined;
      failAll(closedError());
      if (gitProcess) {
        gitProcess.stdin.end();
        gitProcess.kill('SIGTERM');
        setReferenced(gitProcess, false);
      }
    },
  };
}
