import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readKeyValueRow, readMarkdownStructure } from './read-markdown-structure.js';

describe('readKeyValueRow', () => {
  it('reads a two-cell row as a label and its value, with where the value starts', () => {
    const line = '| Affected version | 4.10, dev @ 3b1286ab |';
    const row = readKeyValueRow(line);
    expect(row).toEqual({ key: 'Affected version', value: '4.10, dev @ 3b1286ab', valueStart: 21 });
    expect(line.slice(row!.valueStart).startsWith('4.10')).toBe(true);
  });

  it('takes a bold label and a row without outer pipes', () => {
    expect(readKeyValueRow('**Version** | 2.4.1')?.key).toBe('Version');
    expect(readKeyValueRow('Version | 2.4.1')?.value).toBe('2.4.1');
  });

  it('leaves out rows of other widths, empty cells and escaped pipes', () => {
    expect(readKeyValueRow('| NAME | INSTALLED | FIXED-IN |')).toBeNull();
    expect(readKeyValueRow('| Version |  |')).toBeNull();
    expect(readKeyValueRow('| a \\| b | c | d |')).toBeNull();
  });

  it('never throws, and any value it reads starts inside the line (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (line) => {
        const row = readKeyValueRow(line);
        if (row === null) return;
        expect(row.valueStart).toBeGreaterThanOrEqual(0);
        expect(row.valueStart).toBeLessThan(line.length);
        expect(line.slice(row.valueStart).startsWith(row.value.slice(0, 1))).toBe(true);
      }),
    );
  });
});

describe('a metadata table in a report', () => {
  it('makes each labelled row a field', () => {
    const text = [
      '| Field | Value |',
      '|---|---|',
      '| Affected version | 4.10 |',
      '| Component | the Thrift dissector |',
      '',
      'Text.',
      '',
    ].join('\n');
    const sections = readMarkdownStructure(text).sections;
    const version = sections.find((section) => section.field === 'affected-version');
    expect(version === undefined ? null : text.slice(version.span.start, version.span.end)).toMatch(
      /^4\.10/,
    );
    expect(sections.some((section) => section.field === 'affected-component')).toBe(true);
  });
});
