// Finds the advisory titles a dependency scanner prints (govulncheck, npm audit), quoted in a
// report's running text. They are the scanner's words about someone else's advisory, not the
// reporter's claim: "Excessive CPU consumption when parsing crafted query strings in net/url"
// pasted from govulncheck says nothing about what the reporter saw.

const maxTitleLength = 300;
// govulncheck: `Vulnerability #1: GO-2026-4602`, the title next, then its labels.
const govulncheckHeader = /\bVulnerability #\d{1,4}:[ \t]+GO-\d{4}-\d{1,6}\s{1,40}/g;
const govulncheckLabels = ['Standard library', 'More info:', 'Module:', 'Found in:'];
// npm audit: `Severity: high`, the title, then ` - https://github.com/advisories/GHSA-…`.
const npmAuditSeverity = /\bSeverity:[ \t]+(?:low|moderate|high|critical)\s{1,40}/gi;
const npmAuditLink = ' - https://github.com/advisories/GHSA-';

function trimmedRange(text: string, start: number, end: number): [number, number] | null {
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return end > start ? [start, end] : null;
}

/** [start, end) of every scanner advisory title in the text. */
export function findScannerTitles(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(govulncheckHeader)) {
    const start = match.index + match[0].length;
    const window = text.slice(start, start + maxTitleLength);
    const newline = window.indexOf('\n');
    let end = newline === -1 ? window.length : newline;
    for (const label of govulncheckLabels) {
      const at = window.indexOf(label);
      if (at !== -1 && at < end) end = at;
    }
    const range = trimmedRange(text, start, start + end);
    if (range !== null) ranges.push(range);
  }
  for (const match of text.matchAll(npmAuditSeverity)) {
    const start = match.index + match[0].length;
    const window = text.slice(start, start + maxTitleLength);
    const link = window.indexOf(npmAuditLink);
    const newline = window.indexOf('\n');
    if (link === -1 || (newline !== -1 && newline < link)) continue;
    const range = trimmedRange(text, start, start + link);
    if (range !== null) ranges.push(range);
  }
  return ranges;
}
