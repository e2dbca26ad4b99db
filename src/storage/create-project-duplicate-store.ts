// The duplicate store of one inbox project, kept in the report store: the same DuplicateStore
// port the command line's `--store FILE` uses, so duplicate matching runs unchanged over either.

import type { DuplicateDocument } from '../core/index.js';
import type { DuplicateStore, ReportStore } from '../services/ports.js';

export function createProjectDuplicateStore(store: ReportStore, project: string): DuplicateStore {
  // Saves and removals in the order first named; each id ends saved or removed, as in the file store.
  const pending = new Map<string, DuplicateDocument | null>();
  return {
    loadDocuments: () => store.duplicateDocuments.list(project),
    countDocuments: () => store.duplicateDocuments.count(project),
    saveDocument(document) {
      pending.set(document.id, document);
      return Promise.resolve();
    },
    removeDocument(id) {
      pending.set(id, null);
      return Promise.resolve();
    },
    async commit() {
      if (pending.size === 0) return;
      const save: DuplicateDocument[] = [];
      const remove: string[] = [];
      for (const [id, document] of pending) {
        if (document === null) remove.push(id);
        else save.push(document);
      }
      await store.duplicateDocuments.write(project, { save, remove });
      pending.clear();
    },
  };
}
