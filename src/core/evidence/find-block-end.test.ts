import { describe, expect, it } from 'vitest';
import { findBlockEnd } from './find-block-end.js';

describe('findBlockEnd', () => {
  it('follows braces from a C definition, ignoring braces in strings', () => {
    const source = [
      'int',
      'f(int x)',
      '{',
      '  if (x) {',
      '    puts("}");',
      '  }',
      '  return x;',
      '}',
      'int g;',
    ].join('\n');
    expect(findBlockEnd(source, 2)).toBe(8);
  });

  it('follows indentation for Python', () => {
    const source = [
      'def f(x):',
      '    if x:',
      '        return 1',
      '',
      '    return 0',
      'def g():',
      '    pass',
    ].join('\n');
    expect(findBlockEnd(source, 1)).toBe(5);
  });

  it('stays on the line when there is no block', () => {
    expect(findBlockEnd('#define X 1\nint y;\n', 1)).toBe(1);
    expect(findBlockEnd('x', 9)).toBe(9);
  });
});
