import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listTuneReportPaths } from '../../../test/support/list-tune-report-paths.js';
import {
  findRequiredLiterals,
  foldTextForLiterals,
  hasRequiredLiterals,
} from './find-required-literals.js';
import { versionPatternLiterals, versionPatterns } from './extract-version-facts.js';
import { phraseDispatchTable } from './phrase-dispatch-table.js';
import { phraseRules } from './phrase-rules.js';

/** The rule can match somewhere in the text, with the flags the extractor gives it. */
function matchesSomewhere(index: number, text: string): boolean {
  const rule = phraseRules[index]!;
  return new RegExp(rule.pattern.source, rule.isCaseSensitive === true ? '' : 'i').test(text);
}

/** Soundness: a text the rule matches always passes the rule's literal check. */
function expectNoRuleSkippedWrongly(text: string): void {
  const folded = foldTextForLiterals(text);
  versionPatterns.forEach(({ pattern }, index) => {
    if (!new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)) return;
    expect(hasRequiredLiterals(folded, versionPatternLiterals[index]!), `version ${index}`).toBe(
      true,
    );
  });
  phraseRules.forEach((_, index) => {
    if (!matchesSomewhere(index, text)) return;
    const required = phraseDispatchTable.required[index]!;
    expect(hasRequiredLiterals(folded, required), `rule ${index} on ${JSON.stringify(text)}`).toBe(
      true,
    );
  });
}

