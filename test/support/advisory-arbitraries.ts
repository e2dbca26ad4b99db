// fast-check generators of valid advisories (every field of the model, several ecosystems and
// range types), for round-trip and export property tests.
import fc from 'fast-check';
import {
  advisoryCreditTypes,
  advisoryReferenceTypes,
  formatAdvisoryTimestamp,
  type Advisory,
  type AdvisoryAffected,
  type AdvisoryRange,
} from '../../src/core/index.js';

// eslint-disable-next-line no-control-regex -- generated text must avoid control characters
const lineCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- generated text must avoid control characters
const textCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const line = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength })
    .map((text) => text.replace(lineCharacters, ' '))
    .filter((text) => text.trim() !== '' && text.length <= maxLength);

const text = fc
  .string({ unit: 'grapheme', maxLength: 400 })
  .map((value) => value.replace(textCharacters, ' '));
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const timestampFrom = (earliest: string) =>
  fc
    .date({
      min: new Date(earliest),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(formatAdvisoryTimestamp);
const anyTimestamp = timestampFrom('1971-01-01T00:00:00Z');
// CVE records begin in 1999, and the official CVE JSON 5 schema's leap-day pattern
// (`(19|2[0-9](0[48]|...))-02-29`) rejects 29 February of every 19xx year: exportable advisories
// are dated from 2000 on.
const exportableTimestamp = timestampFrom('2000-01-01T00:00:00Z');
const webUrl = word.map((path) => `https://example.org/${path}`);
const commit = fc.stringMatching(/^[a-f0-9]{40}$/);
const semverPair = fc
  .tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.integer({ min: 1, max: 5 }))
  .map(
    ([major, minor, patch, step]) => [`${major}.${minor}.${patch}`, `${major + step}.0.0`] as const,
  );

const semverRange: fc.Arbitrary<AdvisoryRange> = fc
  .tuple(semverPair, fc.boolean(), fc.constantFrom('fixed', 'lastAffected', 'none'))
  .map(([[start, end], fromZero, endKind]) => ({
    type: 'SEMVER',
    repo: null,
    events: [
      { introduced: fromZero ? '0' : start },
      ...(endKind === 'fixed'
        ? [{ fixed: end }]
        : endKind === 'lastAffected'
          ? [{ lastAffected: end }]
          : []),
    ],
  }));

const gitRange: fc.Arbitrary<AdvisoryRange> = fc
  .tuple(commit, commit, webUrl)
  .map(([start, end, repo]) => ({
    type: 'GIT',
    repo: `${repo}.git`,
    events: [{ introduced: start }, { fixed: end }],
  }));

const pep440Range: fc.Arbitrary<AdvisoryRange> = fc
  .tuple(fc.nat(9), fc.nat(9), fc.constantFrom('', 'rc1', '.post2', 'a3'))
  .map(([major, minor, suffix]) => ({
    type: 'ECOSYSTEM',
    repo: null,
    events: [{ introduced: `${major}.${minor}${suffix}` }, { fixed: `${major + 1}.0` }],
  }));

const plainVersion = fc.stringMatching(/^[0-9]{1,3}\.[0-9]{1,3}(\.[0-9]{1,3})?$/);

const affected: fc.Arbitrary<AdvisoryAffected> = fc
  .constantFrom('npm', 'PyPI', 'Go', null)
  .chain((ecosystem) =>
    fc.record({
      package: fc.record({
        ecosystem: fc.constant(ecosystem),
        name: word,
        purl: fc.option(
          word.map((name) => `pkg:generic/${name}`),
          { nil: null },
        ),
      }),
      ranges: fc.array(
        ecosystem === 'PyPI'
          ? pep440Range
          : ecosystem === null
            ? fc.oneof(gitRange, semverRange)
            : semverRange,
        { maxLength: 3 },
      ),
      versions: fc.uniqueArray(
        ecosystem === 'PyPI' ? plainVersion : semverPair.map(([start]) => start),
        { maxLength: 4 },
      ),
      fixedVersions: fc.uniqueArray(
        ecosystem === 'PyPI' ? plainVersion : semverPair.map(([, end]) => end),
        { maxLength: 3 },
      ),
      components: fc.uniqueArray(word, { maxLength: 3 }),
      functions: fc.uniqueArray(word, { maxLength: 3 }),
      files: fc.uniqueArray(
        word.map((name) => `src/${name}.c`),
        { maxLength: 3 },
      ),
    }),
  );

const cvssVectors = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N',
];

/** A valid advisory; `exportable` adds what CVE JSON 5 and CSAF need (a CVE id, a CNA, products, references, a URL). */
export function arbitraryAdvisory(options: { exportable?: boolean } = {}): fc.Arbitrary<Advisory> {
  const minimum = options.exportable ? 1 : 0;
  const timestamp = options.exportable ? exportableTimestamp : anyTimestamp;
  return fc.record({
    thresherAdvisory: fc.constant(1 as const),
    id: fc
      .tuple(fc.constantFrom('GHSA-', 'x_', 'PYSEC-2026-', 'GO-2026-'), word)
      .map(([prefix, rest]) => prefix + rest),
    modified: timestamp,
    summary: line(256),
    details: text,
    aliases: fc.uniqueArray(
      fc.nat(99_999).map((number) => `CVE-2026-${String(number).padStart(5, '0')}`),
      {
        minLength: minimum,
        maxLength: 3,
      },
    ),
    affected: fc.array(affected, { minLength: minimum, maxLength: 3 }),
    severity: fc.record({
      cvss: fc
        .subarray([cvssVectors[0]!, cvssVectors[2]!])
        .chain((chosen) => fc.constant(chosen.length === 0 ? [] : chosen)),
      rating: fc.option(fc.constantFrom('critical', 'high', 'medium', 'low', 'none' as const), {
        nil: null,
      }),
      text: fc.option(line(200), { nil: null }),
    }),
    cwes: fc.uniqueArray(
      fc.constantFrom('CWE-79', 'CWE-22', 'CWE-122', 'CWE-190', 'CWE-400', 'CWE-99999'),
      {
        maxLength: 3,
      },
    ),
    references: fc.array(
      fc.record({ type: fc.constantFrom(...advisoryReferenceTypes), url: webUrl }),
      { minLength: minimum, maxLength: 4 },
    ),
    credits: fc.array(
      fc.record({
        name: line(60),
        type: fc.constantFrom(...advisoryCreditTypes),
        contact: fc.array(webUrl, { maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
    timeline: fc.record({
      reported: fc.option(timestamp, { nil: null }),
      acknowledged: fc.option(timestamp, { nil: null }),
      fixed: fc.option(timestamp, { nil: null }),
      published: fc.option(timestamp, { nil: null }),
    }),
    embargoUntil: fc.option(timestamp, { nil: null }),
    publisher: fc.record({
      name: line(60),
      url: options.exportable ? webUrl : fc.option(webUrl, { nil: null }),
    }),
    cna: options.exportable
      ? fc.constant({ orgId: '8254265b-2729-46b6-b9e3-3dfca2d5bfca', shortName: 'mitre' })
      : fc.option(fc.constant({ orgId: '8254265b-2729-46b6-b9e3-3dfca2d5bfca', shortName: null }), {
          nil: null,
        }),
  });
}

export { cvssVectors };
