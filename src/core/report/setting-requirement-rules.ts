// Phrases that say an attack needs a build option or an API/runtime setting that is not the
// default, in the many ways reporters put it: "built with the legacy module", "configured through
// `cmake -DFOO=ON`", "requires the application to parse with FLAG_X", "you have to pass option Y".
// Each yields a `requires-config` fact named after the setting (or `non-default` when no name is
// given); a profile's `requires-config: [non-default]` holds on every such fact (docs/facts.md).

import { trimEndCharacters } from '../text/trim-characters.js';
import type { PhraseRule } from './phrase-rules.js';

// Flags that say how to build for testing, not which feature to build.
const buildPlumbing =
  /^(?:cmake_\w+|cflags|cxxflags|cppflags|ldflags|cc|cxx|ndebug|fsanitize\w*|build_shared_libs|build_testing)$/;

function normaliseSettingName(name: string): string | null {
  const equals = name.indexOf('=');
  const cleaned = trimEndCharacters(equals === -1 ? name : name.slice(0, equals), '.-')
    .replace(/^-+/, '')
    .replace(/\(\)$/, '')
    .toLowerCase();
  if (cleaned === '' || !/^[a-z_][\w.-]*$/.test(cleaned)) return null;
  return /debug/.test(cleaned) ? 'debug' : cleaned;
}

/**
 * The feature a build command turns on: the first `-DNAME`, `--enable-x`/`--with-x` or
 * `NAME=value` that is not build plumbing (`-DCMAKE_C_FLAGS=...` is, its `-DDEBUGLEVEL=6` is not);
 * null when the command sets only plumbing (a release or sanitizer build is no feature).
 */
