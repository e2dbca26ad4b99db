// Reads from a phrase rule's regex source which literal text every match must contain, so the
// extractor can skip a rule (and V8 compiling its regex on first use) when the report lacks it.
// Sound by construction: anything outside the handled subset of the syntax, and every part of a
// pattern that is optional, repeated, case-folded beyond ASCII or inside a lookaround, tells
// nothing. Literals are looked up in the text folded by foldTextForLiterals: lower case, and each
// run of white space one space (so `does\s+not` requires "does not").

/**
 * Conditions every match meets: for each list, the folded match contains at least one of its
 * strings (lower case ASCII, at least `minLiteralLength` characters). Empty: nothing is known.
 */
export type RequiredLiterals = string[][];

/** Shorter literals are in nearly every text: looking them up would cost more than it saves. */
const minLiteralLength = 3;
/** Bound on the strings a literal part of a pattern is expanded into (`(?:a|an)\s` and the like). */
const maxExactStrings = 32;

interface Summary {
  /** Any-of lists every match satisfies (see RequiredLiterals). */
  required: string[][];
  /** Every string the node can match, lower case, when they are few and all plain ASCII; else null. */
  exact: string[] | null;
}

const anything: Summary = { required: [], exact: null };
const empty: Summary = { required: [], exact: [''] };

class UnsupportedSyntax extends Error {}

/** Two folded strings one after the other: white space meeting white space is one run, one space. */
function join(head: string, tail: string): string {
  return head.endsWith(' ') && tail.startsWith(' ') ? head + tail.slice(1) : head + tail;
}

function crossProduct(left: string[], right: string[]): string[] | null {
  if (left.length * right.length > maxExactStrings) return null;
  const joined = new Set<string>();
  for (const head of left) for (const tail of right) joined.add(join(head, tail));
  return [...joined];
}

/** The exact strings of a sequence as one requirement, when each is long enough to look up. */
function asRequirement(exact: string[] | null): string[][] {
  if (exact === null || exact.some((text) => text.length < minLiteralLength)) return [];
  return [exact];
}

function sequence(parts: Summary[]): Summary {
  const required: string[][] = [];
  let run: string[] | null = [''];
  let isExact = true;
  for (const part of parts) {
    required.push(...part.required);
    const joined: string[] | null =
      run !== null && part.exact !== null ? crossProduct(run, part.exact) : null;
    if (joined !== null) {
      run = joined;
      continue;
    }
    isExact = false;
    required.push(...asRequirement(run));
    required.push(...asRequirement(part.exact));
    run = part.exact ?? [''];
  }
  if (isExact) return { required, exact: run };
  required.push(...asRequirement(run));
  return { required, exact: null };
}

function shortest(list: string[]): number {
  return Math.min(...list.map((text) => text.length));
}

function alternation(branches: Summary[]): Summary {
  if (branches.length === 1) return branches[0]!;
  let exact: string[] | null = [];
  for (const branch of branches) {
    if (exact === null || branch.exact === null) exact = null;
    else exact = [...new Set([...exact, ...branch.exact])];
  }
  if (exact !== null && exact.length > maxExactStrings) exact = null;
  if (exact !== null) return { required: [], exact };
  // A match satisfies one branch's conditions: one list, the union of each branch's best one.
  const union = new Set<string>();
  for (const branch of branches) {
    const lists = [...branch.required, ...asRequirement(branch.exact)];
    if (lists.length === 0) return { required: [], exact };
    let best = lists[0]!;
    for (const list of lists) if (shortest(list) > shortest(best)) best = list;
    best.forEach((text) => union.add(text));
  }
  return { required: [[...union]], exact };
}

const whiteSpace: Summary = { required: [], exact: [' '] };

/**
 * A plain ASCII character: its lower case is the only form the folded text can hold it in (a
 * case-insensitive regex without the u flag matches an ASCII letter in its two ASCII cases only).
 */
function literalCharacter(char: string): Summary {
  if (/\s/.test(char)) return whiteSpace;
  return char.charCodeAt(0) < 128 ? { required: [], exact: [char.toLowerCase()] } : anything;
}

/** The folded form of one class member or escape (`\s`, `\t` and a space all fold to a space). */
const escapedWhiteSpace = new Set(['s', 't', 'n', 'r', 'f', 'v']);

class PatternReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Summary {
    const summary = this.readAlternation();
    if (this.at !== this.source.length) throw new UnsupportedSyntax('unbalanced )');
    return summary;
  }

  private readAlternation(): Summary {
    const branches = [this.readSequence()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      branches.push(this.readSequence());
    }
    return alternation(branches);
  }

  private readSequence(): Summary {
    const parts: Summary[] = [];
    while (
      this.at < this.source.length &&
      this.source[this.at] !== '|' &&
      this.source[this.at] !== ')'
    )
      parts.push(this.readQuantified(this.readAtom()));
    return sequence(parts);
  }

  private readQuantified(atom: Summary): Summary {
    const rest = this.source.slice(this.at);
    const quantifier = /^(?:([?*+])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (quantifier === null) return atom;
    this.at += quantifier[0].length;
    const symbol = quantifier[1];
    const min = symbol === undefined ? Number(quantifier[2]) : symbol === '+' ? 1 : 0;
    const max =
      symbol !== undefined
        ? symbol === '?'
          ? 1
          : Infinity
        : quantifier[3] === undefined
          ? min
          : quantifier[4] === ''
            ? Infinity
            : Number(quantifier[4]);
    // Any run of white space is one space in the folded text.
    if (atom.exact !== null && atom.exact.length === 1 && atom.exact[0] === ' ')
      return { required: [], exact: min === 0 ? ['', ' '] : [' '] };
    if (min === 0) {
      // `x?` is x or nothing; any other optional repeat tells nothing.
      return max === 1 && atom.exact !== null
        ? { required: [], exact: [...new Set(['', ...atom.exact])] }
        : anything;
    }
    if (min === 1 && max === 1) return atom;
    // Repeated: the atom is there at least once, but not as one exact string.
    return { required: [...atom.required, ...asRequirement(atom.exact)], exact: null };
  }

  private readAtom(): Summary {
    const char = this.source[this.at]!;
    if (char === '(') return this.readGroup();
    if (char === '[') return this.readClass();
    if (char === '\\') return this.readEscape();
    this.at += 1;
    if (char === '^' || char === '$') return empty;
    if (char === '.') return anything;
    if ('*+?{}]'.includes(char)) throw new UnsupportedSyntax(`bare ${char}`);
    return literalCharacter(char);
  }

  private readGroup(): Summary {
    const rest = this.source.slice(this.at);
    const opening = /^\((\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(rest)!;
    this.at += opening[0].length;
    const inner = this.readAlternation();
    if (this.source[this.at] !== ')') throw new UnsupportedSyntax('unclosed group');
    this.at += 1;
    const kind = opening[1] ?? '';
    // A lookaround consumes nothing: what it looks at need not be part of the match.
    return /^\?<?[=!]$/.test(kind) ? empty : inner;
  }

  private readClass(): Summary {
    const end = /^\[\^?\]?(?:\\.|[^\]\\])*\]/.exec(this.source.slice(this.at));
    if (end === null) throw new UnsupportedSyntax('unclosed class');
    this.at += end[0].length;
    // A few plain characters ([sz], [\s-], [\s*]) are a small exact set; else it tells nothing.
    const members = end[0].slice(1, -1);
    if (members.startsWith('^')) return anything;
    const folded = new Set<string>();
    for (let at = 0; at < members.length; at += 1) {
      let char = members[at]!;
      if (char === '\\') {
        at += 1;
        char = members[at]!;
        if (escapedWhiteSpace.has(char)) char = ' ';
        else if (/[A-Za-z0-9]/.test(char)) return anything;
      } else if (char === '-' && at > 0 && at < members.length - 1) return anything; // a range
      if (char.charCodeAt(0) >= 128) return anything;
      folded.add(/\s/.test(char) ? ' ' : char.toLowerCase());
    }
    if (folded.size === 0 || folded.size > 8) return anything;
    return { required: [], exact: [...folded] };
  }

  private readEscape(): Summary {
    const rest = this.source.slice(this.at);
    const hex = /^\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4}))/.exec(rest);
    if (hex !== null) {
      this.at += hex[0].length;
      return literalCharacter(String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16)));
    }
    const char = this.source[this.at + 1];
    if (char === undefined) throw new UnsupportedSyntax('trailing backslash');
    this.at += 2;
    if (char === 'b' || char === 'B') return empty;
    if (escapedWhiteSpace.has(char)) return whiteSpace;
    if (char === 'k') throw new UnsupportedSyntax('named back reference');
    // Classes, back references, control and other letter escapes: any character, or unknown.
    if (/[A-Za-z0-9]/.test(char)) return anything;
    return literalCharacter(char);
  }
}

/** What every match of the regex source must contain (see RequiredLiterals); [] when unknown. */
export function findRequiredLiterals(source: string): RequiredLiterals {
  let summary: Summary;
  try {
    summary = new PatternReader(source).read();
  } catch (error) {
    if (error instanceof UnsupportedSyntax) return [];
    throw error;
  }
  const lists = [...summary.required, ...asRequirement(summary.exact)];
  const seen = new Set<string>();
  const found: string[][] = [];
  for (const list of lists) {
    // A text that holds "foo bar" holds "bar": the longer one adds nothing to the list.
    const sorted = [...new Set(list)]
      .filter((text, _, all) => !all.some((other) => other !== text && text.includes(other)))
      .sort();
    if (sorted.some((text) => text.length < minLiteralLength)) continue;
    const key = sorted.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(sorted);
  }
  return found;
}

/** The text the literals are looked up in: lower case, each run of white space one space. */
export function foldTextForLiterals(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** A regex kept with the literals every match of it holds (findRequiredLiterals of its source). */
export interface GatedPattern {
  pattern: RegExp;
  required: RequiredLiterals;
}

/**
 * Whether the gated pattern can match somewhere in `text`: false only when the text lacks its
 * literals. Checked before a regex that seldom matches runs, it spares V8 compiling the regex
 * (on its first match) for a text it cannot match. `foldedText`, when given, is
 * foldTextForLiterals(text), for a caller that checks several patterns on one text.
 */
export function mayMatchIn(
  text: string,
  { pattern, required }: GatedPattern,
  foldedText?: string,
): boolean {
  if (required.length === 0) return true;
  // With the u and i flags the long s (U+017F) matches s, and lower case keeps it as it is.
  if (pattern.unicode && pattern.ignoreCase && text.includes('\u017f')) return true;
  return hasRequiredLiterals(foldedText ?? foldTextForLiterals(text), required);
}

/** Whether a folded text holds one literal of each list: if not, no match of the rule is in it. */
export function hasRequiredLiterals(foldedText: string, required: RequiredLiterals): boolean {
  for (const list of required) {
    let isFound = false;
    for (const literal of list) {
      if (foldedText.includes(literal)) {
        isFound = true;
        break;
      }
    }
    if (!isFound) return false;
  }
  return true;
}
