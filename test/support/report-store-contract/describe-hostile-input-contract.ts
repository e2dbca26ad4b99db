// Hostile text goes in as data and comes back exactly: quotes, SQL fragments, LIKE wildcards,
// backslashes, astral characters, huge bodies; what no database can keep exactly (NUL, lone
// surrogates) is refused with an InputError, and the store is intact afterwards.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/index.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

const hostileStrings = [
  "O'Brien",
  "'; DROP TABLE reports; --",
  '"; DROP TABLE "reports"; --',
  "' OR '1'='1",
  "Robert'); DELETE FROM users WHERE ('1'='1",
  '100% _match_ \\% \\_',
  'back\\slash\\\\ and \\x00 text',
  '$1 $$ :name ? @p0',
  'emoji 🐛🔥 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'rtl \u202e gnirts and zero\u200bwidth',
  'line\r\nbreaks\n\ttabs',
  '\u0001\u0007\u001b[31mcontrol\u001b[0m',
  '',
];

export function describeHostileInputContract(fixture: ContractFixture): void {
  describe('hostile input', () => {
    it('stores hostile strings in every text field and reads them back exactly', async () => {
      const { store } = fixture;
      const project = "proj'; DROP TABLE projects; --";
      await store.projects.add({ name: project, profileYaml: hostileStrings.join('\n') });
      for (const [index, text] of hostileStrings.entries()) {
        const added = await store.reports.add({
          project,
          title: text,
          body: `${text}#${index}`,
          reporter: { name: text, email: text },
          channel: `web${text}`,
          format: `markdown${text}`,
        });
        const updated = await store.reports.update(
          added.report.id,
          1,
          { assessment: { text, list: [text] }, disposition: text, rules: [text, text] },
          `user:${text}`,
        );
        const message = await store.reports.addMessage(added.report.id, {
          visibility: 'reporter',
          actor: `actor${text}`,
          body: `message ${text}`,
        });
        const read = await store.reports.get(added.report.id);
        expect(read).toEqual(updated);
        expect(read).toMatchObject({
          title: text,
          body: `${text}#${index}`,
          reporter: { name: text, email: text },
          assessment: { text, list: [text] },
          disposition: text,
          rules: [text, text],
        });
        const events = await store.reports.listEvents(added.report.id, 'reporter');
        expect(events.at(-1)).toEqual(message);
      }
      expect((await store.projects.get(project))?.profileYaml).toBe(hostileStrings.join('\n'));
      const queue = await store.reports.listQueue({ project, limit: 1000 });
      expect(queue.reports).toHaveLength(hostileStrings.length);
      expect(await store.reports.listQueue({ project: "' OR '1'='1" })).toEqual({
        reports: [],
        next: null,
      });
      expect(await store.people.findUserByEmail("' OR '1'='1")).toBeNull();
      expect(await store.reports.get("' OR '1'='1")).toBeNull();
    });

    it('keeps a 5 MB body and an escaped NUL inside JSON exactly', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const body = `${'A'.repeat(5 * 1024 * 1024)}🐛\n'; DROP TABLE reports; --`;
      const { report } = await store.reports.add(buildNewReport('zlib', { body }));
      const assessment = { quote: 'nul \u0000 and lone \ud800 inside JSON' };
      await store.reports.update(report.id, 1, { assessment }, 'system');
      const read = await store.reports.get(report.id);
      expect(read?.body.length).toBe(body.length);
      expect(read?.body === body).toBe(true);
      expect(read?.assessment).toEqual(assessment);
    });

    it('refuses NUL characters and lone surrogates with an InputError naming the field', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      await expect(store.reports.add(buildNewReport('zlib', { body: 'a\u0000b' }))).rejects.toThrow(
        /body contains a NUL character/,
      );
      await expect(store.reports.add(buildNewReport('zlib', { title: 'x\ud800' }))).rejects.toThrow(
        /title contains a lone UTF-16 surrogate/,
      );
      await expect(
        store.reports.add(buildNewReport('zlib', { reporter: { name: '\udc00y', email: null } })),
      ).rejects.toThrow(InputError);
      await expect(store.projects.add({ name: 'bad\u0000name', profileYaml })).rejects.toThrow(
        InputError,
      );
      const { report } = await store.reports.add(buildNewReport('zlib'));
      await expect(
        store.reports.addMessage(report.id, { visibility: 'team', actor: 'u', body: '\ud83d' }),
      ).rejects.toThrow(InputError);
      await expect(
        store.reports.update(report.id, 1, { rules: ['ok', 'a\u0000'] }, 'u'),
      ).rejects.toThrow(InputError);
      expect(await store.reports.get(report.id)).toEqual(report);
      expect((await store.reports.listQueue({ project: 'zlib' })).reports).toHaveLength(1);
    });

    it('gives back any well-formed text exactly (property)', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const wellFormed = fc
        .oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }))
        .map((text) => text.replaceAll('\u0000', ''));
      await fc.assert(
        fc.asyncProperty(wellFormed, wellFormed, async (title, body) => {
          const { report } = await store.reports.add(buildNewReport('zlib', { title, body }));
          const read = await store.reports.get(report.id);
          expect(read?.title).toBe(title);
          expect(read?.body).toBe(body);
        }),
        { numRuns: 60 },
      );
    });
  });
}
