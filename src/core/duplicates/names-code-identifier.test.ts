import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClassNames, namesFileOrSnakeIdentifier } from './analyze-duplicate-document.js';

/** What a document analysis reads as naming code: a file or snake_case name, or a class. */
function namesCodeIdentifier(text: string): boolean {
  return namesFileOrSnakeIdentifier(text) || findClassNames(text).length > 0;
}

describe('namesFileOrSnakeIdentifier and findClassNames', () => {
  it('sees a source file, a class or a snake_case identifier', () => {
    expect(namesCodeIdentifier('see java/org/example/Handler.java for the loop')).toBe(true);
    expect(namesCodeIdentifier('Http2UpgradeHandler keeps the stream')).toBe(true);
    expect(findClassNames('Http2UpgradeHandler keeps the stream')).toEqual(['http2upgradehandler']);
    expect(namesCodeIdentifier('raise max_form_memory_size and it still stalls')).toBe(true);
  });

  it('does not take headers, product names or prose for code', () => {
    expect(
      namesCodeIdentifier(
        'A Content-Disposition line with many ;key=value pairs burns CPU in Werkzeug 3.1.5.',
      ),
    ).toBe(false);
    expect(namesCodeIdentifier('requests.get("http://intranet.corp:@attacker.test/")')).toBe(false);
  });

  it('never throws on hostile input and answers the same for the same text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), (text) => {
        const first = namesCodeIdentifier(text);
        expect(typeof first).toBe('boolean');
        expect(namesCodeIdentifier(text)).toBe(first);
      }),
    );
    const long = `${'Ab'.repeat(50_000)}_${'x'.repeat(100_000)}`;
    expect(typeof namesCodeIdentifier(long)).toBe('boolean');
  });
});