export function readBuildSetting(matched: string): string | null {
  for (const flag of matched.matchAll(
    /-D([A-Za-z_]\w*)|--(?:enable|with)-([\w-]+)|(?<![\w-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=/g,
  )) {
    const name = normaliseSettingName(flag[1] ?? flag[2] ?? flag[3]!);
    if (name !== null && !buildPlumbing.test(name)) return name;
  }
  return null;
}

/**
 * The setting an application must choose: a backticked name, an UPPER_SNAKE flag, `--flag`,
 * "option NAME" or a quoted name before the word flag, option or mode (`the "O" mode flag`).
 */
export function readApiSetting(matched: string): string | null {
  if (/\b(?:attackers?|adversar\w*|malicious)\b/i.test(matched)) return null;
  const quoted = quotedSettingAtEnd.exec(matched);
  if (quoted !== null) return normaliseSettingName(quoted[1]!);
  // Otherwise the pattern ends with the name: the last word, without its backticks.
  const words = matched.trim().split(/\s+/);
  const last = words[words.length - 1]!.replace(/^`|`$/g, '');
  return normaliseSettingName(last);
}

// A name in double quotes followed by what it is: `"O" mode flag`, `"strict" option`.
const quotedSetting = String.raw`["\u201c]([A-Za-z_][\w.=-]{0,40})["\u201d]\s+(?:mode\s+)?(?:flag|option|setting|parameter|mode)`;
const quotedSettingAtEnd = new RegExp(String.raw`${quotedSetting}$`);

// A name that reads as a setting: backticked, an identifier with an underscore (FLAG_X,
// ZSTD_d_format), a --flag, any word after "option", "flag", "setting", "parameter", or a quoted
// name before one of those words (API flags written as string literals: TIFFOpen's "O" mode flag).
const settingName = String.raw`(?:\x60[A-Za-z_-][\w.=-]{0,80}\x60|[A-Za-z][A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){1,8}|--?[a-z][\w-]{1,40}|(?:option|flag|setting|parameter)\s+[A-Za-z_][\w.-]{0,80}|${quotedSetting.replace('(', '(?:')})`;
const requirement = String.raw`(?:requires?|requiring|needs?|only\s+(?:when|if)|(?:you|one|we|they)\s+(?:have|need)\s+to|has\s+to|have\s+to|must)`;
const chooser = String.raw`(?:(?:the\s+|an?\s+)?(?:application|app|caller|calling\s+code|program|user|client|integrator|developer|embedder|consumer|library\s+user)s?\s+(?:to\s+)?)?`;

export const settingRequirementRules: readonly PhraseRule[] = [
  {
    // "built with `./configure --with-foo`", "compiled with -DENABLE_X",
    // "configured through `cmake -DCMAKE_C_FLAGS="-DDEBUGLEVEL=6"`", "built using make FOO=1".
    kind: 'requires-config',
    value: readBuildSetting,
    pattern:
      /\b(?:built|compiled|configured|rebuilt|building|compiling|configuring)\s+(?:with|using|through|via)\s+(?:the\s+)?`?(?:\.\/configure|configure|cmake|meson(?:\s+setup)?|make|ninja|bazel\s+build|CFLAGS=|CPPFLAGS=)(?:[^\n`]{0,80}?)(?:-D[A-Za-z_]\w*|--(?:enable|with)-[\w-]+|(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+=)[^\n`]{0,120}/,
  },
  {
    // A build line labelled as such: "**Build:** `cmake -DCMAKE_C_FLAGS="-DFOO_LIMIT=200000" ..`",
    // "Build flags: ./configure --enable-foo". It says how the product was built, as "built with"
    // does: its feature flag is a setting the build chose.
    kind: 'requires-config',
    value: readBuildSetting,
    pattern:
      /\b(?:build|compiled?|configured?)(?:[ \t]+(?:command|configuration|config|flags|options|settings))?[ \t]*:(?:\*\*|__)?[ \t]+`?(?:\.\/configure|configure|cmake|meson(?:[ \t]+setup)?|make|ninja|bazel[ \t]+build|CFLAGS=|CPPFLAGS=)(?:[^\n`]{0,80}?)(?:-D[A-Za-z_]\w*|--(?:enable|with)-[\w-]+|(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+=)[^\n`]{0,120}/,
  },
  {
    // "only when the library is built with the legacy module", "compiled with the optional
    // zlib support", "built with the experimental HTTP/3 backend enabled".
    kind: 'requires-config',
    // "compiled with debugging support" is a debug build, the more telling name.
    value: (matched: string) => (/\bdebug/i.test(matched) ? 'debug' : 'non-default'),
    pattern:
      /\b(?:built|compiled|configured|rebuilt)\s+with\s+(?!(?:the\s+|an?\s+)?(?:default|standard|usual|sanitizer|address|undefined|asan|ubsan|msan|tsan|debug\s+symbols|coverage)\b)(?:the\s+|an?\s+)?(?:[\w/+.-]{1,40}\s+){1,4}?(?:module|modules|extension|support|feature|backend|plugin|component|code\s+path)\b/,
  },
  {
    // "the attack requires the application to parse with XML_PARSE_HUGE", "you have to pass
    // option ZSTD_d_stableOutBuffer", "needs the caller to enable `strict=false`", "requires the
    // application to open the file with the "O" mode flag". Builds
    // ("must be compiled with -DFOO") are the build rules' own.
    kind: 'requires-config',
    value: readApiSetting,
    pattern: new RegExp(
      String.raw`\b${requirement}\s+${chooser}(?:(?!built|compiled|configured|rebuilt)\w+\s+){0,3}?(?:pass(?:es|ing)?|set(?:s|ting)?|enabl(?:e|es|ing)|turn(?:s|ing)?\s+on|specify(?:ing)?|supply(?:ing)?|opt(?:s|ing)?\s+into|with|using)\s+(?:the\s+)?(?:(?:non-default|experimental|optional|advanced|unsafe)\s+)?(?:(?:option|flag|setting|parameter|mode)\s+)?${settingName}`,
    ),
  },
];
