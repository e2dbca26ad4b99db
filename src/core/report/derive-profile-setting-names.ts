// The settings a profile's rules name (`requires-config: [follow_symlinks, AIOHTTP_NO_EXTENSIONS]`),
// lower-cased: a report that switches one of them on in the caller's code (`follow_symlinks=True`,
// `AIOHTTP_NO_EXTENSIONS=1`) states that condition, though the name says nothing unsafe by itself.
// The profile's own vocabulary (`non-default`, `debug`, `caller-callback`) names no setting.
//
// An exclusion about settings (one whose `when` has `requires-config`) also names them in its
// statement, in the project's own words: "a protection switched off, such as onProtoPoisoning
// 'ignore'", "`set_remote_address` while clients reach Puma directly". The names written as code
// there (`snake_case`, `camelCase`, `--switch`) are read as settings too, and a name given with a
// quoted value in the statement (`onProtoPoisoning 'ignore'`, `known_hosts=None` in the list) is
// also listed as `name=value`: that value, set in the caller's code, is the unsafe choice.

import type { ScopeRule, SecurityProfile } from '../model/security-profile.js';
import { isLimitSettingName } from './setting-name-shapes.js';

const vocabulary = new Set(['non-default', 'debug', 'caller-callback', 'verification-disabled']);

/**
 * A setting a rule names, as reports' facts name it: lower case, and a switch named with its
 * dashes (`--env`) is the setting `env`.
 */
export function foldSettingName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^-{1,2}(?=[a-z])/, '')
    .replace(writtenPair, '$1=$2');
}

// A name and its value written as in the project's configuration (`check_origin: false`,
// `verify = false`): the same pair as `check_origin=false`.
const writtenPair =
  /^([a-z_][\w.-]{0,60})[ \t]{0,4}(?::[ \t]{1,4}|[ \t]{0,4}=[ \t]{0,4})([\w.*/-]{1,40})$/;

// A setting's name, or a phrase a profile writes for one (`early data`, `0-rtt`), read in prose.
const settingName = /^[a-z0-9_][\w .-]*$/;
// `known_hosts=None`, `onprotopoisoning=ignore`: a name and the one value the rule is about.
const settingPair = /^([a-z_][\w.-]*)=([\w.*/:-]{1,40})$/;

// A name written as code in a statement: a switch (`--forwarded-allow-ips`), a Ruby symbol or a
// plain identifier, dotted at most four times (`Plug.RewriteOn`), optionally followed by a quoted
// value (`onProtoPoisoning 'ignore'`, `origin: "*"`), an assigned one (`autoescape=False`) or a
// bare literal (`decodeEntities false`).
// Bounded, so the scan stays linear.
const statementName =
  /(?<![\w.$:-])(?:--?([a-z][\w-]{2,60})|:?([A-Za-z_]\w{2,60}(?:\.[A-Za-z_]\w{0,60}){0,4}))(?![\w-])(?:[ \t]{0,3}[=:]?[ \t]{0,3}(['"])([^'"\n]{1,40})\3|=([\w.*/-]{1,40})|[ \t]{1,3}(false|true|none|null|nil|off)(?![\w-]))?/g;
const camelCase = /[a-z][A-Z]/;
// The words right before a name that say the application does not use it.
const absenceBefore =
  /\b(?:no|not|never|without|instead\s+of|lacks?|missing)\s+(?:[a-z]{2,12}\s+)?(?:an?\s+|the\s+|any\s+)?[`'"]?$/i;
const constantSegment = /^[A-Z][A-Z0-9_]*$/;
// Words of prose spelt with inner capitals or digits that name products, not settings.
const productNames = new Set([
  'javascript',
  'typescript',
  'github',
  'gitlab',
  'websocket',
  'websockets',
  'postgresql',
  'mysql',
  'sqlite',
  'mariadb',
  'mongodb',
  'openssl',
  'openssh',
  'libressl',
  'boringssl',
  'macos',
  'nuget',
  'pypi',
  'youtube',
  'powershell',
  'wordpress',
  'devtools',
  'graphql',
  'openapi',
  'nodejs',
  'fastapi',
  'iphone',
  'javadoc',
  'oauth',
]);

/** Whether a word of a statement is written as code: a switch, `snake_case` or `camelCase`. */
function isCodeShaped(word: string, isSwitch: boolean): boolean {
  if (isSwitch) return word.includes('-');
  const segments = word.split('.');
  // `Integer.MAX_VALUE`, `Long.MAX_VALUE`: a type's constant is a value, not a setting.
  if (segments.length > 1 && segments.slice(1).some((segment) => constantSegment.test(segment))) {
    return false;
  }
  return word.includes('_') || camelCase.test(word);
}

/** The settings a rule's statement names as code, lower-cased, with `name=value` pairs. */
function readStatementSettings(statement: string): string[] {
  const names: string[] = [];
  for (const match of statement.matchAll(statementName)) {
    // "autoescape=False, or no select_autoescape": what the application left out is no setting.
    if (absenceBefore.test(statement.slice(Math.max(0, match.index - 24), match.index))) continue;
    const isSwitch = match[1] !== undefined;
    const word = match[1] ?? match[2]!;
    const name = word.toLowerCase();
    // `decodeEntities false`: a code-shaped name with a bare literal after it gives that value too.
    const value = (match[4] ?? match[5] ?? match[6])?.trim().toLowerCase();
    // `autoescape=False`: written as an assignment, a plain word is a setting too.
    const isAssigned = match[5] !== undefined;
    if ((!isCodeShaped(word, isSwitch) && !isAssigned) || productNames.has(name)) continue;
    if (value !== undefined && settingPair.test(`${name}=${value}`)) names.push(`${name}=${value}`);
    if (!isCodeShaped(word, isSwitch)) continue;
    // A limit is read by its value wherever it is named (a lifted limit, extract-code-setting-facts.ts):
    // naming it here would make any small number read as the setting switched on.
    if (!isLimitSettingName(name)) names.push(name);
  }
  return names;
}

/** An exclusion about settings: its `requires-config` names one, not only the caller's own code. */
function isAboutSettings(rule: ScopeRule): boolean {
  return (rule.when.requiresConfig ?? []).some(
    (value) => foldSettingName(value) !== 'caller-callback',
  );
}

/** The settings an exclusion about settings names in its statement, lower-cased; else none. */
export function readExclusionStatementSettings(rule: ScopeRule): string[] {
  return isAboutSettings(rule) ? readStatementSettings(rule.statement) : [];
}

export function deriveProfileSettingNames(profile: Pick<SecurityProfile, 'threatModel'>): string[] {
  const names = new Set<string>();
  for (const rule of [...profile.threatModel.inScope, ...profile.threatModel.outOfScope]) {
    for (const name of rule.when.requiresConfig ?? []) {
      const lower = foldSettingName(name);
      if (vocabulary.has(lower)) continue;
      if (settingName.test(lower) || settingPair.test(lower)) names.add(lower);
    }
  }
  for (const rule of profile.threatModel.outOfScope) {
    for (const name of readExclusionStatementSettings(rule)) names.add(name);
  }
  return [...names];
}
