// Builds a large, realistic index for latency figures: the benchmark's reports plus perturbed
// copies whose sentences, packages, versions and ids are recombined from other reports.

import type { DuplicateDocument } from '../../src/core/index.js';
import type { BenchReport } from './to-duplicate-document.js';
import { toDuplicateDocument } from './to-duplicate-document.js';

/** Deterministic PRNG (mulberry32), so every run synthesises the same corpus. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
}

export function synthesizeDuplicateCorpus(
  reports: readonly BenchReport[],
  total: number,
  seed = 7,
): DuplicateDocument[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const docs = reports.slice(0, total).map(toDuplicateDocument);
  for (let i = 0; docs.length < total; i++) {
    const base = pick(reports);
    const other = pick(reports);
    const sentences = [...splitSentences(base.text), ...splitSentences(other.text)].filter(
      () => random() < 0.6,
    );
    const donor = pick(reports);
    const suffix = random() < 0.3 ? `-${Math.floor(random() * 50)}` : '';
    docs.push(
      toDuplicateDocument({
        id: `synthetic-${i}`,
        source: base.source,
        title: random() < 0.5 ? base.title : other.title,
        text: sentences.join(' '),
        package: `${donor.package}${suffix}`,
        ecosystem: donor.ecosystem,
        published: base.published,
        versions: pick(reports).versions,
      }),
    );
  }
  return docs;
}
