// Versions a document names, split into fix versions (the first release without the bug) and every
// version mentioned; an identical fix version in the same package is one of the strongest hints.

import { findFixColumnCells } from '../text/find-fix-column-cells.js';

export interface VersionKeys {
  fixed: string[];
  mentioned: string[];
}

const versionPattern =
  /(?:\b|v)(\d+(?:\.\d+)+(?:-[0-9a-z.]+)?(?:\+[0-9a-z.]+)?|[0-9a-f]{12,40})\b/gi;

/** `v1.2.0` -> `1.2`, `1.15.0-0` -> `1.15`, `10.11.2+incompatible` -> `10.11.2`. */
export function normalizeVersion(version: string): string {
  let v = version.toLowerCase().replace(/^v/, '');
  const buildMetadata = v.indexOf('+');
  if (buildMetadata !== -1) v = v.slice(0, buildMetadata);
  if (/^[0-9a-f]{12,40}$/.test(v)) return v.slice(0, 12); // a commit
  v = v.replace(/-0(?:\.\d{14}-[0-9a-f]+)?$/, '');
  const [core = '', pre] = v.split(/-(.*)/s, 2);
  const parts = core.split('.');
  while (parts.length > 2 && parts[parts.length - 1] === '0') parts.pop();
  return pre ? `${parts.join('.')}-${pre}` : parts.join('.');
}

// A development build: "1.7-37-g88f01a7" (git describe), "2.0-dev", "3.1.0~git". Its code is
// between two releases: whether it holds a fix, and where its lines are, is unknown.
const developmentBuildPattern =
  /\b\d{1,6}(?:\.\d{1,6}){1,3}(?:-\d{1,6}-g[0-9a-f]{6,40}|[-~](?:dev|git|snapshot|next)\b)/i;

/** Whether a version (or a text) names a development build rather than a release. */
export function namesDevelopmentBuild(versionOrText: string): boolean {
  return developmentBuildPattern.test(versionOrText.slice(0, 20_000));
}

// What comes just before a version says whether it is the fix.
const fixedBefore =
  /(?:fixed|patched(?:_versions)?:?[^;]*?|before|prior to|upgrade to|update to|fixed in|<|~>|>=)\s*$/i;
const notFixedBefore =
  /(?:introduced|last_affected|unaffected(?:_versions)?:?[^;]*?|<=|through)\s*$/i;

/** IPv4 addresses, protocol versions (HTTP/1.1), CVSS versions and scores look like versions. */
function isNotAVersion(text: string, raw: string, start: number, length: number): boolean {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) return true;
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(start + length, start + length + 16);
  return (
    /(?:HTTP\/|TLS ?v?|SSL ?v?|CVSS:?\s*v?|score:?\s*(?:of\s*)?|\bcvss[^.\n]{0,8})$/i.test(
      before,
    ) ||
    /^(?:\/(?:AV|10)\b|\s*\((?:critical|high|medium|low|none)\b|\s*\/\s*10\b)/i.test(after) ||
    // A size, a duration or a share: "1.2 kB", "2.5 MiB", "0.5 s", "1.5%".
    /^\s?(?:[kmgt]i?b|bytes|ms|s|sec|seconds|%)(?![a-z])/i.test(after)
  );
}

// "fixed in 2.5.3", also with one word between: "fixed in version 2.5.3", "fixed in openjpeg 2.5.3".
const fixLeadPattern = /(?:before|prior to|fixed in|upgrade to|update to|patched in|<)\s*$/i;
const fixLeadWithNamePattern = /(?:fixed|patched) in\s+[a-z][\w-]{0,30}\s+$/i;
// "the fix released in 3.1.4", "the patches were shipped in 3.1.5".
const fixReleasedInPattern =
  /\b(?:fix|patch)(?:es)?\s+(?:was\s+|were\s+)?(?:released|shipped|published)\s+in\s*$/i;

function isFixVersionLead(before: string): boolean {
  return (
    fixLeadPattern.test(before.slice(-24)) ||
    fixLeadWithNamePattern.test(before) ||
    fixReleasedInPattern.test(before)
  );
}

/** Versions of `ranges` (OSV-style or constraint text) and of `text`. */
export function extractVersionKeys(ranges: readonly string[], text: string): VersionKeys {
  const fixed = new Set<string>();
  const mentioned = new Set<string>();
  for (const range of ranges) {
    for (const section of range.split(';')) {
      const isPatchedSection = /patched|fixed/i.test(section) && !/unaffected/i.test(section);
      for (const match of section.matchAll(versionPattern)) {
        const key = normalizeVersion(match[1]!);
        if (key === '0' || key.length === 0) continue;
        mentioned.add(key);
        if (/unaffected/i.test(section)) continue;
        const before = section.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
        const lastWord = before.slice(before.search(/[,;:]?[^,;:]*$/));
        if (notFixedBefore.test(lastWord) && !/^\s*[<~>]/.test(lastWord.slice(-3))) continue;
        if (/>=\s*$/.test(lastWord) && !isPatchedSection) continue;
        if (fixedBefore.test(lastWord) || isPatchedSection) fixed.add(key);
      }
    }
  }
  const scanned = text.slice(0, 20_000);
  // A scanner's table names the advisory's fix in a column of its own ("FIXED-IN", "Fix Versions").
  const fixCells = findFixColumnCells(scanned);
  // Versions come in text order, as the cells do: one cursor walks both.
  let cellIndex = 0;
  const isInFixCell = (offset: number): boolean => {
    while (cellIndex < fixCells.length && fixCells[cellIndex]!.end <= offset) cellIndex += 1;
    const cell = fixCells[cellIndex];
    return cell !== undefined && offset >= cell.start;
  };
  for (const match of scanned.matchAll(versionPattern)) {
    const raw = match[1]!;
    if (!raw.includes('.')) continue; // hex runs in prose are usually hashes, not versions
    if (isNotAVersion(text, raw, match.index ?? 0, match[0].length)) continue;
    const key = normalizeVersion(raw);
    mentioned.add(key);
    const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
    if (isFixVersionLead(before) || isInFixCell(match.index ?? 0)) fixed.add(key);
  }
  return { fixed: [...fixed], mentioned: [...mentioned] };
}
