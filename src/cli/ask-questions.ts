// A small line-based prompt for `thresher init`: writes a question with its default, reads one
// line from stdin, re-asks when the answer does not validate.

import { createInterface } from 'node:readline';
import { InputError } from '../core/index.js';
import type { CliIo } from './cli-io.js';

export interface Question<Value> {
  text: string;
  /** Shown in brackets and used for an empty answer or end of input. */
  fallback: string;
  /** The value, or an error message to show before asking again. */
  parse: (answer: string) => { value: Value } | { error: string };
}

export interface Asker {
  ask<Value>(question: Question<Value>): Promise<Value>;
  close(): void;
}

const maxAttempts = 3;

export function createAsker(io: CliIo, input: NodeJS.ReadableStream): Asker {
  const reader = createInterface({ input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  return {
    async ask(question) {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        io.stdout(`${question.text}${question.fallback === '' ? '' : ` [${question.fallback}]`}: `);
        const next = await lines.next();
        const raw = next.done === true ? '' : String(next.value).trim();
        const parsed = question.parse(raw === '' ? question.fallback : raw);
        if ('value' in parsed) return parsed.value;
        io.stdout(`  ${parsed.error}\n`);
        if (next.done === true) break;
      }
      throw new InputError(`no valid answer to "${question.text}"`);
    },
    close() {
      reader.close();
    },
  };
}
