import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPopularityIndex } from './create-popularity-index.js';
import { describeOneEdit } from './describe-one-edit.js';
import { coresOf, isKeyboardNeighbour, skeletonOf } from './fold-package-name.js';
import { findTyposquat } from './find-typosquat.js';

const npm = createPopularityIndex(
  'npm',
  'npm high-impact packages',
  [
    'lodash',
    'react',
    'express',
    'request',
    'commander',
    'buffer-xor',
    'js-sha3',
    'bs58',
    'color-string',
    'colors',
    'jquery',
    'axios',
    '@azure/arm-storage',
    '@azure/arm-resources',
    '@azure/arm-appservice',
    '@azure/core-tracing',
    '@azure/identity',
    '@babel/core',
    '@rollup/core',
    '@vue/core',
    'typescript',
    'adal',
    'gdal',
    'vue2',
    'vue3',
    'mongoose',
    'coffee-script',
    'JSONStream',
    '@types/node',
    '@aws-sdk/client-s3',
    'npm',
    'wallet-connect',
    'address-parser',
    'class-validator',
    'validator-utils',
    '@ledgerhq/hw-transport',
    'http-transport',
    'causal-graph',
    'causal-model',
  ].map((name, index) => ({ name, rank: index + 1 })),
  ['casual-chat'],
);
const pypi = createPopularityIndex(
  'pypi',
  'most downloaded PyPI projects',
  [
    'requests',
    'numpy',
    'python-dateutil',
    'django',
    'pyyaml',
    'python-nmap',
    'colorama',
    'pysmb',
    'jellyfish',
    'torch',
    'triton',
    'mysqlclient',
  ].map((name, index) => ({ name, rank: index + 1, downloads: 1_000_000 - index })),
);

function technique(ecosystem: 'npm' | 'pypi', name: string): string | null {
  const match = findTyposquat(ecosystem, name, ecosystem === 'npm' ? npm : pypi);
  return match ? `${match.technique} ${match.target.name}` : null;
}

describe('findTyposquat', () => {
  it('names each technique and the target', () => {
    expect(technique('npm', 'loadsh')).toBe('transposition lodash');
    expect(technique('npm', 'rxpress')).toBe('keyboard express');
    expect(technique('npm', 'requestt')).toBe('repetition request');
    expect(technique('npm', 'commandr')).toBe('one-edit commander');
    expect(technique('npm', '1odash')).toBe('homoglyph lodash');
    expect(technique('npm', 'l0dash')).toBe('homoglyph lodash');
    expect(technique('npm', 'reаct')).toBe('homoglyph react'); // Cyrillic а
    expect(technique('npm', 'bufferxor')).toBe('separator buffer-xor');
    expect(technique('npm', 'coffee_script')).toBe('separator coffee-script');
    expect(technique('npm', 'jsonstream')).toBe('case JSONStream');
    expect(technique('npm', 'arm-storage')).toBe('scope-stripped @azure/arm-storage');
    expect(technique('npm', 'arm-advisor')).toBe('scope-pattern @azure/arm-storage');
    expect(technique('npm', 'axios-js')).toBe('affix axios');
    expect(technique('npm', 'jquery.js')).toBe('affix jquery');
    expect(technique('pypi', 'python3-dateutil')).toBe('affix python-dateutil');
    expect(technique('pypi', 'smb')).toBe('affix pysmb');
    expect(technique('pypi', 'nmap-python')).toBe('word-order python-nmap');
    expect(technique('pypi', 'reqeusts')).toBe('transposition requests');
    expect(technique('pypi', 'r3quests')).toBe('homoglyph requests');
    expect(technique('pypi', 'COLORAMA')).toBeNull(); // normalises to colorama: the same project
  });

  it('finds a slip in one word of a longer name, two names run together, import names, options', () => {
    // `validator` is a word of two popular names; the name as a whole imitates none of them.
    expect(technique('npm', 'wallet-address-validtaor')).toBe('misspelt-word class-validator');
    expect(technique('npm', 'hw-trnasport-u2f')).toBe('misspelt-word @ledgerhq/hw-transport');
    expect(technique('pypi', 'torchtriton')).toBe('joined-names torch');
    expect(technique('pypi', 'python-mysqldb')).toBe('import-name mysqlclient');
    expect(technique('npm', '--no-audit')).toBe('option npm');
    expect(technique('pypi', 'python-reqeusts')).toBe('affix requests');
    // A typing slip only: an affix beside any other edit is what many honest names are.
    expect(technique('pypi', 'python-reqests')).toBeNull();
  });

  it('leaves alone new words, words of other registries and the grammar of a word', () => {
    // Two unknown words: a new name, not a slip.
    expect(technique('npm', 'wallet-adress-validtaor')).toBeNull();
    // `casual` is `causal` with two letters swapped, but a word of a popular name elsewhere.
    expect(technique('npm', 'casual-utils')).toBeNull();
    expect(technique('npm', 'cuasal-utils')).toBe('misspelt-word causal-graph');
    // A changed last letter is grammar (`validated`), a plural is a plural.
    expect(technique('npm', 'address-validatur')).toBeNull();
    expect(technique('npm', 'address-validators')).toBeNull();
  });

  it('never flags a popular name, however close to another popular one', () => {
    expect(technique('npm', 'adal')).toBeNull();
    expect(technique('npm', 'gdal')).toBeNull();
    expect(technique('npm', 'vue3')).toBeNull();
    expect(technique('pypi', 'django')).toBeNull();
  });

  it('leaves alone what only the scope owner can publish, version families and crowded short names', () => {
    expect(technique('npm', '@azure/arm-storagee')).toBeNull();
    expect(technique('npm', '@aws-sdk/client-s4')).toBeNull();
    expect(technique('npm', '@types/lodash')).toBeNull();
    expect(technique('npm', 'vue4')).toBeNull();
    expect(technique('npm', 'core')).toBeNull(); // a word three scopes publish
    expect(technique('npm', 'bs5')).toBeNull(); // too short for one edit
    expect(technique('npm', 'left-pad')).toBeNull();
  });

  it('finds every single-character change of a popular name of five or more characters', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz';
    fc.assert(
      fc.property(
        fc.constantFrom('lodash', 'express', 'commander', 'mongoose', 'typescript'),
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.constantFrom('insert', 'delete', 'replace', 'swap'),
        (target, at, character, edit) => {
          const position = at % target.length;
          const name =
            edit === 'insert'
              ? target.slice(0, position) + character + target.slice(position)
              : edit === 'delete'
                ? target.slice(0, position) + target.slice(position + 1)
                : edit === 'replace'
                  ? target.slice(0, position) + character + target.slice(position + 1)
                  : target.slice(0, position) +
                    (target[position + 1] ?? '') +
                    target[position] +
                    target.slice(position + 2);
          const match = findTyposquat('npm', name, npm);
          if (name === target || npm.find(name)) expect(match).toBeNull();
          else expect(match?.target.name).toBe(target);
        },
      ),
    );
  });

  it('answers the same while the near-match maps are still unbuilt as once they are all built', () => {
    // Names one or two edits from listed ones, with affixes: more than the one-edit searches
    // answered by reading every name, so the unbuilt index switches to its deletion index midway.
    const names = [...npm.byKey.values()].flatMap(({ name }) => [
      name.slice(1),
      `${name}s`,
      `${name[1] ?? ''}${name[0]!}${name.slice(2)}`,
      `${name.slice(0, -3)}${name.at(-1)!}${name.at(-2)!}${name.at(-3)!}`,
      `node-${name.slice(0, -1)}`,
      `${name}-utlis`,
      name.replaceAll('-', ''),
    ]);
    const fresh = () =>
      createPopularityIndex(
        'npm',
        'npm high-impact packages',
        [...npm.byKey.values()],
        ['casual-chat'],
      );
    const unbuilt = fresh();
    const built = fresh();
    built.buildNearMatchMaps();
    for (const name of names)
      for (const asIfUnlisted of [false, true])
        expect(findTyposquat('npm', name, unbuilt, { asIfUnlisted })).toEqual(
          findTyposquat('npm', name, built, { asIfUnlisted }),
        );
  });
});

