import { describe, expect, it } from 'vitest';
import { isSpeculative } from './is-speculative.js';

function check(text: string, phrase: string): boolean {
  const start = text.indexOf(phrase);
  return isSpeculative(text, start, start + phrase.length);
}

describe('isSpeculative', () => {
  it('flags impacts the sentence only imagines', () => {
    expect(
      check(
        'Memory corruption bugs like this can often be leveraged for remote code execution.',
        'remote code execution',
      ),
    ).toBe(true);
    expect(
      check(
        'The crash. In some configurations they can be turned into arbitrary code execution.',
        'arbitrary code execution',
      ),
    ).toBe(true);
    expect(
      check(
        'This could lead to remote code execution, similar to Log4Shell.',
        'remote code execution',
      ),
    ).toBe(true);
  });

  it('flags an impact hedged by the adjective right before it', () => {
    expect(check('REXML uses too much memory for large files (possible DoS)', 'DoS')).toBe(true);
    expect(check('This is a potential denial of service.', 'denial of service')).toBe(true);
    // Elsewhere in the sentence the adjective hedges something else.
    expect(check('As soon as possible: the DoS takes one request.', 'DoS')).toBe(false);
  });

  it('leaves stated findings alone, sentence by sentence', () => {
    expect(check('The server crashes with SIGSEGV. It may be worse.', 'crashes')).toBe(false);
    expect(check('An attacker can read any file outside the docroot.', 'read any file')).toBe(
      false,
    );
    expect(
      check('- could be bad\n- heap-buffer-overflow on every request', 'heap-buffer-overflow'),
    ).toBe(false);
  });
});
