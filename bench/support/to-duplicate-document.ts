// Maps one line of the duplicates benchmark (shared/data/duplicates/reports.jsonl) to the
// DuplicateDocument the index takes, pulling code locations out of the prose as a report parser would.

import type { DuplicateDocument } from '../../src/core/index.js';

export interface BenchReport {
  id: string;
  source: string;
  title: string;
  text: string;
  package: string;
  ecosystem: string;
  published: string;
  versions: string;
}

// `name(`, `pkg.Func`, `Class::method`, snake_case and camelCase identifiers: what a report
// parser would record as functions. Plain words and package paths are left out.
const functionPattern =
  /\b([A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::|->)[A-Za-z_][A-Za-z0-9_]*)*)\(|`([A-Za-z_][\w.:>-]*)`|\b([a-z]+_[a-z0-9_]+|[a-z]+[A-Z][A-Za-z0-9]+|[A-Za-z]+\.[A-Z][A-Za-z0-9]+)\b/g;
const pathPattern =
  /(?:^|[\s`'"(])((?:[\w.-]+\/)+[\w-]+\.(?:c|h|cc|cpp|go|rs|py|rb|php|js|ts|java|phtml|twig|yml|yaml|xml|json))\b/g;

function extractFunctions(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(functionPattern)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name && name.length >= 4 && !/^(?:e\.g|i\.e)$/i.test(name)) names.add(name);
  }
  return [...names].slice(0, 50);
}

function extractPaths(text: string): string[] {
  return [...new Set([...text.matchAll(pathPattern)].map((m) => m[1]!))].slice(0, 50);
}

export function toDuplicateDocument(report: BenchReport): DuplicateDocument {
  const prose = `${report.title}\n${report.text}`;
  return {
    id: report.id,
    kind: 'advisory',
    source: report.source,
    title: report.title,
    text: report.text,
    packages: report.package
      ? [
          {
            ecosystem: report.ecosystem,
            name: report.package,
            versions: report.versions ? [report.versions] : [],
          },
        ]
      : [],
    aliases: [],
    cwes: [],
    paths: extractPaths(prose),
    functions: extractFunctions(prose),
    published: report.published || null,
  };
}
