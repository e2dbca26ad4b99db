import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { readApiSetting, readBuildSetting } from './setting-requirement-rules.js';

const settingsOf = (text: string): string[] =>
  [
    ...new Set(
      extractFacts(buildTestReport(text))
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ),
  ].sort();

describe('build options in unfamiliar words', () => {
  it.each([
    ['It only crashes when the library is built with ./configure --with-foo.', ['foo']],
    ['The decoder is compiled with `cmake -DENABLE_LEGACY=ON` in that case.', ['enable_legacy']],
    ['You need it configured through `cmake -DCMAKE_C_FLAGS="-DDEBUGLEVEL=6"` first.', ['debug']],
    ['This only happens when the library is built with the legacy module.', ['non-default']],
    ['The bug is there when compiled with the optional zlib support.', ['non-default']],
    ['The endpoint is only there when the server is compiled with debugging support.', ['debug']],
    [
      'Built using make ZSTD_LEGACY_SUPPORT=1 the v0.1 decoder is present.',
      ['zstd_legacy_support'],
    ],
  ])('%s -> %j', (text, expected) => {
    expect(settingsOf(text)).toEqual(expected);
  });

  it('reads the feature flag of a labelled build line', () => {
    expect(
      settingsOf(
        '**Version:** 1.7.17\n**Build:** `cmake -DCMAKE_C_FLAGS="-DFOO_NESTING_LIMIT=200000" ..` (we raised the limit)',
      ),
    ).toEqual(['foo_nesting_limit']);
    expect(settingsOf('Build flags: ./configure --enable-legacy-codec')).toEqual(['legacy-codec']);
    // A sanitizer build, or a build word that labels no command, sets nothing.
    expect(settingsOf('**Build:** `cmake -DCMAKE_C_FLAGS="-fsanitize=address" ..`')).toEqual([]);
    expect(settingsOf('Build: release, FOO_BAR=1 was not used.')).toEqual([]);
  });

  it('does not read a default or sanitizer build as a setting', () => {
    expect(settingsOf('I built with the default options and it still crashes.')).toEqual([]);
    expect(settingsOf('It was compiled with the address sanitizer support.')).toEqual([]);
    expect(settingsOf('Built with `cmake -DCMAKE_BUILD_TYPE=Release`.')).toEqual([]);
  });

  it('names the feature flag, not the build plumbing', () => {
    expect(readBuildSetting('built with cmake -DCMAKE_C_FLAGS=-O2 -DWITH_HTTP3=ON')).toBe(
      'with_http3',
    );
    expect(readBuildSetting('built with cmake -DCMAKE_C_FLAGS=-fsanitize=address')).toBeNull();
  });
});

describe('runtime and API settings the application must choose', () => {
  it.each([
    ['The attack requires the application to parse with XML_PARSE_HUGE.', ['xml_parse_huge']],
    ['To see it you have to pass option ZSTD_d_stableOutBuffer = 1.', ['zstd_d_stableoutbuffer']],
    ['It needs the caller to enable setting strictMode.', ['strictmode']],
    [
      'The attack requires the application to decompress with `ZSTD_d_format` set to magicless.',
      ['zstd_d_format'],
    ],
    ['It requires the user to pass `--allow-unsafe` to the tool.', ['allow-unsafe']],
    ['The attack requires the application to open the file with the "O" mode flag.', ['o']],
    ['It needs the caller to open the file with the “strict” option.', ['strict']],
  ])('%s -> %j', (text, expected) => {
    expect(settingsOf(text)).toEqual(expected);
  });

  it('reads a quoted name only as the name of a flag, option or mode', () => {
    expect(readApiSetting('requires the application to open it with the "rO" mode flag')).toBe(
      'ro',
    );
    expect(settingsOf('It requires the application to open the file with "care".')).toEqual([]);
    expect(settingsOf('With the normal "r" mode the same file is rejected.')).toEqual([]);
    expect(settingsOf('The attacker needs to open the file with the "O" mode flag.')).toEqual([]);
  });

  it('leaves what the attacker does and plain verbs alone', () => {
    expect(settingsOf('It requires the attacker to pass --output twice.')).toEqual([]);
    expect(settingsOf('The attacker needs to send a crafted request.')).toEqual([]);
    expect(readApiSetting('requires the attacker to set FOO_BAR')).toBeNull();
  });

  it('reads a flag set by the attacker’s data as data, not configuration', () => {
    expect(
      settingsOf('Bounds checks are skipped when `FAST_UNSAFE` is set by the frame header.'),
    ).toEqual([]);
    expect(settingsOf('Bounds checks are skipped when `fast_unsafe` is enabled.')).toEqual([
      'fast_unsafe',
    ]);
  });
});

describe('build flags stay with the build rules', () => {
  it('reads "must be compiled with -DFOO" as the flag', () => {
    expect(settingsOf('The binary must be compiled with -DTH_UNSAFE_PARSER.')).toEqual([
      'th_unsafe_parser',
    ]);
  });
});
