import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureGrowth } from '../../../test/support/measure-work.js';
import { findFixColumnCells, isInFixColumnCell } from './find-fix-column-cells.js';

const cellTexts = (text: string): string[] =>
  findFixColumnCells(text).map((cell) => text.slice(cell.start, cell.end));

describe('findFixColumnCells', () => {
  it("reads Grype's aligned FIXED-IN column, an empty cell included", () => {
    const table = [
      'grype scan prints:',
      '',
      'NAME     INSTALLED  FIXED-IN  TYPE    VULNERABILITY        SEVERITY',
      'aiohttp  3.13.2     3.10.11   python  GHSA-8495-4g3g-x7pr  Medium',
      'yarl     1.9.0                python  GHSA-0000-0000-0000  Low',
      '',
      'We are on 3.13.2.',
    ].join('\n');
    expect(cellTexts(table)).toEqual(['3.10.11']);
  });

  it("reads pip-audit's Fix Versions column under its rule row", () => {
    const table = [
      'Name    Version ID                  Fix Versions',
      '------- ------- ------------------- ------------',
      'aiohttp 3.9.3   GHSA-7gpw-8wmc-pm8g 3.9.4',
    ].join('\n');
    expect(cellTexts(table)).toEqual(['3.9.4']);
  });

  it("reads a separated table's Fixed Version cell (Trivy, Markdown)", () => {
    const trivy = [
      '│ Library │ Vulnerability  │ Severity │ Installed Version │ Fixed Version │',
      '├─────────┼────────────────┼──────────┼───────────────────┼───────────────┤',
      '│ jinja2  │ CVE-2024-56201 │ MEDIUM   │ 3.1.4             │ 3.1.5         │',
    ].join('\n');
    expect(cellTexts(trivy)).toEqual(['3.1.5']);
    const markdown =
      '| package | installed | patched in |\n|---|---|---|\n| werkzeug | 3.0.3 | 3.0.6 |';
    expect(cellTexts(markdown)).toEqual(['3.0.6']);
  });

  it('reads no table in prose that says "fixed in"', () => {
    const prose =
      'This was fixed in 3.10.11 as far as I know.\nWe still see it on 3.13.2 in production.';
    expect(findFixColumnCells(prose)).toEqual([]);
  });

  it('returns spans inside the text, in order, that never cross a line', () => {
    const line = fc.stringMatching(/^[A-Za-z0-9 .|│-]{0,40}$/);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(line, fc.constant('NAME  INSTALLED  FIXED-IN  TYPE')), { maxLength: 12 }),
        (lines) => {
          const text = lines.join('\n');
          let previous = -1;
          const cells = findFixColumnCells(text);
          for (const cell of cells) {
            expect(cell.start).toBeGreaterThan(previous);
            expect(cell.end).toBeGreaterThan(cell.start);
            expect(cell.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(cell.start, cell.end)).not.toContain('\n');
            expect(isInFixColumnCell(cells, cell.start)).toBe(true);
            expect(isInFixColumnCell(cells, cell.start - 1)).toBe(false);
            previous = cell.start;
          }
        },
      ),
    );
  });

  it('does work linear in the size of the tables', () => {
    const table = 'NAME  INSTALLED  FIXED-IN  TYPE\npkg   1.0.0      1.0.1     python\n\n';
    const build = (size: number): string => table.repeat(Math.ceil(size / table.length));
    const { ratio } = measureGrowth(build, (text) => findFixColumnCells(text));
    expect(ratio).toBeLessThan(5);
  });
});
