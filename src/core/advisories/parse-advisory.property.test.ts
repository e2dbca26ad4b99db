import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAdvisory } from '../../../test/support/advisory-arbitraries.js';
import { convertAdvisoryToOsv } from './convert-advisory-to-osv.js';
import { importAdvisories } from './import-advisories.js';
import { parseAdvisory, parseAdvisoryJson } from './parse-advisory.js';

const now = '2026-12-01T00:00:00Z';

describe('advisory parsing, properties', () => {
  it('reads back every valid advisory exactly', () => {
    fc.assert(
      fc.property(arbitraryAdvisory(), (advisory) => {
        const result = parseAdvisoryJson(JSON.stringify(advisory));
        expect(result.ok ? result.value : result.issues).toEqual(advisory);
      }),
    );
  });

  it('round-trips model -> OSV -> model without losing a field', () => {
    fc.assert(
      fc.property(arbitraryAdvisory(), (advisory) => {
        const osv = JSON.stringify(convertAdvisoryToOsv(advisory));
        const imported = importAdvisories(osv, now);
        expect(imported.ok ? imported.value.advisories[0]!.advisory : imported.issues).toEqual(
          advisory,
        );
      }),
    );
  });

  it('never throws on arbitrary JSON, and every issue names a field or a place', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseAdvisory(value);
        if (!result.ok)
          expect(result.issues.every((issue) => typeof issue.path === 'string')).toBe(true);
        const imported = importAdvisories(JSON.stringify(value) ?? 'null', now);
        expect(typeof imported.ok).toBe('boolean');
      }),
    );
  });

  it('never throws on a valid advisory with one field replaced by anything', () => {
    fc.assert(
      fc.property(
        arbitraryAdvisory(),
        fc.constantFrom('id', 'summary', 'affected', 'severity', 'credits', 'timeline', 'cna'),
        fc.jsonValue(),
        (advisory, key, value) => {
          const result = parseAdvisory({ ...advisory, [key]: value });
          if (!result.ok)
            expect(result.issues.some((issue) => issue.path?.startsWith(key))).toBe(true);
        },
      ),
    );
  });

  it('never throws on arbitrary or truncated text', () => {
    fc.assert(
      fc.property(arbitraryAdvisory(), fc.nat(), fc.string(), (advisory, cut, noise) => {
        const json = JSON.stringify(advisory);
        const truncated = json.slice(0, cut % (json.length + 1)) + noise;
        expect(typeof parseAdvisoryJson(truncated).ok).toBe('boolean');
        expect(typeof importAdvisories(truncated, now).ok).toBe('boolean');
      }),
    );
  });
});
