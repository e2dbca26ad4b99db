// The documents of each project's duplicate index, kept in arrival order (a re-saved document
// keeps its place) so the index rebuilt from them ranks the same way run after run.

import { InputError, NotFoundError, type DuplicateDocument } from '../core/index.js';
import type { DuplicateDocumentRecords } from '../services/ports.js';
import { checkText, encodeJson, storedTextLimits } from './check-stored-text.js';
import type { StoreContext } from './store-context.js';

export function createDuplicateDocumentRecords(context: StoreContext): DuplicateDocumentRecords {
  return {
    async list(project) {
      const rows = await context.read((db) =>
        db
          .selectFrom('duplicate_documents')
          .select('document')
          .where('project', '=', project)
          .orderBy('position')
          .orderBy('id')
          .execute(),
      );
      return rows.map((row) => JSON.parse(row.document) as DuplicateDocument);
    },

    async count(project) {
      const row = await context.read((db) =>
        db
          .selectFrom('duplicate_documents')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('project', '=', project)
          .executeTakeFirstOrThrow(),
      );
      return Number(row.count);
    },

    async write(project, { save, remove }) {
      const documents = save.map((document) => {
        if (typeof document !== 'object' || document === null) {
          throw new InputError('a duplicate document must be an object');
        }
        return {
          id: checkText('document id', document.id, storedTextLimits.line),
          text: encodeJson('duplicate document', document, storedTextLimits.json),
        };
      });
      const removed = remove.map((id) => checkText('document id', id, storedTextLimits.line));
      await context.write(async (db) => {
        const known = await db
          .selectFrom('projects')
          .select('name')
          .where('name', '=', project)
          .executeTakeFirst();
        if (known === undefined) throw new NotFoundError(`no project named "${project}"`);
        const now = context.now();
        const last = await db
          .selectFrom('duplicate_documents')
          .select((eb) => eb.fn.max('position').as('position'))
          .where('project', '=', project)
          .executeTakeFirst();
        let position = Number(last?.position ?? 0);
        for (const document of documents) {
          position += 1;
          await db
            .insertInto('duplicate_documents')
            .values({
              project,
              id: document.id,
              document: document.text,
              position,
              updated_at: now,
            })
            .onConflict((conflict) =>
              conflict
                .columns(['project', 'id'])
                .doUpdateSet({ document: document.text, updated_at: now }),
            )
            .execute();
        }
        if (removed.length > 0) {
          await db
            .deleteFrom('duplicate_documents')
            .where('project', '=', project)
            .where('id', 'in', removed)
            .execute();
        }
      });
    },
  };
}
