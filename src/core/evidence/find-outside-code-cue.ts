// Finds where a report says the vulnerable code lives outside the project's repository (a
// third-party plugin, an extension, a fork, another repository), and re-reads the claims this
// repository cannot find in that light: code that lives elsewhere is not invented because it is
// missing here. It is unverifiable against this repository, never proof of fabrication.

import type { CheckedClaim } from '../model/evidence.js';
import { findCodeBlocks } from '../report/find-code-blocks.js';
import { maskNonProse } from '../report/mask-non-prose.js';

// "a third-party plugin", "the community module", "our fork of", "in a separate repository",
// "not part of the core repository". Bounded words only; matched on prose without code.
const outsideCodeCue =
  /\b(?:third[- ]party|community|unofficial|external)[ \t]+(?:[\w-]{1,30}[ \t]+)?(?:plugin|extension|module|add-?on|middleware|integration)s?\b|\b(?:plugin|extension|add-?on)s?[ \t]+(?:maintained|published|written|developed|distributed)[ \t]+(?:separately|by)\b|\b(?:our|a|their|the[ \t]+vendor's|a[ \t]+downstream)[ \t]+fork[ \t]+of\b|\b(?:lives|is|sits|resides)[ \t]+in[ \t]+(?:a[ \t]+)?(?:separate|different|another|its[ \t]+own)[ \t]+(?:repository|repo)\b|\bnot[ \t]+part[ \t]+of[ \t]+(?:the[ \t]+)?(?:core|main|official)[ \t]+(?:repository|repo|distribution|project)\b/gi;
// "not a third-party plugin", "isn't in a separate repository": the report says the opposite.
const negationBefore =
  /\b(?:not|no|never|isn't|is not|rather than|instead of)[ \t]+(?:in[ \t]+)?(?:an?[ \t]+|the[ \t]+)?$/i;

/** The words of the report's title or prose that place its code outside the project's repository, or null. */
export function findOutsideCodeCue(report: { title: string; body: string }): string | null {
  const prose = `${report.title}\n${maskNonProse(report.body, findCodeBlocks(report.body))}`;
  for (const match of prose.matchAll(outsideCodeCue)) {
    const before = prose.slice(Math.max(0, match.index - 30), match.index);
    if (match[0].toLowerCase().startsWith('not ') || !negationBefore.test(before))
      return match[0].replace(/\s+/g, ' ');
  }
  return null;
}

/**
 * A claim this repository contradicts becomes unverifiable when the report places the code
 * outside it (`cue`): absence here proves nothing about a plugin or fork held elsewhere.
 * Names, files, lines and quoted code only; a patch or an option is still about this repository.
 */
export function judgeClaimOutsideRepository(checked: CheckedClaim, cue: string): CheckedClaim {
  if (checked.status !== 'contradicted') return checked;
  if (!['file', 'line', 'symbol', 'snippet'].includes(checked.claim.kind)) return checked;
  return {
    ...checked,
    status: 'unverifiable',
    proof: {
      ...checked.proof,
      summary: `${checked.proof.summary}; the report places the code outside this repository ("${cue}"), so its absence here proves nothing`,
    },
  };
}
