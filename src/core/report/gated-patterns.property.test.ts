import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listTuneReportPaths } from '../../../test/support/list-tune-report-paths.js';
import { cuePatterns } from './attribute-actors.js';
import {
  accessDecision,
  allowAllPatterns,
  requestInputToCodeSink,
} from './extract-code-callback-facts.js';
import { incidentalSetting, libraryLeadIn } from './extract-code-setting-facts.js';
import {
  crashDeniedAnywhere,
  crashDeniedRightAfter,
  crashDeniedRightBefore,
  fixLabelBefore,
  upgradeQuestionAfter,
  upgradeQuestionBefore,
} from './extract-version-facts.js';
import { findRequiredLiterals, mayMatchIn, type GatedPattern } from './find-required-literals.js';
import { contrastBefore } from './is-impact-contrasted.js';
import { publishedAdvisory } from './is-published-id-question.js';
import { hedgePattern } from './is-speculative.js';

// The patterns tried only on a text that holds their literals, by name.
const gatedPatterns: Record<string, GatedPattern> = {
  publishedAdvisory,
  ...Object.fromEntries(allowAllPatterns.map((gated, index) => [`allowAll ${index}`, gated])),
  requestInputToCodeSink,
  accessDecision,
  libraryLeadIn,
  incidentalSetting,
  ...Object.fromEntries(cuePatterns.map((cue) => [`${cue.actor} cue`, cue])),
  contrastBefore,
  hedgePattern,
  upgradeQuestionBefore,
  upgradeQuestionAfter,
  fixLabelBefore,
  crashDeniedRightBefore,
  crashDeniedRightAfter,
  crashDeniedAnywhere,
};

/** Soundness: whenever a gated pattern matches the text, its gate lets the text through. */
function expectNoPatternSkippedWrongly(text: string): number {
  let matched = 0;
  for (const [name, gated] of Object.entries(gatedPatterns)) {
    const once = new RegExp(gated.pattern.source, gated.pattern.flags.replace(/[gy]/g, ''));
    if (!once.test(text)) continue;
    matched += 1;
    expect(mayMatchIn(text, gated), `${name} on ${JSON.stringify(text)}`).toBe(true);
  }
  return matched;
}

describe('gated patterns', () => {
  it('carry what findRequiredLiterals reads from their source now (else copy it in)', () => {
    for (const [name, { pattern, required }] of Object.entries(gatedPatterns))
      expect(required, name).toEqual(findRequiredLiterals(pattern.source));
    // The gate is only worth something where it can say no.
    expect(Object.values(gatedPatterns).filter(({ required }) => required.length > 0).length).toBe(
      Object.keys(gatedPatterns).length - 1,
    );
  });

  it('let a text through that only the u and i flags match (the long s is an s there)', () => {
    const text = 'the published security adviſory';
    expect(publishedAdvisory.pattern.test(text)).toBe(true);
    expect(mayMatchIn(text, publishedAdvisory)).toBe(true);
    expect(mayMatchIn('the published security note', publishedAdvisory)).toBe(false);
  });

  const patternWords = [
    ...new Set(
      Object.values(gatedPatterns).flatMap(
        ({ pattern }) => pattern.source.match(/[A-Za-z_]{2,}|[(){}:=]|40[13]/g) ?? [],
      ),
    ),
  ];
  const spacing = fc.constantFrom(' ', '  ', '\n', '\t', '-', ', ', ': ', '', '.', '\u00a0', ' a ');
  const word = fc
    .tuple(fc.constantFrom(...patternWords), fc.constantFrom('lower', 'upper', 'as is'))
    .map(([text, casing]) =>
      casing === 'lower' ? text.toLowerCase() : casing === 'upper' ? text.toUpperCase() : text,
    );

  it('never skip a text the pattern matches (texts of the patterns’ own words)', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, spacing), { minLength: 1, maxLength: 12 }), (parts) => {
        matched += expectNoPatternSkippedWrongly(parts.map(([text, gap]) => text + gap).join(''));
      }),
      { numRuns: 500 },
    );
    // The property is only worth something if the patterns do match such texts.
    expect(matched).toBeGreaterThan(50);
  });

  it('never skip a text the pattern matches (the example reports and the tune split)', () => {
    const paths = listTuneReportPaths();
    expect(paths.length).toBeGreaterThan(40);
    let matched = 0;
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      matched += expectNoPatternSkippedWrongly(text);
      // The shorter texts the callers test: each line.
      for (const line of text.split('\n')) matched += expectNoPatternSkippedWrongly(line);
    }
    expect(matched).toBeGreaterThan(500);
  });
});
