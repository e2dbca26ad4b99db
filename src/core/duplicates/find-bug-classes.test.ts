import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBugClasses, isBugClassConflict } from './find-bug-classes.js';

describe('findBugClasses', () => {
  it('reads the kind of bug a title names, most specific first', () => {
    expect(findBugClasses('Stack buffer overflow in bit_tohex()', '')).toEqual(['bounds']);
    expect(findBugClasses('Unbounded recursion in glob pattern matching', '')).toEqual([
      'recursion',
    ]);
    expect(findBugClasses('Heap out-of-bounds read in stringmatchlen_impl()', '')).toEqual([
      'bounds',
    ]);
    expect(findBugClasses('Use-after-free in read_answers()', '')).toEqual(['lifetime']);
    expect(findBugClasses('Crash in the parser', '')).toEqual([]);
  });

  it('reads a symbolic link out of a root as link following, in other languages too', () => {
    expect(findBugClasses('require.root can be left through a symlink', '')).toEqual([
      'link-following',
    ]);
    expect(findBugClasses('Contournement de `require.root` par lien symbolique', '')).toEqual([
      'link-following',
    ]);
    expect(isBugClassConflict(['link-following'], ['traversal'])).toBe(false);
    expect(isBugClassConflict(['link-following'], ['bounds'])).toBe(true);
  });

  it('adds the error kind of a quoted sanitizer report, not the words of the text', () => {
    const trace = '==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x6250';
    expect(
      findBugClasses('Server dies on HGETALL', `a stack overflow elsewhere\n${trace}`),
    ).toEqual(['lifetime']);
  });

  it('reads a loop that never ends as resource exhaustion', () => {
    expect(findBugClasses('Endless loop in read_tile_header() on a zero length', '')).toEqual([
      'resource',
    ]);
    expect(findBugClasses('The decoder never terminates on a crafted file', '')).toEqual([
      'resource',
    ]);
  });

  it('reads a sanitizer SEGV in the zero page as a NULL dereference, and no other SEGV', () => {
    const zeroPage =
      '==9==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010 (pc 0x7f)';
    expect(findBugClasses('Crash in the packet reader', zeroPage)).toEqual(['null-dereference']);
    const wild = '==9==ERROR: AddressSanitizer: SEGV on unknown address 0x7f3a1c2e0000 (pc 0x7f)';
    expect(findBugClasses('Crash in the packet reader', wild)).toEqual([]);
  });

  it('skips a kind the title denies', () => {
    expect(findBugClasses('Over-read in the matcher, not the stack exhaustion', '')).toEqual([
      'bounds',
    ]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (title, text) => {
        expect(Array.isArray(findBugClasses(title, text))).toBe(true);
      }),
    );
  });
});

describe('isBugClassConflict', () => {
  it('holds only when both name kinds and none agree', () => {
    expect(isBugClassConflict(['bounds'], ['recursion'])).toBe(true);
    expect(isBugClassConflict(['bounds'], ['bounds', 'recursion'])).toBe(false);
    expect(isBugClassConflict([], ['recursion'])).toBe(false);
    // An integer overflow that makes a buffer overflow is one bug told two ways.
    expect(isBugClassConflict(['integer'], ['bounds'])).toBe(false);
  });
});
