// Finds the cells of a scanner's fix column (Grype's FIXED-IN, pip-audit's "Fix Versions", Trivy's
// "Fixed Version") in a pasted table: the versions there are the advisory's fix, not one in use.

/** Offsets of one cell's text, `end` excluded. */
interface CellRange {
  start: number;
  end: number;
}

// A whole header cell naming the fix: "FIXED-IN", "Fixed in", "Fix Versions", "Patched version".
const fixHeaderPattern =
  /^(?:(?:fixed|patched)[ _-]?(?:in|versions?)|fix[ _-]?versions?|first[ _-]patched[ _-]version)$/i;
// Rules between header and rows: "------- -------", "+----+", "├───┼───┤", "|:---|".
const ruleRowPattern = /^[\s\-=+:|│┃─━┼┿╋├┤┌┐└┘┬┴═╪╞╡╭╮╰╯]*$/;
const cellSeparators = '|│┃';
/** Longer lines are prose, not a table row; this also bounds the work per line. */
const maxTableLineLength = 400;
/** Rows read under one header. */
const maxRowsPerTable = 200;
/** A header has at least this many columns: a sentence with "fixed in" is none. */
const minHeaderColumns = 3;

/** The non-empty cells under every fix column of the tables in `text`. */
export function findFixColumnCells(text: string): CellRange[] {
  const cells: CellRange[] = [];
  const lines = listLines(text);
  for (let index = 0; index < lines.length; index += 1) {
    const header = lines[index]!;
    const headerText = text.slice(header.start, header.end);
    if (headerText.length > maxTableLineLength) continue;
    const readCell = readFixColumn(headerText);
    if (readCell === null) continue;
    let row = index + 1;
    for (let rows = 0; row < lines.length && rows < maxRowsPerTable; row += 1) {
      const line = lines[row]!;
      const lineText = text.slice(line.start, line.end);
      if (lineText.trim().length === 0 || lineText.length > maxTableLineLength) break;
      if (ruleRowPattern.test(lineText)) continue;
      const cell = readCell(lineText);
      if (cell !== null) cells.push({ start: line.start + cell.start, end: line.start + cell.end });
      rows += 1;
    }
    index = row - 1;
  }
  return cells;
}

/** How to read the fix column's cell from a row, when `header` is a table header with one. */
function readFixColumn(header: string): ((row: string) => CellRange | null) | null {
  const isSeparated = [...cellSeparators].some((separator) => header.includes(separator));
  const columns = isSeparated ? splitSeparatedCells(header) : splitAlignedCells(header);
  const named = columns.filter((cell) => cell.end > cell.start);
  if (named.length < minHeaderColumns) return null;
  const fixColumn = columns.findIndex((cell) =>
    fixHeaderPattern.test(header.slice(cell.start, cell.end)),
  );
  if (fixColumn === -1) return null;
  if (isSeparated) return (row) => nonEmpty(splitSeparatedCells(row)[fixColumn]);
  const columnStart = columns[fixColumn]!.start;
  const nextColumnStart = columns[fixColumn + 1]?.start ?? Number.POSITIVE_INFINITY;
  // Aligned columns: the row's word that starts under the fix header (an empty cell has none).
  return (row) =>
    nonEmpty(
      splitWords(row).find((word) => word.start >= columnStart && word.start < nextColumnStart),
    );
}

function nonEmpty(cell: CellRange | undefined): CellRange | null {
  return cell !== undefined && cell.end > cell.start ? cell : null;
}

function listLines(text: string): CellRange[] {
  const lines: CellRange[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t';
}

/** Cells between separators, trimmed (the text before the first separator is cell 0). */
function splitSeparatedCells(line: string): CellRange[] {
  const cells: CellRange[] = [];
  let start = 0;
  for (let at = 0; at <= line.length; at += 1) {
    if (at < line.length && !cellSeparators.includes(line[at]!)) continue;
    let from = start;
    let to = at;
    while (from < to && isBlank(line[from]!)) from += 1;
    while (to > from && isBlank(line[to - 1]!)) to -= 1;
    cells.push({ start: from, end: to });
    start = at + 1;
  }
  return cells;
}

/** Cells of a whitespace-aligned header: text parted by two blanks or more, or a tab. */
function splitAlignedCells(line: string): CellRange[] {
  const cells: CellRange[] = [];
  let at = 0;
  while (at < line.length) {
    while (at < line.length && isBlank(line[at]!)) at += 1;
    if (at >= line.length) break;
    const start = at;
    let end = at;
    while (at < line.length) {
      if (isBlank(line[at]!)) {
        const isWideGap = line[at] === '\t' || (at + 1 < line.length && isBlank(line[at + 1]!));
        if (isWideGap || at + 1 >= line.length) break;
      }
      at += 1;
      end = at;
    }
    cells.push({ start, end });
  }
  return cells;
}

/** Runs of non-blank characters. */
function splitWords(line: string): CellRange[] {
  const words: CellRange[] = [];
  let at = 0;
  while (at < line.length) {
    while (at < line.length && isBlank(line[at]!)) at += 1;
    const start = at;
    while (at < line.length && !isBlank(line[at]!)) at += 1;
    if (at > start) words.push({ start, end: at });
  }
  return words;
}

/** Whether `offset` lies in one of `cells` (in text order, as `findFixColumnCells` gives them). */
export function isInFixColumnCell(cells: readonly CellRange[], offset: number): boolean {
  let low = 0;
  let high = cells.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cell = cells[middle]!;
    if (offset < cell.start) high = middle - 1;
    else if (offset >= cell.end) low = middle + 1;
    else return true;
  }
  return false;
}
