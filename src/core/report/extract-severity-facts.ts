// Reads the severity a severity section gives: its first line's rating word ("High", "**Critical**
// (9.8)") or a "Score: 9.8" in it. Rating phrases elsewhere in prose are in the phrase table.

import type { ReportSection } from '../model/report.js';
import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';
import { rateCvssScore } from '../severity/to-severity-rating.js';

const sectionScorePattern = /\bscore[\s*]*(?:[:=]|of\b|is\b)[\s*]*(\d{1,2}(?:\.\d)?)(?![\d.])/gi;
const sectionFirstLine =
  /^[\s*_>#-]*(?:severity[\s*]*(?:[:=-][\s*]*)?)?(critical|high|medium|moderate|low|informational|none)\b/i;

function normaliseRating(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'moderate') return 'medium';
  return lower === 'informational' ? 'none' : lower;
}

export function extractSeverityFacts(
  sink: FactSink,
  text: string,
  sections: readonly ReportSection[],
): void {
  for (const section of sections) {
    if (section.field !== 'severity') continue;
    const content = text.slice(section.span.start, section.span.end);
    const lead = /\S/.exec(content);
    if (lead === null) continue;
    const lineEnd = content.indexOf('\n', lead.index);
    const word = sectionFirstLine.exec(
      content.slice(lead.index, lineEnd === -1 ? content.length : lineEnd),
    );
    if (word !== null) {
      const start = section.span.start + lead.index + word.index + word[0].length - word[1]!.length;
      sink.add('claimed-severity', normaliseRating(word[1]!), start, start + word[1]!.length);
    }
    forEachMatch(sectionScorePattern, content, (match) => {
      const value = rateCvssScore(Number(match[1]));
      const start = section.span.start + match.index;
      if (value !== null) sink.add('claimed-severity', value, start, start + match[0].length);
    });
  }
}
