// Counts the work a synchronous function does on text, without a clock: every regex execution
// (through RegExp.prototype.exec, which test, replace, match, matchAll and split all call once it
// is wrapped) and every indexOf/includes scan adds the characters it had to look at. With every
// regex proven linear (test/regex-audit.test.ts), this count is proportional to the real work,
// so a scanner that rescans its input (quadratic) shows up as a count growing faster than the text.

interface WorkCount {
  operations: number;
}

/** Runs `work` and returns how many characters its regexes and string searches examined. */
export function measureWork(work: () => void): number {
  const count: WorkCount = { operations: 0 };
  // The originals are called with `.call(this, ...)` below, never detached.
  /* eslint-disable @typescript-eslint/unbound-method */
  const originalExec = RegExp.prototype.exec;
  const originalIndexOf = String.prototype.indexOf;
  const originalIncludes = String.prototype.includes;
  /* eslint-enable @typescript-eslint/unbound-method */
  RegExp.prototype.exec = function (this: RegExp, subject: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = originalExec.call(this, subject);
    const text = String(subject);
    // A sticky attempt looks at the text where it starts only; a search runs on to its match.
    const reached =
      match !== null ? match.index + match[0].length : this.sticky ? from : text.length;
    count.operations += 1 + Math.max(0, reached - from);
    return match;
  };
  String.prototype.indexOf = function (this: string, search: string, position?: number): number {
    const found = originalIndexOf.call(this, search, position);
    const from = Math.max(0, position ?? 0);
    count.operations += 1 + Math.max(0, (found === -1 ? this.length : found) - from);
    return found;
  };
  String.prototype.includes = function (this: string, search: string, position?: number): boolean {
    const found = originalIndexOf.call(this, search, position);
    count.operations += 1 + Math.max(0, (found === -1 ? this.length : found) - (position ?? 0));
    return found !== -1;
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = originalExec;
    String.prototype.indexOf = originalIndexOf;
    String.prototype.includes = originalIncludes;
  }
  return count.operations;
}

/**
 * The growth of the work when the input grows by `factor`: about `factor` for a linear scanner,
 * `factor` squared for a quadratic one. `build(size)` makes an input of about `size` characters.
 */
export function measureGrowth(
  build: (size: number) => string,
  run: (input: string) => void,
  options: { size?: number; factor?: number } = {},
): { small: number; large: number; ratio: number } {
  const size = options.size ?? 20_000;
  const factor = options.factor ?? 4;
  const smallInput = build(size);
  const largeInput = build(size * factor);
  const small = measureWork(() => run(smallInput));
  const large = measureWork(() => run(largeInput));
  return { small, large, ratio: large / Math.max(1, small) };
}

/** Adversarial shapes of report text that broke scanners before: runs of one or two characters. */
export const adversarialUnits = [
  '.',
  'a@',
  'a-',
  '@',
  '-',
  '~',
  '-.',
  'a/',
  '/',
  ' ',
  '`',
  '*',
  '[',
  '1.',
  '_',
  'f(',
  '()',
  ':',
  '#',
  '<',
  'a\n',
  '\n',
  'CVE-',
  'A_',
  '"',
  "'",
  '|',
  '=',
  '\t',
  'a.',
  'a::',
  '->',
  'aA',
  'a1',
  '\\',
  '(',
  ')',
  '{',
  ';',
  ',',
  '$',
  '+',
  'src/',
  'a.c:',
  '@@ ',
  '> ',
  '1.2.3 ',
  'v1',
  'x=',
  'DEBUG',
  'privileges required ',
  'attack vector ',
  'score ',
  'severity ',
  'CVSS ',
  'AV:N/',
  '**',
  '```\n',
  '- ',
  '1. ',
  '# a\n',
  'line 1 of ',
  'at ',
  '#0 0x1 in f ',
  'does not ',
] as const;
