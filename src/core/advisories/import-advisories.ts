// Reads advisory JSON written elsewhere into the model: an OSV record or a list of them (GitHub's
// OSV files, any OSV database, Thresher's own exports), or GitHub REST API advisories.

import type { ParseIssue, ParseResult } from '../model/parse-result.js';
import { isGithubAdvisoryJson } from '../report/parse-github-advisory.js';
import { parseJsonText } from '../report/parse-json-text.js';
import { isJsonObject } from '../report/read-json-value.js';
import { importGithubAdvisory } from './import-github-advisory.js';
import { importOsvAdvisory, type ImportedAdvisory } from './import-osv-advisory.js';
import { parseAdvisory } from './parse-advisory.js';

/** Largest text read, in characters, and most advisories in one list. */
const importLimits = { textLength: 32 * 1024 * 1024, advisories: 10_000 } as const;

export interface ImportedAdvisories {
  advisories: ImportedAdvisory[];
  /** Whether the input was a list (the output is then a list too). */
  isList: boolean;
}

/** `now` stands in for a record's missing `modified` date. */
export function importAdvisories(text: string, now: string): ParseResult<ImportedAdvisories> {
  if (text.length > importLimits.textLength) {
    return {
      ok: false,
      issues: [
        { message: `too large (${text.length} characters; at most ${importLimits.textLength})` },
      ],
    };
  }
  const json = parseJsonText(text);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) {
    const imported = importOne(json.value, now);
    return imported.ok
      ? { ok: true, value: { advisories: [imported.value], isList: false } }
      : imported;
  }
  const list = json.value as unknown[];
  if (list.length > importLimits.advisories) {
    return {
      ok: false,
      issues: [
        { message: `${list.length} advisories is over the limit of ${importLimits.advisories}` },
      ],
    };
  }
  const advisories: ImportedAdvisory[] = [];
  const issues: ParseIssue[] = [];
  list.forEach((item, index) => {
    const imported = importOne(item, now);
    if (imported.ok) advisories.push(imported.value);
    else {
      issues.push(
        ...imported.issues.map((issue) => ({ ...issue, path: prefixPath(index, issue.path) })),
      );
    }
  });
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: { advisories, isList: true } };
}

function prefixPath(index: number, path: string | undefined): string {
  if (!path) return `[${index}]`;
  return path.startsWith('[') ? `[${index}]${path}` : `[${index}].${path}`;
}

function importOne(value: unknown, now: string): ParseResult<ImportedAdvisory> {
  if (isJsonObject(value) && 'thresherAdvisory' in value) {
    const parsed = parseAdvisory(value);
    return parsed.ok ? { ok: true, value: { advisory: parsed.value, notes: [] } } : parsed;
  }
  if (isGithubAdvisoryJson(value)) return importGithubAdvisory(value, now);
  if (isJsonObject(value) && typeof value.id === 'string') return importOsvAdvisory(value, now);
  return {
    ok: false,
    issues: [
      { path: '', message: 'neither an OSV record (no "id") nor a GitHub advisory (no "ghsa_id")' },
    ],
  };
}
