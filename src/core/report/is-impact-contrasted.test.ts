import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isImpactContrasted } from './is-impact-contrasted.js';

function check(text: string, word = 'crash'): boolean {
  return isImpactContrasted(text, text.lastIndexOf(word));
}

describe('isImpactContrasted', () => {
  it.each([
    'What makes this more than a crash',
    'this goes beyond a mere crash',
    'It is worse than a plain crash',
    'The bug is more than just a crash',
    'A diferencia de un simple crash',
    'C’est plus qu’un simple crash',
    'Das ist mehr als ein einfacher crash',
    'È più di un semplice crash',
    'Isto é mais do que um simples crash',
  ])('reads "%s" as a contrast', (text) => {
    expect(check(text)).toBe(true);
  });

  it.each([
    'The viewer crash',
    'It takes more than a minute to crash',
    'This is a crash',
    'Sending it makes the server crash',
    'more than a few bytes later the process will crash',
    "I don't think\nanything worse than a crash",
    'it is no more than a crash',
  ])('does not read "%s" as a contrast', (text) => {
    expect(check(text)).toBe(false);
  });

  it('never throws and answers for any text and offset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat({ max: 300 }), (text, at) => {
        expect(typeof isImpactContrasted(text, Math.min(at, text.length))).toBe('boolean');
      }),
    );
  });
});
