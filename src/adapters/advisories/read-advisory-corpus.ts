// Reads the corpus duplicates are matched against: published OSV advisories (JSON files in a
// folder, or a zip of them as the OSV project distributes them per ecosystem) and earlier reports
// (every other file, handed back for the report reader). Zips are read entry by entry with limits
// against zip bombs; nothing is extracted to disk.

import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import yauzl from 'yauzl';
import { isOsvAdvisory, parseOsvAdvisory, type DuplicateDocument } from '../../core/index.js';
import type { AdvisoryCorpus, InputProblem } from '../../services/ports.js';
import { expandPath } from '../files/expand-path.js';
import { readRegularFile } from '../files/read-regular-file.js';

const maxJsonFileBytes = 10 * 1024 * 1024;
const maxZipEntries = 1_000_000;
const maxZipTotalBytes = 4 * 1024 * 1024 * 1024;
// Folders are expanded to report files and OSV zips.
const corpusExtensions = new Set(['.md', '.markdown', '.txt', '.json', '.eml', '.mbox', '.zip']);

interface Collector {
  advisories: DuplicateDocument[];
  reportPaths: string[];
  problems: InputProblem[];
}

function addJson(collector: Collector, source: string, text: string, asReport: () => void): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    asReport(); // not JSON at all: let the report reader explain what is wrong with it
    return;
  }
  // A whole feed in one file: an array of OSV entries, as many projects publish it.
  if (Array.isArray(value) && value.length > 0 && value.some(isOsvAdvisory)) {
    value.forEach((entry: unknown, index) => addOsvEntry(collector, `${source}[${index}]`, entry));
    return;
  }
  if (!isOsvAdvisory(value)) {
    asReport();
    return;
  }
  addOsvEntry(collector, source, value);
}

function addOsvEntry(collector: Collector, source: string, value: unknown): void {
  if (!isOsvAdvisory(value)) {
    collector.problems.push({
      source,
      message: 'not an OSV advisory (an object with an id and modified or affected)',
    });
    return;
  }
  const parsed = parseOsvAdvisory(value);
  if (parsed.ok) collector.advisories.push(parsed.value);
  else
    collector.problems.push({
      source,
      message: parsed.issues.map((issue) => issue.message).join('; '),
    });
}

async function addFile(collector: Collector, path: string): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension === '.zip') return addZip(collector, path);
  if (extension !== '.json') {
    collector.reportPaths.push(path);
    return;
  }
  const read = await readRegularFile(path, maxJsonFileBytes);
  if (!read.ok) {
    collector.problems.push({ source: path, message: read.message });
    return;
  }
  const text = new TextDecoder('utf-8').decode(read.bytes);
  addJson(collector, path, text, () => collector.reportPaths.push(path));
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      // Names are decoded here, not by yauzl: its check of each name (no `../`, no absolute
      // path) guards extraction, which never happens here, and it stops the whole zip at the
      // first bad name. A bad name is only a label to us.
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false },
      (error, zip) => {
        if (error || !zip) reject(error ?? new Error('cannot open zip'));
        else resolve(zip);
      },
    );
  });
}

/** Entry names are UTF-8 when the zip says so (bit 11), else CP437; ASCII reads the same in both. */
function decodeEntryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown;
  if (!Buffer.isBuffer(raw)) return String(raw);
  return new TextDecoder((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(
    raw,
  );
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error('cannot read entry'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxJsonFileBytes)
          stream.destroy(new Error(`entry larger than ${maxJsonFileBytes} bytes`));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

async function addZip(collector: Collector, path: string): Promise<void> {
  // yauzl opens by name: a FIFO or a device must be refused before it is opened.
  const info = await stat(path);
  if (!info.isFile()) {
    collector.problems.push({ source: path, message: 'not a regular file' });
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    collector.problems.push({
      source: path,
      message: `not a readable zip: ${(error as Error).message}`,
    });
    return;
  }
  await new Promise<void>((resolve) => {
    let entries = 0;
    let total = 0;
    const stop = (message: string): void => {
      collector.problems.push({ source: path, message });
      zip.close();
      resolve();
    };
    zip.on('error', (error: Error) => stop(`zip error: ${error.message}`));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      total += entry.uncompressedSize;
      if (entries > maxZipEntries) return stop(`more than ${maxZipEntries} entries`);
      if (total > maxZipTotalBytes) return stop(`more than ${maxZipTotalBytes} bytes uncompressed`);
      const name = decodeEntryName(entry);
      const source = `${path}#${name}`;
      if (!name.toLowerCase().endsWith('.json') || entry.uncompressedSize > maxJsonFileBytes) {
        if (name.toLowerCase().endsWith('.json'))
          collector.problems.push({ source, message: 'entry too large' });
        zip.readEntry();
        return;
      }
      readEntry(zip, entry)
        .then((text) =>
          addJson(collector, source, text, () =>
            collector.problems.push({ source, message: 'not an OSV advisory' }),
          ),
        )
        .catch((error: Error) => collector.problems.push({ source, message: error.message }))
        .finally(() => zip.readEntry());
    });
    zip.readEntry();
  });
}

/** Splits `paths` into OSV advisories (parsed) and report files (for the report reader). */
export async function readAdvisoryCorpus(paths: readonly string[]): Promise<AdvisoryCorpus> {
  const collector: Collector = { advisories: [], reportPaths: [], problems: [] };
  for (const path of paths) {
    for (const file of await expandPath(path, corpusExtensions, collector.problems)) {
      try {
        await addFile(collector, file);
      } catch (error) {
        collector.problems.push({
          source: file,
          message: `cannot read: ${(error as Error).message}`,
        });
      }
    }
  }
  return collector;
}
