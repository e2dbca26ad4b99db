// Reads a terse answer in an AI-disclosure section ("None", "No", "N/A", "Yes") when the section
// holds no statement the phrase table understands, so "## AI disclosure\nNone" still counts.

import type { ReportSection } from '../model/report.js';
import type { FactSink } from './create-fact-sink.js';

const terseAnswer = /^[\s*_>-]*(?:(no|none|nope|n\/a|not\s+used)|(yes))\b/i;

export function extractAiDisclosureFacts(
  sink: FactSink,
  text: string,
  sections: readonly ReportSection[],
): void {
  for (const section of sections) {
    if (section.field !== 'ai-disclosure') continue;
    const { start, end } = section.span;
    if (sink.hasFactIn('ai-use', start, end)) continue;
    const answer = terseAnswer.exec(text.slice(start, Math.min(end, start + 200)));
    if (answer === null) continue;
    const word = answer[1] ?? answer[2]!;
    const wordStart = start + answer.index + answer[0].length - word.length;
    sink.add(
      'ai-use',
      answer[1] !== undefined ? 'not-used' : 'used',
      wordStart,
      wordStart + word.length,
    );
  }
}
