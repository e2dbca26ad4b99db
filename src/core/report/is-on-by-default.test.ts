import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { isOnByDefault } from './is-on-by-default.js';

const settingsOf = (text: string): string[] => [
  ...new Set(
    extractFacts(buildTestReport(text))
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value),
  ),
];

describe('a required setting that is on by default', () => {
  it.each([
    'It needs the `keepalive` option, which is enabled by default in every release.',
    'Only when the `http2` option is enabled (the default) does the server crash.',
    'The attack requires the application to pass option MAX_DEPTH, which is the default.',
    'It happens when `strict_mode` is enabled, and it is on by default.',
  ])('is no condition: %s', (text) => {
    expect(settingsOf(text)).toEqual([]);
  });

  it.each([
    ['It needs the `keepalive` option, which is not enabled by default.', ['keepalive']],
    ['Only when the `legacy` option is enabled (off by default) does it crash.', ['legacy']],
    ['It needs the `foo` option. Logging is enabled by default.', ['foo']],
  ])('stays a condition: %s', (text, expected) => {
    expect(settingsOf(text)).toEqual(expected);
  });

  it('reads only up to the end of the sentence, in linear time on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat({ max: 400 }), (text, end) => {
        const answer = isOnByDefault(text, Math.min(end, text.length));
        expect(typeof answer).toBe('boolean');
      }),
    );
    expect(isOnByDefault('x'.repeat(100_000) + ' is enabled by default', 0)).toBe(false);
  });
});
