// Loads a `security-profile.yml` from disk: bounded read, strict UTF-8 decoding, then the pure
// parser. Problems become one InputError whose message is a single line naming the first of them.
// With a cache, a text parsed and validated before is taken from it; the parser (YAML and zod)
// loads only on a miss.

import { open, stat } from 'node:fs/promises';
import {
  findLineAndColumn,
  type ParseIssue,
  type ProfileCache,
  type SecurityProfile,
} from '../core/triage.js';
import { InputError, NotFoundError } from '../core/errors.js';
import { maxProfileBytes } from './find-text-problem.js';

/** A profile that cannot be used; `issues` holds every problem, the message only the first. */
export class InvalidSecurityProfileError extends InputError {
  readonly file: string;
  readonly issues: readonly ParseIssue[];

  constructor(file: string, issues: readonly ParseIssue[]) {
    super(summariseIssues(file, issues));
    this.file = file;
    this.issues = issues;
  }
}

export async function loadSecurityProfile(
  path: string,
  cache?: ProfileCache,
): Promise<SecurityProfile> {
  const text = decodeProfile(path, await readProfileBytes(path));
  const cached = await cache?.read(text);
  if (cached !== undefined) return cached;
  const { parseSecurityProfile } = await import('./parse-security-profile.js');
  const result = parseSecurityProfile(text);
  if (!result.ok) throw new InvalidSecurityProfileError(path, result.issues);
  await cache?.write(text, result.value);
  return result.value;
}

/** `security-profile.yml:12:5: threat-model.out-of-scope[2].when.impact: unknown impact "rce" ...` */
export function formatProfileIssue(file: string, issue: ParseIssue): string {
  const position = issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path === undefined || issue.path === '' ? '' : ` ${issue.path}:`;
  return `${file}${position}:${path} ${issue.message}`;
}

function summariseIssues(file: string, issues: readonly ParseIssue[]): string {
  const [first] = issues;
  if (first === undefined) return `${file}: the profile is invalid`;
  const more = issues.length - 1;
  if (more === 0) return formatProfileIssue(file, first);
  return `${formatProfileIssue(file, first)} (and ${more} more problem${more === 1 ? '' : 's'})`;
}

// The size is checked before reading, and the read itself stops past the limit in case the file
// grows in between.
async function readProfileBytes(path: string): Promise<Uint8Array> {
  const stats = await stat(path).catch((error: unknown) => {
    throw describeFileError(path, error);
  });
  if (!stats.isFile())
    throw new InvalidSecurityProfileError(path, [{ message: 'not a regular file' }]);
  if (stats.size > maxProfileBytes) throw tooLarge(path);
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw describeFileError(path, error);
  });
  try {
    const buffer = new Uint8Array(maxProfileBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxProfileBytes) throw tooLarge(path);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function tooLarge(path: string): InvalidSecurityProfileError {
  return new InvalidSecurityProfileError(path, [{ message: 'the profile is larger than 1 MiB' }]);
}

function describeFileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new NotFoundError(`${path}: no such file`, { cause: error });
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new InputError(`${path}: cannot read the profile (${reason})`, { cause: error });
}

function decodeProfile(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const position = findLineAndColumn(lossy, Math.max(0, lossy.indexOf('\uFFFD')));
    const message = 'the profile is not valid UTF-8 text; is it a binary file?';
    throw new InvalidSecurityProfileError(path, [{ message, ...position }]);
  }
}
