// The contract of the DuplicateStore port, run against the command line's JSON-lines file and
// the inbox's report store: what a run commits is kept, nothing before, and runs merge.

import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../../src/core/index.js';
import type { DuplicateStore } from '../../src/services/ports.js';

function document(id: string, title = id): DuplicateDocument {
  return {
    id,
    kind: 'report',
    title,
    text: `text of ${id}: '; DROP TABLE duplicate_documents; -- 🐛`,
    packages: [{ ecosystem: 'npm', name: 'left-pad', versions: ['1.0.0'] }],
    aliases: ['CVE-2024-0001'],
    cwes: ['CWE-79'],
    paths: ['src/a.ts'],
    functions: ['parse'],
    published: null,
  };
}

/** `open` gives a new store over the same data each call (a new run). */
export function describeDuplicateStoreContract(
  name: string,
  makeStore: () => Promise<{ open(): DuplicateStore; destroy(): Promise<void> }>,
  skipReason?: string,
): void {
  const title = skipReason ? `${name} (skipped: ${skipReason})` : name;
  describe.skipIf(skipReason !== undefined)(title, () => {
    it('keeps what a run commits, and nothing before the commit', async () => {
      const data = await makeStore();
      try {
        const run = data.open();
        expect(await run.loadDocuments()).toEqual([]);
        await run.saveDocument(document('a'));
        await run.saveDocument(document('b'));
        await run.saveDocument(document('a', 'a, edited'));
        await run.removeDocument('b');
        expect(await data.open().loadDocuments()).toEqual([]);
        await run.commit();
        await run.commit();
        expect(await data.open().loadDocuments()).toEqual([document('a', 'a, edited')]);
      } finally {
        await data.destroy();
      }
    });

    it('keeps the order documents were first saved in across runs', async () => {
      const data = await makeStore();
      try {
        const first = data.open();
        for (const id of ['c', 'a', 'b']) await first.saveDocument(document(id));
        await first.commit();
        const second = data.open();
        await second.saveDocument(document('d'));
        await second.saveDocument(document('a', 'a again'));
        await second.removeDocument('c');
        await second.commit();
        expect((await data.open().loadDocuments()).map((d) => d.title)).toEqual([
          'a again',
          'b',
          'd',
        ]);
      } finally {
        await data.destroy();
      }
    });

    it('merges two runs that commit at the same time', async () => {
      const data = await makeStore();
      try {
        const first = data.open();
        const second = data.open();
        await first.loadDocuments();
        await second.loadDocuments();
        await first.saveDocument(document('from-first'));
        await second.saveDocument(document('from-second'));
        await Promise.all([first.commit(), second.commit()]);
        const ids = (await data.open().loadDocuments()).map((d) => d.id).sort();
        expect(ids).toEqual(['from-first', 'from-second']);
      } finally {
        await data.destroy();
      }
    });
  });
}
