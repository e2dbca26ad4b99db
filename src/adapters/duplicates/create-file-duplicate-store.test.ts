import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../../core/index.js';
import { createFileDuplicateStore } from './create-file-duplicate-store.js';

function document(id: string, title = id): DuplicateDocument {
  return {
    id,
    kind: 'report',
    title,
    text: `text of ${id}`,
    packages: [],
    aliases: [],
    cwes: [],
    paths: [],
    functions: [],
    published: null,
  };
}

describe('createFileDuplicateStore', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'thresher-store-')), 'duplicates.jsonl');

  it('starts empty, keeps saves and removals across instances', async () => {
    const store = createFileDuplicateStore(path);
    expect(await store.loadDocuments()).toEqual([]);
    await store.saveDocument(document('a'));
    await store.saveDocument(document('b'));
    await store.saveDocument(document('a', 'a, edited'));
    await store.removeDocument('b');
    const reloaded = await createFileDuplicateStore(path).loadDocuments();
    expect(reloaded).toEqual([document('a', 'a, edited')]);
  });

  it('survives a torn last line from a crash', async () => {
    appendFileSync(path, '{"put": {"id": "c", "kind": "rep');
    const reloaded = await createFileDuplicateStore(path).loadDocuments();
    expect(reloaded.map((entry) => entry.id)).toEqual(['a']);
  });

  it('compacts a file that is mostly history', async () => {
    const store = createFileDuplicateStore(path);
    for (let index = 0; index < 150; index += 1)
      await store.saveDocument(document('a', `edit ${index}`));
    expect((await store.loadDocuments()).map((entry) => entry.title)).toEqual(['edit 149']);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
