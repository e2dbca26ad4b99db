import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../../core/index.js';
import { buildTestDuplicateDocument } from '../../../test/support/build-test-duplicate-document.js';
import { createFileDuplicateStore } from './create-file-duplicate-store.js';

function document(id: string, title = id): DuplicateDocument {
  return buildTestDuplicateDocument(id, { title, text: `text of ${id}` });
}

const folder = mkdtempSync(join(tmpdir(), 'thresher-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const freshPath = (): string => join(folder, `store-${(counter += 1)}.jsonl`);

describe('createFileDuplicateStore', () => {
  it('starts empty and keeps what a run commits, with a header line first', async () => {
    const path = freshPath();
    const store = createFileDuplicateStore(path);
    expect(await store.loadDocuments()).toEqual([]);
    await store.saveDocument(document('a'));
    await store.saveDocument(document('b'));
    await store.saveDocument(document('a', 'a, edited'));
    await store.removeDocument('b');
    expect(await createFileDuplicateStore(path).loadDocuments()).toEqual([]);
    await store.commit();
    expect(await createFileDuplicateStore(path).loadDocuments()).toEqual([
      document('a', 'a, edited'),
    ]);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('{"thresher-duplicate-store":1}');
    expect(
      readdirSync(folder).filter((name) => name.includes('.tmp') || name.endsWith('.lock')),
    ).toEqual([]);
  });

  it('writes one line per document however often a run saves it', async () => {
    const path = freshPath();
    const store = createFileDuplicateStore(path);
    for (let index = 0; index < 150; index += 1)
      await store.saveDocument(document('a', `${index}`));
    await store.commit();
    await store.commit();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('refuses a file it did not write and leaves it untouched', async () => {
    const path = freshPath();
    const text = Array.from({ length: 150 }, (_, index) => `line ${index}`).join('\n');
    writeFileSync(path, text);
    await expect(createFileDuplicateStore(path).loadDocuments()).rejects.toThrow(
      /is not a Thresher duplicate store/,
    );
    const store = createFileDuplicateStore(path);
    await store.saveDocument(document('a'));
    await expect(store.commit()).rejects.toThrow(/is not a Thresher duplicate store/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('names the line of a corrupt entry, but skips a torn last line from a crash', async () => {
    const path = freshPath();
    const header = '{"thresher-duplicate-store":1}\n';
    const good = `${JSON.stringify({ put: document('a') })}\n`;
    writeFileSync(path, `${header}${good}{"put": 42}\n${good}`);
    await expect(createFileDuplicateStore(path).loadDocuments()).rejects.toThrow(
      /:3: corrupt duplicate store line/,
    );
    writeFileSync(path, `${header}${good}{"put": {"id": "c", "kind": "rep`);
    expect((await createFileDuplicateStore(path).loadDocuments()).map((d) => d.id)).toEqual(['a']);
  });

  it('refuses another format version and a store in a missing folder before any work', async () => {
    const path = freshPath();
    writeFileSync(path, '{"thresher-duplicate-store":9}\n');
    await expect(createFileDuplicateStore(path).loadDocuments()).rejects.toThrow(/version 9/);
    const missing = join(folder, 'no-such-folder', 'store.jsonl');
    await expect(createFileDuplicateStore(missing).loadDocuments()).rejects.toThrow(
      /folder .*no-such-folder does not exist/,
    );
  });

  it('merges two runs that commit to the same store', async () => {
    const path = freshPath();
    const first = createFileDuplicateStore(path);
    const second = createFileDuplicateStore(path);
    await first.loadDocuments();
    await second.loadDocuments();
    await first.saveDocument(document('from-first'));
    await second.saveDocument(document('from-second'));
    await Promise.all([first.commit(), second.commit()]);
    const ids = (await createFileDuplicateStore(path).loadDocuments()).map((d) => d.id).sort();
    expect(ids).toEqual(['from-first', 'from-second']);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const path = freshPath();
    writeFileSync(`${path}.lock`, '999999999');
    const store = createFileDuplicateStore(path);
    await store.saveDocument(document('a'));
    await store.commit();
    expect((await createFileDuplicateStore(path).loadDocuments()).map((d) => d.id)).toEqual(['a']);
  });
});
