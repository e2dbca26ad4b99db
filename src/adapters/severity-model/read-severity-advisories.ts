// Reads the advisory training file (`../shared/data/severity/advisories.jsonl`): one JSON object a
// line with `title`, `text` and `cvss`; the model reads the title and the text together.

import { readFile } from 'node:fs/promises';
import { InputError, type SeverityTrainingRecord } from '../../core/index.js';

interface AdvisoryLine {
  title?: unknown;
  text?: unknown;
  cvss?: unknown;
}

export async function readSeverityAdvisories(path: string): Promise<SeverityTrainingRecord[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      let value: AdvisoryLine;
      try {
        value = JSON.parse(line) as AdvisoryLine;
      } catch {
        throw new InputError(`${path}:${index + 1}: not JSON`);
      }
      if (typeof value.text !== 'string' || typeof value.cvss !== 'string') {
        throw new InputError(`${path}:${index + 1}: needs "text" and "cvss" strings`);
      }
      const title = typeof value.title === 'string' ? value.title.trim() : '';
      return { text: title ? `${title}\n${value.text}` : value.text, vector: value.cvss };
    });
}
