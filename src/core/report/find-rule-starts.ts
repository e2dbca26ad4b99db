// Reads which words a phrase rule can begin with from its regex source, so the extractor tries it
// only where such a word starts; a pattern outside the handled subset yields null (scan it whole).

/** A word a rule can begin with: exactly `literal`, or (when open) any word that begins with it. */
export interface RuleStart {
  literal: string;
  isOpen: boolean;
}

interface Start {
  literal: string;
  /** closed: the word ends after `literal`; open: it may go on; end: decided by what follows the group. */
  state: 'closed' | 'open' | 'end';
}

function classifyRest(rest: string): Start['state'] {
  if (rest === '') return 'end';
  return isWordEnd(rest) ? 'closed' : 'open';
}

function findClosingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let at = open; at < source.length; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return at;
  }
  return -1;
}

function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(from, at));
      from = at + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

// After a literal: does the word end here (whitespace, boundary, punctuation) or may it go on?
function isWordEnd(rest: string): boolean {
  return (
    rest === '' || /^(?:\\s|\\b|\[\\s|'|\\-|-|,|:|\\\(|\\\*|\\x60|\(\?![\\[]w|\(\?:\\s)/.test(rest)
  );
}

function readQuantifier(source: string, at: number): { isOptional: boolean; next: number } {
  const char = source[at];
  if (char === '?' || char === '*')
    return { isOptional: true, next: at + (source[at + 1] === '?' ? 2 : 1) };
  if (char === '+') return { isOptional: false, next: at + 1 };
  const braces = /^\{(\d+)(?:,\d*)?\}\??/.exec(source.slice(at));
  if (braces !== null) return { isOptional: braces[1] === '0', next: at + braces[0].length };
  return { isOptional: false, next: at };
}

function readSequenceStarts(source: string, at: number): Start[] | null {
  // Zero-width assertions at the start do not consume a word.
  for (;;) {
    if (source.startsWith('\\b', at)) at += 2;
    else if (/^\(\?<?[=!]/.test(source.slice(at, at + 4))) at = findClosingParen(source, at) + 1;
    else break;
  }
  const char = source[at];
  if (char === undefined) return null;
  if (char === '(') {
    const close = findClosingParen(source, at);
    if (close === -1) return null;
    const inner = source.slice(at + (source.startsWith('(?:', at) ? 3 : 1), close);
    const quantifier = readQuantifier(source, close + 1);
    const innerStarts = readAlternativesStarts(inner);
    if (innerStarts === null) return null;
    const rest = source.slice(quantifier.next);
    const starts = innerStarts.map((start) =>
      start.state === 'end' ? { ...start, state: classifyRest(rest) } : start,
    );
    if (!quantifier.isOptional) return starts;
    const after = readSequenceStarts(source, quantifier.next);
    return after === null ? null : [...starts, ...after];
  }
  const literal = /^[A-Za-z0-9_]+/.exec(source.slice(at));
  if (literal === null) return null;
  let word = literal[0];
  let rest = source.slice(at + word.length);
  if (/^[?*]|^\{0,/.test(rest)) {
    word = word.slice(0, -1);
    rest = 'x';
  }
  if (word === '') return null;
  return [{ literal: word.toLowerCase(), state: classifyRest(rest) }];
}

function readAlternativesStarts(source: string): Start[] | null {
  const starts: Start[] = [];
  for (const alternative of splitAlternatives(source)) {
    const found = readSequenceStarts(alternative, 0);
    if (found === null) return null;
    starts.push(...found);
  }
  return starts;
}

/** The words a regex source can begin with, or null when they cannot be told (the rule is then scanned). */
export function findRuleStarts(source: string): RuleStart[] | null {
  const starts = readAlternativesStarts(source);
  if (starts === null) return null;
  const found = new Map<string, RuleStart>();
  for (const { literal, state } of starts) {
    const isOpen = state === 'open';
    // A short open literal ("re" in re\w*) would have to be tried at too many words.
    if (isOpen && literal.length < 3) return null;
    const key = `${literal}/${isOpen}`;
    if (!found.has(key)) found.set(key, { literal, isOpen });
  }
  return [...found.values()];
}
