// The report files a test may read as real-world text: the examples and the tune split's
// reports (never the measure split's, which stay held out).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpus } from '../corpus/read-corpus.js';

/** Paths of examples/reports/* and of every tune project's reports. */
export function listTuneReportPaths(): string[] {
  const examples = resolve(import.meta.dirname, '../../examples/reports');
  const paths = readdirSync(examples).map((name) => join(examples, name));
  for (const project of readCorpus().filter(({ split }) => split === 'tune'))
    paths.push(...project.reportFiles.map((name) => join(project.reportsDir, name)));
  return paths;
}
