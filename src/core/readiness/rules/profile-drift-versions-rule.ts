// profile.drift-versions: the versions SECURITY.md marks supported or unsupported agree with
// policy.supported-versions in the profile.

import { intersects, satisfies, validRange } from 'semver';
import { findSupportedVersionsSection } from '../find-policy-section.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';

const versionToken = /(?:[<>]=?\s*)?v?\d{1,6}(?:\.(?:\d{1,6}|x|\*)){0,2}/i;
const supportedMark = /✅|:white_check_mark:|:heavy_check_mark:|✔|\|\s*yes\s*\||\bsupported\b/i;
const unsupportedMark =
  /❌|:x:|✖|\|\s*no\s*\||end[- ]of[- ]life|\beol\b|unsupported|not supported/i;

export const profileDriftVersionsRule: ReadinessRule = {
  id: 'profile.drift-versions',
  category: 'profile',
  title: 'Supported versions agree (profile, SECURITY.md)',
  rule: {
    pass: "Each line of SECURITY.md's supported-versions section that names a version and marks it supported (✅, yes, supported) falls in policy.supported-versions, and each marked unsupported (❌, no, end of life, unsupported) falls outside it.",
    warn: 'The section marks no version either way, so nothing can be compared (passes when the profile supports every version).',
    fail: 'A version is marked one way in SECURITY.md and the other way by the profile.',
    skip: 'No valid profile, no SECURITY.md, or no supported-versions section.',
  },
  fix: 'Make the table in SECURITY.md and policy.supported-versions agree.',
  reads: () => false,
  check(context) {
    const profile = context.validProfile;
    const policy = context.policy;
    if (profile === null || policy === null)
      return [
        makeResult('skip', null, [], [profile === null ? 'no valid profile' : 'no SECURITY.md']),
      ];
    const section = findSupportedVersionsSection(policy);
    if (section === undefined)
      return [makeResult('skip', policy.file, [], ['no supported-versions section'])];
    const supported = profile.policy.supportedVersions;
    if (typeof supported === 'string')
      return [
        makeResult(
          'skip',
          policy.file,
          [section.startLine],
          [`the profile supports "${supported}", which only a repository's tags resolve`],
        ),
      ];
    const ranges = supported;
    const marked = policy.lines
      .slice(section.startLine, section.endLine)
      .flatMap((text, index) => readMark(text, section.startLine + index + 1));
    if (marked.length === 0 && ranges.length === 0) {
      return [
        makeResult(
          'pass',
          policy.file,
          [section.startLine],
          ['the profile supports every version and the section marks none unsupported'],
        ),
      ];
    }
    if (marked.length === 0)
      return [
        makeResult(
          'warn',
          policy.file,
          [section.startLine],
          ['the section marks no version as supported or unsupported'],
        ),
      ];
    const problems = marked.filter(
      (entry) => isInProfile(entry.version, ranges) !== entry.isSupported,
    );
    const describe = (entry: (typeof marked)[number]) =>
      `line ${entry.line}: ${entry.version} is ${entry.isSupported ? 'supported' : 'unsupported'} in SECURITY.md but ${entry.isSupported ? 'outside' : 'inside'} the profile's supported-versions (${ranges.join(', ') || 'all'})`;
    if (problems.length > 0)
      return [
        makeResult(
          'fail',
          policy.file,
          problems.map((e) => e.line),
          problems.map(describe),
        ),
      ];
    return [
      makeResult(
        'pass',
        policy.file,
        marked.map((e) => e.line),
        [`${marked.length} version line(s) agree with ${ranges.join(', ') || 'all versions'}`],
      ),
    ];
  },
};

function readMark(
  text: string,
  line: number,
): { version: string; isSupported: boolean; line: number }[] {
  const version = versionToken.exec(text)?.[0];
  if (version === undefined) return [];
  const isUnsupported = unsupportedMark.test(text);
  const isSupported = !isUnsupported && supportedMark.test(text);
  return isUnsupported || isSupported
    ? [{ version: version.replace(/\s+/g, ''), isSupported, line }]
    : [];
}

function isInProfile(version: string, ranges: readonly string[]): boolean {
  if (ranges.length === 0) return true;
  const bare = version.replace(/^v/i, '');
  const isPartial = /^[<>]/.test(bare) || /[x*]/i.test(bare) || bare.split('.').length < 3;
  if (isPartial) {
    const range = validRange(bare);
    return range !== null && ranges.some((profileRange) => intersects(range, profileRange));
  }
  return ranges.some((range) => satisfies(bare, range));
}
