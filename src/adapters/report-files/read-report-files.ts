// Reads report files and folders of them from disk: size and binary checks before parsing,
// strict UTF-8 for text formats, e-mail through the mail adapter. Bad content is a problem
// in the batch, never an exception.

import { extname } from 'node:path';
import {
  formatParseIssue,
  looksLikeEmail,
  parseReportText,
  type ReportFormat,
} from '../../core/triage.js';
import type { ReportBatch } from '../../services/ports.js';
import { expandPath } from '../files/expand-path.js';
import { readRegularFile } from '../files/read-regular-file.js';

/** Largest file read, in bytes. */
const maxReportFileSize = 10 * 1024 * 1024;
/** Extensions picked up when a folder is expanded; a file named explicitly is read whatever its name. */
const reportExtensions = new Set(['.md', '.markdown', '.txt', '.json', '.eml', '.mbox']);
const emailExtensions = new Set(['.eml', '.mbox']);
const binarySniffLength = 8 * 1024;

/**
 * Reads every path: files directly, folders recursively (entries sorted by name; dotfiles and
 * files without a report extension skipped). Reports come back in path order; every file that
 * cannot be read or parsed is a problem with its path (or `file.mbox#N`).
 */
export async function readReportFiles(paths: readonly string[]): Promise<ReportBatch> {
  const batch: ReportBatch = { reports: [], problems: [] };
  for (const path of paths) {
    const files = await expandPath(path, reportExtensions, batch.problems);
    for (const file of files) {
      const result = await readReportFile(file);
      batch.reports.push(...result.reports);
      batch.problems.push(...result.problems);
    }
  }
  return batch;
}

/** Reads one regular file; the size is checked before reading and while reading (it may grow). */
async function readReportFile(path: string): Promise<ReportBatch> {
  const read = await readRegularFile(path, maxReportFileSize);
  if (!read.ok) {
    if (read.reason === 'too-large') return problem(path, describeTooLarge(read.size));
    return problem(path, read.reason === 'not-found' ? 'cannot read: no such file' : read.message);
  }
  return readReportBytes(path, read.bytes);
}

/**
 * Reads one report file's bytes (a file on disk, an upload): e-mail, or UTF-8 text in any
 * intake format; `path` names the source and its extension hints at the format.
 */
export async function readReportBytes(path: string, bytes: Uint8Array): Promise<ReportBatch> {
  if (bytes.length > maxReportFileSize) return problem(path, describeTooLarge(bytes.length));
  if (bytes.length === 0) return problem(path, 'empty report');
  const nul = bytes.subarray(0, binarySniffLength).indexOf(0);
  if (nul !== -1)
    return problem(path, `binary file, not a text report (NUL byte at offset ${nul})`);

  const extension = extname(path).toLowerCase();
  if (
    emailExtensions.has(extension) ||
    (!isMarkdownOrJson(extension) && looksLikeEmail(decodeLatin1(bytes.subarray(0, 64 * 1024))))
  ) {
    // The mail parser (postal-mime) loads only for mail input.
    const { parseEmailReports } = await import('../mail/parse-email-reports.js');
    return parseEmailReports(path, bytes);
  }
  const invalid = findInvalidUtf8(bytes);
  if (invalid !== null) {
    const byte = (bytes[invalid] ?? 0).toString(16).padStart(2, '0');
    return problem(
      path,
      `not valid UTF-8 (byte 0x${byte} at offset ${invalid}); save the file as UTF-8`,
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const hint: ReportFormat | undefined =
    extension === '.md' || extension === '.markdown' ? 'markdown' : undefined;
  const parsed = parseReportText(path, text, hint);
  if (parsed.ok) return { reports: parsed.value, problems: [] };
  return {
    reports: [],
    problems: parsed.issues.map((issue) => ({ source: path, message: formatParseIssue(issue) })),
  };
}

function isMarkdownOrJson(extension: string): boolean {
  return extension === '.md' || extension === '.markdown' || extension === '.json';
}

/** `52.4 MB > 10 MiB`: the size as people read it, the limit as it is defined. */
function describeTooLarge(size: number): string {
  return `too large (${(size / 1e6).toFixed(1)} MB > ${maxReportFileSize / 1024 / 1024} MiB)`;
}

function problem(source: string, message: string): ReportBatch {
  return { reports: [], problems: [{ source, message }] };
}

function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return text;
}

/**
 * The offset where the first ill-formed UTF-8 sequence starts (overlong forms, surrogates and code
 * points above U+10FFFF are ill-formed), or null. A leading BOM is valid UTF-8.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | null {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      // The offending sequence is reported by its first byte: for Latin-1 text, the accented letter.
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return null;
}
