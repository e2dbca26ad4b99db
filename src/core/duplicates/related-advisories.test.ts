// Distinct advisories of one project cite each other ("like CVE-...", "a follow-up to ..."):
// a cited id is a related id, never an alias, so none of them may be called the same bug.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { createDuplicateIndex } from './create-duplicate-index.js';

interface FixtureAdvisory {
  id: string;
  published: string;
  title: string;
  text: string;
  fixed: string;
}

const fixture = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../../test/fixtures/related-advisories/urllib3.json'),
    'utf8',
  ),
) as { advisories: FixtureAdvisory[] };

function toDocument(advisory: FixtureAdvisory): DuplicateDocument {
  return {
    id: advisory.id,
    kind: 'advisory',
    title: advisory.title,
    text: advisory.text,
    packages: [{ ecosystem: 'PyPI', name: 'urllib3', versions: [`fixed ${advisory.fixed}`] }],
    aliases: [advisory.id],
    cwes: [],
    paths: [],
    functions: [],
    published: advisory.published,
  };
}

describe('distinct advisories that cite each other', () => {
  it('are never strong matches of one another, though the cited one is found', () => {
    const index = createDuplicateIndex();
    for (const advisory of fixture.advisories) {
      const candidates = index.query(toDocument(advisory), { limit: 10 });
      for (const candidate of candidates) {
        expect(candidate.isStrong, `${advisory.id} -> ${candidate.id}`).toBe(false);
      }
      index.add(toDocument(advisory));
    }
    const followUp = fixture.advisories.find((advisory) => advisory.id === 'CVE-2024-37891')!;
    const fresh = createDuplicateIndex();
    for (const advisory of fixture.advisories) {
      if (advisory !== followUp) fresh.add(toDocument(advisory));
    }
    const cited = fresh.query(toDocument(followUp), { limit: 10 });
    const citedIds = cited
      .filter((candidate) => candidate.evidence.some((line) => line.startsWith('both cite')))
      .map((candidate) => candidate.id);
    expect(citedIds).toEqual(expect.arrayContaining(['CVE-2018-20060', 'CVE-2023-43804']));
  });

  it('still calls a report that gives the advisory id as its own the same bug', () => {
    const index = createDuplicateIndex();
    for (const advisory of fixture.advisories) index.add(toDocument(advisory));
    const [top] = index.query({
      ...toDocument(fixture.advisories[3]!),
      id: 'report.md',
      kind: 'report',
      title: 'Cookies leak to other hosts on redirect',
      text: 'A Set-Cookie value set on the first request goes to the redirect target host.',
    });
    expect(top).toMatchObject({ id: 'CVE-2023-43804', isStrong: true });
  });
});