describe('findRequiredLiterals', () => {
  it('reads the literal runs every match holds, folding white space to one space', () => {
    expect(findRequiredLiterals(String.raw`\bdoes\s+not\s+require\b`)).toEqual([
      ['does not require'],
    ]);
    expect(findRequiredLiterals(String.raw`\b(?:requires?|needs?)\s+root\b`)).toEqual([
      ['need root', 'needs root', 'require root', 'requires root'],
    ]);
    expect(findRequiredLiterals(String.raw`\bdenial[\s-]of[\s-]service\b`)).toEqual([
      ['denial of service', 'denial of-service', 'denial-of service', 'denial-of-service'],
    ]);
  });

  it('takes nothing from optional parts, repeats, lookarounds or non-ASCII characters', () => {
    expect(findRequiredLiterals(String.raw`(?:foo\s+)?bar`)).toEqual([['bar']]);
    expect(findRequiredLiterals(String.raw`(?:foo\w+)?bar`)).toEqual([['bar']]);
    expect(findRequiredLiterals(String.raw`(?:foo\w+)?ba`)).toEqual([]);
    expect(findRequiredLiterals(String.raw`(?=needle)\w+`)).toEqual([]);
    expect(findRequiredLiterals(String.raw`(?:abc)*x`)).toEqual([]);
    expect(findRequiredLiterals('caf\u00e9s')).toEqual([['caf']]);
    expect(findRequiredLiterals(String.raw`word\w+ing`)).toEqual([['word'], ['ing']]);
  });

  it('gives up on syntax it does not read', () => {
    expect(findRequiredLiterals(String.raw`\k<name>abcdef`)).toEqual([]);
    expect(findRequiredLiterals('(?i:abcdef)')).toEqual([]);
    expect(findRequiredLiterals('abc(')).toEqual([]);
  });

  it('needs one branch of an alternation, each by its best literal', () => {
    expect(findRequiredLiterals(String.raw`\bfoo\w*bar\b|\bqux`)).toEqual([['foo', 'qux']]);
    expect(findRequiredLiterals(String.raw`\bfoo|\w+`)).toEqual([]);
  });

  // Random patterns over a small alphabet, each with texts built to match it (and random texts):
  // whenever the regex matches a text, the folded text holds the required literals.
  type Node =
    | { kind: 'piece'; source: string; samples: string[]; quantifier: string }
    | { kind: 'boundary' }
    | { kind: 'group'; nodes: Node[]; quantifier: string }
    | { kind: 'alternation'; branches: Node[][] }
    | { kind: 'lookaround'; open: string; inner: Node };
  const pieces: Array<[string, string[]]> = [
    ['a', ['a', 'A']],
    ['b', ['b', 'B']],
    ['ab', ['ab', 'Ab']],
    ['abc', ['abc', 'aBC']],
    ['cab', ['cab', 'CAB']],
    ['ba', ['ba', 'bA']],
    ['A', ['A', 'a']],
    [' ', [' ']],
    ['-', ['-']],
    [String.raw`\s`, [' ', '\n', '\t', '\u00a0']],
    [String.raw`[\s-]`, [' ', '-', '\n']],
    ['[ab]', ['a', 'b', 'B']],
    ['[^a]', ['b', ' ', 'c']],
    [String.raw`\w`, ['a', 'c', '_']],
    ['.', ['c', 'a', ' ']],
    [String.raw`\-`, ['-']],
    [String.raw`\x61`, ['a', 'A']],
  ];
  const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '{1,}', '??');
  const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom(...pieces), quantifier)
          .map(([[source, samples], suffix]): Node => ({
            kind: 'piece',
            source,
            samples,
            quantifier: suffix,
          })),
      },
      fc.constant<Node>({ kind: 'boundary' }),
      fc
        // Bounded repeats of groups: nested unbounded ones backtrack exponentially on a miss.
        .tuple(
          fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
          fc.constantFrom('', '', '?', '??', '{2}', '{0,2}'),
        )
        .map(([nodes, suffix]): Node => ({ kind: 'group', nodes, quantifier: suffix })),
      fc
        .array(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), {
          minLength: 2,
          maxLength: 3,
        })
        .map((branches): Node => ({ kind: 'alternation', branches })),
      fc
        .tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!', '('), tie('node'))
        .map(([open, inner]): Node => ({ kind: 'lookaround', open, inner })),
    ),
  })).node;

  function render(node: Node): string {
    switch (node.kind) {
      case 'piece':
        return node.source + node.quantifier;
      case 'boundary':
        return String.raw`\b`;
      case 'group':
        return `(?:${node.nodes.map(render).join('')})${node.quantifier}`;
      case 'alternation':
        return `(?:${node.branches.map((nodes) => nodes.map(render).join('')).join('|')})`;
      case 'lookaround':
        return `${node.open}${render(node.inner)})`;
    }
  }

  function repeat(suffix: string, pick: () => number): number {
    const bounds: Record<string, [number, number]> = {
      '': [1, 1],
      '?': [0, 1],
      '??': [0, 1],
      '*': [0, 3],
      '+': [1, 3],
      '{2}': [2, 2],
      '{0,2}': [0, 2],
      '{1,}': [1, 3],
    };
    const [min, max] = bounds[suffix]!;
    return min + (pick() % (max - min + 1));
  }

  /** A text the node would match (lookarounds aside: the regex decides whether it does). */
  function sample(node: Node, pick: () => number): string {
    switch (node.kind) {
      case 'piece': {
        let text = '';
        for (let count = repeat(node.quantifier, pick); count > 0; count -= 1)
          text += node.samples[pick() % node.samples.length]!;
        return text;
      }
      case 'boundary':
        return '';
      case 'group': {
        let text = '';
        for (let count = repeat(node.quantifier, pick); count > 0; count -= 1)
          text += node.nodes.map((inner) => sample(inner, pick)).join('');
        return text;
      }
      case 'alternation':
        return node.branches[pick() % node.branches.length]!.map((inner) =>
          sample(inner, pick),
        ).join('');
      case 'lookaround':
        return node.open === '(' ? sample(node.inner, pick) : '';
    }
  }

  const text = fc
    .array(fc.constantFrom('a', 'b', 'A', 'B', ' ', '  ', '\n', '\t', '\u00a0', '-', 'c'), {
      maxLength: 40,
    })
    .map((parts) => parts.join(''));

  it('never requires what a matched text lacks (random patterns and texts)', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        fc.array(text, { maxLength: 4 }),
        fc.tuple(text, text),
        (nodes, isCaseSensitive, choices, texts, [before, after]) => {
          const source = nodes.map(render).join('');
          const required = findRequiredLiterals(source);
          const regex = new RegExp(source, isCaseSensitive ? '' : 'i');
          let next = 0;
          const pick = (): number => choices[next++ % choices.length]!;
          const built = nodes.map((node) => sample(node, pick)).join('');
          for (const candidate of [built, before + built + after, ...texts]) {
            if (!regex.test(candidate)) continue;
            matched += required.length > 0 ? 1 : 0;
            expect(hasRequiredLiterals(foldTextForLiterals(candidate), required)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
    // The property is only worth something if patterns with requirements do match.
    expect(matched).toBeGreaterThan(100);
  });
});

describe('the phrase rules’ required literals', () => {
  const ruleWords = [
    ...new Set(phraseRules.flatMap(({ pattern }) => pattern.source.match(/[A-Za-z]{2,}/g) ?? [])),
  ];
  const spacing = fc.constantFrom(' ', '  ', '\n', '\t', '-', ', ', ': ', '`', '\u00a0', ' a ');
  const word = fc
    .tuple(fc.constantFrom(...ruleWords), fc.constantFrom('lower', 'upper', 'as is'))
    .map(([text, casing]) =>
      casing === 'lower' ? text.toLowerCase() : casing === 'upper' ? text.toUpperCase() : text,
    );

  const versionWord = fc.constantFrom('2.3.1', 'v1.2', '2.x', '<=', '>', 'Since', 'UP TO', 'tag');

  it('never skip a rule on a text it matches (texts of the rules’ own words)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(word, versionWord), spacing), { minLength: 1, maxLength: 12 }),
        (parts) => expectNoRuleSkippedWrongly(parts.map(([text, gap]) => text + gap).join('')),
      ),
      { numRuns: 300 },
    );
  });

  it('never skip a rule on a text it matches (the example reports and the tune split)', () => {
    const paths = listTuneReportPaths();
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) expectNoRuleSkippedWrongly(readFileSync(path, 'utf8'));
  });
});
