// Finds where a report says the vulnerable code lives outside the project's repository (a
// third-party plugin, an extension, a fork, another repository), and re-reads the claims this
// repository cannot find in that light: code that lives elsewhere is not invented because it is
// missing here. It is unverifiable against this repository, never proof of fabrication.

import type { CheckedClaim } from '../model/evidence.js';
import { findCodeBlocks } from '../report/find-code-blocks.js';
import { maskNonProse } from '../report/mask-non-prose.js';
import { markUnverifiable } from './mark-unverifiable.js';

// "a third-party plugin", "the community module", "our fork of", "in a separate repository",
// "not part of the core repository", "a **modified copy** of", "not in bleach itself" (and "non in
// X stesso", "nicht in X selbst", "pas dans X lui-même", "no en X mismo", "não no X em si").
// Bounded words only; matched on prose without code.
const outsideCodeCue =
  /\b(?:third[- ]party|community|unofficial|external)[ \t]+(?:[\w-]{1,30}[ \t]+)?(?:plugin|extension|module|add-?on|middleware|integration)s?\b|\b(?:plugin|extension|add-?on)s?[ \t]+(?:maintained|published|written|developed|distributed)[ \t]+(?:separately|by)\b|\b(?:our|a|their|the[ \t]+vendor's|a[ \t]+downstream)[ \t]+fork[ \t]+of\b|\b(?:lives|is|sits|resides)[ \t]+in[ \t]+(?:a[ \t]+)?(?:separate|different|another|its[ \t]+own)[ \t]+(?:repository|repo)\b|\bnot[ \t]+part[ \t]+of[ \t]+(?:the[ \t]+)?(?:core|main|official)[ \t]+(?:repository|repo|distribution|project)\b/gi;
// A vendor's changed copy of the project: "a **modified copy** of", "their patched copy of".
const changedCopyCue =
  /\b(?:a|an|the|their|its|our|the[ \t]+vendor's)[ \t]+\*{0,2}(?:modified|patched|customi[sz]ed|forked|altered)\*{0,2}[ \t]+\*{0,2}cop(?:y|ies)\*{0,2}[ \t]+of\b/gi;
// The report denies the code is the project's: "not in bleach itself", "non in X stesso".
const notInProjectItselfCue =
  /\b(?:not|non|nicht|pas|no|não)[ \t]+(?:in|im|dans|en|em|no|na)[ \t]+`?[\w.-]{2,40}`?[ \t]+(?:itself|stesso|stessa|selbst|lui-même|elle-même|mismo|misma|em[ \t]+si|en[ \t]+sí)(?![\w-])/gi;
// "not a third-party plugin", "isn't in a separate repository": the report says the opposite.
const negationBefore =
  /\b(?:not|no|never|isn't|is not|rather than|instead of)[ \t]+(?:in[ \t]+)?(?:an?[ \t]+|the[ \t]+)?$/i;

/** The words of the report's title or prose that place its code outside the project's repository, or null. */
export function findOutsideCodeCue(report: { title: string; body: string }): string | null {
  const prose = `${report.title}\n${maskNonProse(report.body, findCodeBlocks(report.body))}`;
  for (const cue of [outsideCodeCue, changedCopyCue, notInProjectItselfCue]) {
    for (const match of prose.matchAll(cue)) {
      const before = prose.slice(Math.max(0, match.index - 30), match.index);
      if (cue === notInProjectItselfCue || match[0].toLowerCase().startsWith('not '))
        return match[0].replace(/\s+/g, ' ');
      if (!negationBefore.test(before)) return match[0].replace(/\s+/g, ' ');
    }
  }
  return null;
}

// "the vulnerable code is in libxml2", "the flaw lives in OpenSSL", "the fault is inside libde265":
// the report names another product as where its code is. The name must look like a product's (a digit, a capital letter or
// a `lib` prefix: `libxml2`, `OpenSSL`, `zlib`), not a common word or one of the project's parts
// ("the bug is in the parser"), and must not be written as a function or a path.
const otherProductCue =
  /\b(?:vulnerable|affected|faulty|buggy|offending)\s+code\s+(?:is|lives|sits|resides)\s+(?:entirely\s+|only\s+|all\s+)?in\s+`?([A-Za-z][\w.+-]{1,40})|\b(?:bug|flaw|vulnerability|defect|fault|crash|overflow)\s+(?:itself\s+)?(?:is|lives|sits|resides|happens|occurs)\s+(?:entirely\s+|only\s+)?(?:in|inside|within)\s+`?([A-Za-z][\w.+-]{1,40})/gi;

/**
 * The product a report places its vulnerable code in ("the vulnerable code is in libxml2"), when
 * it is named like a product and is none of `isOwnName` (the project's own names or parts), or null.
 */
export function findOtherProductCue(
  report: { title: string; body: string },
  isOwnName: (name: string) => boolean,
): string | null {
  const prose = `${report.title}\n${maskNonProse(report.body, findCodeBlocks(report.body))}`;
  for (const match of prose.matchAll(otherProductCue)) {
    const name = trimTrailingDots(match[1] ?? match[2] ?? '');
    const after = prose.slice(match.index + match[0].length, match.index + match[0].length + 2);
    if (!looksLikeProductName(name) || /^\(|^`?\(/.test(after) || isOwnName(name)) continue;
    if (!isCalledAProduct(report.body, name)) continue;
    return match[0].replace(/\s+/g, ' ').replace(/`/g, '');
  }
  return null;
}

/**
 * Whether the report also speaks of `name` as a product, not as code: with a version
 * (`libxml2 2.9.14`), as a library, package or dependency, or as the system's, bundled or linked
 * copy ("the system libxml2"). An invented class the report calls vulnerable is none of these.
 */
function isCalledAProduct(body: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const asProduct = new RegExp(
    `\\b(?:system|bundled|vendored|linked|upstream|statically[ \\t]+linked)[ \\t]+${escaped}(?![\\w-]|\\.\\w)|(?<![\\w.-])${escaped}[ \\t]+(?:v?\\d+\\.\\d+|library|package|dependency|gem|crate|project|upstream)\\b`,
    'i',
  );
  return asProduct.test(body.slice(0, 200_000));
}

/** `libxml2.` at the end of a sentence is `libxml2`. */
function trimTrailingDots(name: string): string {
  let end = name.length;
  while (end > 0 && name[end - 1] === '.') end -= 1;
  return name.slice(0, end);
}

function looksLikeProductName(name: string): boolean {
  if (name.length < 3 || /[_/\\]|::/.test(name) || /\.[a-z]{1,4}$/.test(name)) return false;
  return /\d/.test(name) || /[A-Z]/.test(name) || /^lib[a-z]/.test(name);
}

/**
 * A claim this repository contradicts becomes unverifiable when the report places the code
 * outside it (`cue`): absence here proves nothing about a plugin or fork held elsewhere.
 * Names, files, lines and quoted code only; a patch or an option is still about this repository.
 */
export function judgeClaimOutsideRepository(checked: CheckedClaim, cue: string): CheckedClaim {
  if (checked.status !== 'contradicted') return checked;
  if (!['file', 'line', 'symbol', 'snippet'].includes(checked.claim.kind)) return checked;
  return markUnverifiable(checked, `the report places the code outside this repository ("${cue}")`);
}
