// Reads report files and folders of them from disk and hands each file's bytes to the core
// intake (`readReportInput`), which detects the format. Only reading is done here: regular files,
// never more than the intake's size limit. Bad content is a problem in the batch, never an exception.

import {
  describeTooLargeInput,
  intakeLimits,
  readReportInput,
  type MailReader,
} from '../../core/triage.js';
import type { ReportBatch } from '../../services/ports.js';
import { expandPath } from '../files/expand-path.js';
import { readRegularFile } from '../files/read-regular-file.js';

/** Extensions picked up when a folder is expanded; a file named explicitly is read whatever its name. */
const reportExtensions = new Set(['.md', '.markdown', '.txt', '.json', '.eml', '.mbox']);

/**
 * Reads every path: files directly, folders recursively (entries sorted by name; dotfiles and
 * files without a report extension skipped). Reports come back in path order; every file that
 * cannot be read or parsed is a problem with its path (or `file.mbox#N`).
 */
export async function readReportFiles(
  paths: readonly string[],
  mail: MailReader,
): Promise<ReportBatch> {
  const batch: ReportBatch = { reports: [], problems: [] };
  for await (const result of readReportFilesOneByOne(paths, mail)) {
    batch.reports.push(...result.reports);
    batch.problems.push(...result.problems);
  }
  return batch;
}

/** The same, one file at a time, so a long batch need not be held in memory. */
async function* readReportFilesOneByOne(
  paths: readonly string[],
  mail: MailReader,
): AsyncGenerator<ReportBatch> {
  for (const path of paths) {
    const problems: ReportBatch['problems'] = [];
    const files = await expandPath(path, reportExtensions, problems);
    if (problems.length > 0) yield { reports: [], problems };
    for (const file of files) yield readReportFile(file, mail);
  }
}

/** Reads one regular file; the size is checked before reading and while reading (it may grow). */
async function readReportFile(path: string, mail: MailReader): Promise<ReportBatch> {
  const read = await readRegularFile(path, intakeLimits.maxInputBytes);
  if (!read.ok) {
    const message =
      read.reason === 'too-large'
        ? describeTooLargeInput(read.size)
        : read.reason === 'not-found'
          ? 'cannot read: no such file'
          : read.message;
    return { reports: [], problems: [{ source: path, message }] };
  }
  return readReportInput({ content: read.bytes, name: path }, mail);
}
