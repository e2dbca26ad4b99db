// Tells a report's own identifiers (CVE, GHSA, OSV ids it is known by) from the ids it only
// mentions. A report is known by an id in its title, in an identifier line (`CVE: ...`,
// `Identifiers: ...`, front matter `cve: ...`) or in a sentence that assigns it ("this was
// assigned CVE-..."); an id in prose or references is `related`, with the relation its words
// give ("incomplete fix for", "similar to", "regression of"). Related ids never make a duplicate
// by themselves: distinct CVEs of one project cite each other all the time.

import type { ReportIdentifiers } from '../model/report.js';

const identifierPattern =
  /\b(?:CVE-\d{4}-\d{4,7}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d{1,7}|GO-\d{4}-\d{4,7}|RUSTSEC-\d{4}-\d{4}|OSV-\d{4}-\d{1,7})\b/gi;
const maxIdentifiers = 50;

// A line that names the report's own ids: `CVE: CVE-2024-1`, `**CVE ID:** ...`, `Identifiers:`,
// `aliases: [...]`, `GHSA: ...`, `- cve: ...` (front matter or a list of fields).
const identifierLine =
  /^[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)?(?:cve(?:[ _-]?ids?)?|ghsa(?:[ _-]?ids?)?|osv(?:[ _-]?ids?)?|advisory(?:[ _-]?ids?)?|identifiers?|aliases|ids?)(?:\*\*|__)?[ \t]*[:=]/i;

// Words right before an id that make it the report's own.
const ownBefore =
  /\b(?:assigned|tracked\s+as|is\s+tracked\s+(?:as|under)|reserved|known\s+as|identified\s+as|registered\s+as|given|published\s+as|filed\s+as|this\s+is|(?:our|the)\s+(?:cve|identifier|advisory)(?:\s+id)?\s+is)\s*:?\s*[("'`]*$/i;

// Relations, nearest first wins; "mentioned" when no words say how.
const relationsBefore: ReadonlyArray<{ relation: string; pattern: RegExp }> = [
  { relation: 'incomplete fix for', pattern: /\bincomplete\s+(?:fix|patch)\s+(?:for|of|to)\b/gi },
  {
    relation: 'regression of',
    pattern: /\bregression\s+(?:of|in|from|to)\b|\bre-?introduc\w*\b/gi,
  },
  {
    relation: 'bypass of',
    pattern: /\bbypass(?:es|ing)?\s+(?:of|for|the\s+fix\s+(?:for|of))?\b/gi,
  },
  { relation: 'variant of', pattern: /\bvariants?\s+(?:of|on)\b/gi },
  {
    relation: 'similar to',
    pattern: /\bsimilar\s+(?:to|issue|bug)\b|\blike\b|\bsame\s+class\s+as\b/gi,
  },
  {
    relation: 'follow-up to',
    pattern: /\bfollow(?:s|ing)?[\s-]?up\s+(?:to|of|on)\b|\bafter\s+the\s+fix\s+for\b/gi,
  },
  {
    relation: 'different from',
    pattern: /\b(?:different|distinct|unrelated)\s+(?:from|to)\b|\bnot\s+the\s+same\s+as\b/gi,
  },
  { relation: 'related to', pattern: /\brelated\s+(?:to|issue)\b|\bsee\s+also\b|\bcf\.?\b/gi },
];
const relationWindow = 80;
// Words right after an id that make the report a regression of it, not the bug it names: "the old
// close_notify hang (RUSTSEC-2024-0336) is back", "CVE-2023-1234 again on 2.1", "... has returned".
const regressionAfter =
  /^[)\]'"`]?[ \t]{0,3}(?:(?:is|was|has|have|seems|looks)[ \t]{1,3}(?:(?:to[ \t]{1,3}be[ \t]{1,3})?back|returned|reappeared|regressed|resurfaced)|(?:is[ \t]{1,3})?(?:back|again|regressed|resurfaced|reappears|returns)\b)/i;

/** The relation the words around an id give it: before it, or a regression said after it. */
function relationAround(text: string, end: number, before: string): string {
  return regressionAfter.test(text.slice(end, end + 40)) ? 'regression of' : relationBefore(before);
}

/** CVE ids upper-case; GHSA ids keep their lower-case body, as GitHub writes them. */
function normaliseIdentifier(id: string): string {
  return /^ghsa/i.test(id) ? `GHSA${id.slice(4).toLowerCase()}` : id.toUpperCase();
}

function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(start, Math.min(text.length, start + 200));
}

function relationBefore(before: string): string {
  let best: { relation: string; end: number } | null = null;
  for (const { relation, pattern } of relationsBefore) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(before); match !== null; match = pattern.exec(before)) {
      const end = match.index + match[0].length;
      if (best === null || end > best.end) best = { relation, end };
    }
  }
  return best?.relation ?? 'mentioned';
}

export function findReportIdentifiers(title: string, body: string): ReportIdentifiers {
  const own = new Set<string>();
  const related = new Map<string, string>();
  for (const match of title.matchAll(identifierPattern)) {
    const before = title.slice(Math.max(0, match.index - relationWindow), match.index);
    const relation = relationAround(title, match.index + match[0].length, before);
    const id = normaliseIdentifier(match[0]);
    if (relation === 'mentioned') own.add(id);
    else related.set(id, relation);
  }
  let count = 0;
  for (const match of body.matchAll(identifierPattern)) {
    if ((count += 1) > maxIdentifiers) break;
    const id = normaliseIdentifier(match[0]);
    const before = body.slice(Math.max(0, match.index - relationWindow), match.index);
    const sentenceBefore = before.slice(
      Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1,
    );
    if (identifierLine.test(lineAround(body, match.index)) || ownBefore.test(sentenceBefore)) {
      own.add(id);
      continue;
    }
    if (!related.has(id)) {
      const end = match.index + match[0].length;
      related.set(id, relationAround(body, end, sentenceBefore));
    }
  }
  for (const id of own) related.delete(id);
  return {
    own: [...own],
    related: [...related].map(([id, relation]) => ({ id, relation })),
  };
}