describe('findTyposquat on hostile names', () => {
  const hostileName = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom('-', '.', '_', '@', '/', 'a', 'rn', '0', 'а'),
      maxLength: 60,
    }),
    fc.nat({ max: 20_000 }).map((length) => 'a-'.repeat(length)),
  );

  it('never throws, on any text, in either ecosystem, listed or judged as unlisted', () => {
    fc.assert(
      fc.property(hostileName, fc.boolean(), (name, asIfUnlisted) => {
        for (const [ecosystem, index] of [
          ['npm', npm],
          ['pypi', pypi],
        ] as const) {
          const match = findTyposquat(ecosystem, name, index, { asIfUnlisted });
          if (match) expect(match.target.name).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never flags a listed name spelt as listed', () => {
    for (const index of [npm, pypi])
      for (const entry of index.byName.values())
        expect(findTyposquat(index.ecosystem, entry.name, index)).toBeNull();
  });
});

describe('name helpers', () => {
  it('describes one edit and nothing further', () => {
    expect(describeOneEdit('loadsh', 'lodash')).toEqual({ kind: 'transposition' });
    expect(describeOneEdit('axioss', 'axios')).toMatchObject({
      kind: 'insertion',
      character: 's',
      isRepetition: true,
    });
    expect(describeOneEdit('axis', 'axios')).toEqual({ kind: 'omission', character: 'o' });
    expect(describeOneEdit('axiox', 'axios')).toEqual({
      kind: 'replacement',
      expected: 's',
      actual: 'x',
    });
    expect(describeOneEdit('xaios', 'axios')).toEqual({ kind: 'transposition' });
    expect(describeOneEdit('abc', 'xyz')).toBeNull();
    expect(describeOneEdit('same', 'same')).toBeNull();
  });

  it('folds look-alikes, strips affixes and knows keyboard neighbours', () => {
    expect(skeletonOf('rn0ment_js')).toBe('momentjs');
    expect(coresOf('python3-dateutil')).toContain('dateutil');
    expect(coresOf('underscore.string-2')).toContain('underscore.string');
    expect(isKeyboardNeighbour('q', 'a')).toBe(true);
    expect(isKeyboardNeighbour('s', 'e')).toBe(true);
    expect(isKeyboardNeighbour('a', 'p')).toBe(false);
  });
});
