// Reads affected versions and ranges ("v2.3.1", "<= 2.4.0", "2.x", "all versions before 2.5.0" ->
// <2.5.0) as semver-like strings, skipping IPs, dates, scores, HTTP/1.1 and tool versions.

import type { FactSink } from './create-fact-sink.js';
import type { CodeBlock } from './find-code-blocks.js';
import { forEachMatch } from './for-each-match.js';
import { keepBackportLines } from './keep-backport-lines.js';
import { findFixColumnCells, isInFixColumnCell } from '../text/find-fix-column-cells.js';
import {
  foldTextForLiterals,
  hasRequiredLiterals,
  mayMatchIn,
  type GatedPattern,
  type RequiredLiterals,
} from './find-required-literals.js';

interface Candidate {
  value: string;
  start: number;
  end: number;
}

// A version with at least one dot: 2.3, 2.3.1, v2.3.1-rc1, 1.0.0+build.5, and a portable
// release's `p` level (OpenSSH 9.9p1), which `bare` drops: 9.9p1 and 9.9p2 are one release for
// the supported ranges, and a pre-release reading (9.9.0-p1 < 9.9.0) would be wrong.
const portableLevel = String.raw`(?:p\d{1,3}(?![A-Za-z]))?`;
const v = String.raw`v?\d{1,6}(?:\.\d{1,6}){1,3}${portableLevel}(?:-[A-Za-z]\w*(?:\.\w+)*)?(?:\+\w+(?:\.\w+)*)?`;
const operator = String.raw`(?:<=|>=|=<|=>|<|>|≤|≥|~>?|\^)`;
const versionWord = String.raw`(?:versions?[ \t]+|release[ \t]+|v(?=\d))?`;
const notMore = String.raw`(?![\w+]|\.\d)`;

export const versionPatterns: ReadonlyArray<{
  pattern: RegExp;
  toValue: (match: RegExpMatchArray) => string | null;
  needsContext?: boolean;
}> = [
  {
    pattern: new RegExp(
      String.raw`(?<![\w<>=~^.])(${operator})\s*(${v})${notMore}(?:\s*(?:,|&&|and)?\s*(${operator})\s*(${v})${notMore})?`,
      'g',
    ),
    toValue: (m) =>
      `${operator2(m[1]!)}${bare(m[2]!)}${m[3] !== undefined ? ` ${operator2(m[3])}${bare(m[4]!)}` : ''}`,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:between|from)\s+${versionWord}(${v})\s+(?:and|to|through|until|-|–)\s+${versionWord}(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => `>=${bare(m[1]!)} <=${bare(m[2]!)}`,
    needsContext: true,
  },
  {
    pattern: new RegExp(
      String.raw`(?:\b(?:versions?|releases?)[ \t]*\**[ \t]*[:#]?[ \t]*\**[ \t]*|(?<![\w.+-]))(${v})\s*(?:-|–|to|through)\s*(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => `>=${bare(m[1]!)} <=${bare(m[2]!)}`,
    needsContext: true,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:before|prior\s+to|older\s+than|earlier\s+than|lower\s+than|below)\s+${versionWord}(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => `<${bare(m[1]!)}`,
    needsContext: true,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:up\s+to(?:\s+and\s+including)?|through)\s+${versionWord}(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => `<=${bare(m[1]!)}`,
    needsContext: true,
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\w.+-])(${v})\s+(?:and|or|&)\s+(earlier|below|older|prior|lower|before|later|above|newer|higher|up|greater|onwards?)\b`,
      'gi',
    ),
    toValue: (m) =>
      `${/^(?:earlier|below|older|prior|lower|before)$/i.test(m[2]!) ? '<=' : '>='}${bare(m[1]!)}`,
    needsContext: true,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:since|starting\s+(?:with|from|at|in)|introduced\s+in)\s+${versionWord}(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => `>=${bare(m[1]!)}`,
    needsContext: true,
  },
  {
    pattern: /(?<![\w./-])v?(\d{1,6}(?:\.\d{1,6}){0,2}\.[xX*])(?![\w.])/g,
    toValue: (m) => m[1]!.replace(/[X*]$/, 'x'),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:versions?|ver\.?|release|tag(?:ged)?)[ \t]*\**[ \t]*[:#]?[ \t]*\**[ \t]*(${v})${notMore}`,
      'gi',
    ),
    toValue: (m) => bare(m[1]!),
  },
  {
    pattern: /(?<![\w./-])v(\d{1,6}(?:\.\d{1,6}){1,3}(?:-[A-Za-z]\w*(?:\.\w+)*)?)(?![\w+]|\.\d)/g,
    toValue: (m) => m[1]!,
  },
  {
    // A release named as one: "the 4.10 release", "the 2.4 tag", "the 1.9.2 tarball".
    pattern: /(?<![\w./:@#-])v?(\d{1,6}(?:\.\d{1,6}){1,3})(?=[ \t]+(?:release|tag|tarball)\b)/gi,
    toValue: (m) => m[1]!,
  },
  {
    // A bare x.y.z; checked against the word before it, so "Python 3.11.4" is not taken.
    pattern:
      /(?<![\w./:@#-])(\d{1,6}\.\d{1,6}\.\d{1,6}(?:p\d{1,3}(?![A-Za-z]))?(?:-[A-Za-z]\w*(?:\.\w+)*)?)(?![\w+]|\.\d|\/[A-Za-z])/g,
    toValue: (m) => bare(m[1]!),
  },
];

/**
 * Per pattern, the literals every match holds ("between", "before", "since"...), as
 * findRequiredLiterals reads them from its source (extract-version-facts.test.ts checks they are
 * current; reading them on every start would cost more than it saves). A window without them is
 * not searched with that pattern, so a report's first run does not compile the regexes of
 * wordings it does not use.
 */
export const versionPatternLiterals: RequiredLiterals[] = [
  [],
  [['between ', 'from ']],
  [],
  [['before ', 'below ', 'earlier than ', 'lower than ', 'older than ', 'prior to ']],
  [['through ', 'up to ']],
  [[' & ', ' and ', ' or ']],
  [
    [
      'introduced in ',
      'since ',
      'starting at ',
      'starting from ',
      'starting in ',
      'starting with ',
    ],
  ],
  [],
  [['release', 'tag', 'ver']],
  [],
  [],
  [],
];

// In an affected-version section any dotted number is a version: "2.4" alone on a line counts.
const sectionVersionPattern =
  /(?<![\w./:@#-])(\d{1,6}(?:\.\d{1,6}){1,3}(?:p\d{1,3}(?![A-Za-z]))?(?:-[A-Za-z]\w*(?:\.\w+)*)?)(?![\w+]|\.\d|\/[A-Za-z])/g;

const contextWords =
  /\b(?:versions?|releases?|affect\w*|vulnerable|fixed|patched|introduced|regression|tinyhttpd|v\d)\b/i;
// Tools, platforms and dependencies whose versions are not the project's (language runtimes and
// toolchains among them: "Swift 6.1.2", "Elixir 1.18.4", "OTP 27"); the build tools and
// scanners of a dependency report among them ("dependency-check-maven 12.1.0", "Gradle 8.10").
const foreignProducts = String.raw`python|py|node(?:js)?|swift|swiftc|elixir|erlang|otp|erts|ubuntu|debian|fedora|centos|rhel|alpine|gcc|clang|llvm|go|golang|rustc|rust|cargo|java|jdk|openjdk|npm|yarn|pnpm|pip|macos|osx|windows|win|linux|kernel|chrome|chromium|firefox|safari|edge|glibc|musl|openssl|libressl|cmake|make|docker|kubernetes|xcode|android|ios|ruby|php|perl|curl|nginx|apache|bash|zsh|cvss|score|ip|address|http|tls|ssl|rfc|maven|mvn|gradle|sbt|dependency-check(?:-maven|-gradle|-cli)?|trivy|grype|snyk|syft|osv-scanner|net|framework|dotnet|mono|netcoreapp|netstandard|kotlin|jre|jvm|temurin|corretto|graalvm|nuget|msbuild|iis`;
const foreignBefore = new RegExp(String.raw`\b(?:${foreignProducts})\s*$`, 'i');
// The same products, named right before the version with no other word between.
const foreignRightBefore = new RegExp(String.raw`(?:^|[\s,;(])(?:${foreignProducts})[ \t]+$`, 'i');
// A unit ends where the word ends in any script: "3.3.1 só" (Portuguese "only") is no "s".
const unitAfter =
  /^\s*(?:%|(?:ms|s|secs?|seconds?|minutes?|hours?|days?|[kmgt]i?b|bytes?|times|x|\/\s*10|points?|percent)(?![\p{L}\p{N}_]))/iu;

function bare(version: string): string {
  return version.replace(/^[vV]/, '').replace(/^(\d[\d.]*\d)p\d{1,3}/, '$1');
}

function operator2(op: string): string {
  if (op === '≤' || op === '=<') return '<=';
  if (op === '≥' || op === '=>') return '>=';
  return op;
}

function looksLikeDate(version: string): boolean {
  const parts = version.split(/[.-]/);
  return parts.some((part) => /^(?:19|20)\d\d$/.test(part));
}

// Numbers of a specification, not versions: "RFC 9112 Section 7.1.1", "XML 1.0", "TLS 1.3", the
// protocol version of an SSH banner ("SSH-2.0-OpenSSH_9.6p1").
const specificationBefore =
  /\b(?:sections?|sect\.|§|chapters?|clauses?|paragraphs?|appendix|annex|rfc\s*\d+(?:\s*,)?|xml|html|unicode|utf|ecma(?:script)?|iso(?:\/iec)?\s*\d*|ieee|posix|oauth|jwt|saml)\s*$|(?<![\w-])SSH-$/i;

function isFalseVersion(
  text: string,
  candidate: Candidate,
  isInSection: boolean,
  projectNames: readonly string[],
): boolean {
  const before = text.slice(Math.max(0, candidate.start - 24), candidate.start);
  if (/\b(?:cvss|score)\b[^\n]{0,16}$/i.test(before)) return true;
  if (unitAfter.test(text.slice(candidate.end, candidate.end + 12))) return true;
  if (text[candidate.start] === '>' && /(?:^|\n)[ \t]*$/.test(before)) return true; // a blockquote
  if (looksLikeDate(candidate.value)) return true;
  if (specificationBefore.test(before)) return true;
  if (isOtherLockfileEntry(text, candidate, projectNames)) return true;
  if (isOtherTreeEntry(text, candidate, projectNames)) return true;
  if (isNameDigitLine(before, candidate.value, projectNames)) return true;
  if (isAuditRangeLine(text, candidate)) return true;
  // A range worded before its version ("before 2.5.0", ">= 2.5") has no product right before the
  // number; one worded after it ("Python 3.6 and later") does, and is that product's.
  if (!/^\d/.test(candidate.value) && !/^\d/.test(text.slice(candidate.start, candidate.start + 1)))
    return false;
  // In an affected-version section any dotted number counts, except one that another product's
  // name introduces ("Version: OpenSSH_9.9p1, OpenSSL 3.0.13"): that is a dependency's.
  if (isInSection)
    return foreignRightBefore.test(before) && !namesProjectBefore(before, projectNames);
  if (isToolUsedWith(before, projectNames)) return true;
  return foreignBefore.test(before) && !namesProjectBefore(before, projectNames);
}

// npm audit's finding: the package and the advisory's vulnerable range on one line
// (`sanitize-html  <2.3.1`, `tar  6.0.0 - 6.1.8`), then `Severity: moderate` on the next. The range
// is the advisory's, not the version the reporter runs.
const auditPackageLine = /^[ \t]{0,12}@?[\w.-]{1,60}(?:\/[\w.-]{1,60})?[ \t]{2,12}\S[^\n]{0,80}$/;
const auditSeverityLine = /^[ \t]{0,12}Severity:[ \t]{0,4}(?:low|moderate|high|critical)\b/i;

const maxAuditLineLength = 160;

function isAuditRangeLine(text: string, candidate: Candidate): boolean {
  // Both ends looked for within the line's longest length, so a long line costs nothing more.
  const from = Math.max(0, candidate.start - maxAuditLineLength);
  const newlineBefore = text.slice(from, candidate.start).lastIndexOf('\n');
  if (newlineBefore === -1 && from > 0) return false;
  const lineStart = newlineBefore === -1 ? 0 : from + newlineBefore + 1;
  const lineEnd = text.indexOf('\n', candidate.start);
  if (lineEnd === -1 || lineEnd - lineStart > maxAuditLineLength) return false;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const next = text.slice(
    lineEnd + 1,
    nextEnd === -1 ? Math.min(text.length, lineEnd + 120) : nextEnd,
  );
  return auditPackageLine.test(text.slice(lineStart, lineEnd)) && auditSeverityLine.test(next);
}

// A lockfile's or `gem list`'s entry, a package name and its version or constraint in
// parentheses on a line of its own (Bundler's Gemfile.lock: `    rack (>= 3.0.0, < 4)`,
// `    sinatra (4.1.1)`): the version is that package's, the project's only when it is named.
const lockfileEntryBefore =
  /(?:^|\n)[ \t]{0,12}([A-Za-z][\w.-]{0,60})[ \t]\((?:[=<>!~]{1,2}[ \t]?)?$/;

// The parentheses close the line with nothing but more constraints: `(>= 3.0.0, < 4)`, never
// "ASan (2.4.1, clang 19):", a build note.
const lockfileEntryAfter =
  /^(?:,[ \t]{0,4}(?:[=<>!~]{1,2}[ \t]{0,4})?\d[\w.]{0,20}){0,4}\)[ \t]*(?:\r?\n|$)/;

function isOtherLockfileEntry(
  text: string,
  candidate: Candidate,
  projectNames: readonly string[],
): boolean {
  const entry = lockfileEntryBefore.exec(
    text.slice(Math.max(0, candidate.start - 80), candidate.start),
  );
  if (entry === null || namesProject(entry[1]!, projectNames)) return false;
  return lockfileEntryAfter.test(text.slice(candidate.end, candidate.end + 120));
}

// "Apache Log4j 2.x" for the project log4j2: the major line the project's own name ends in is the
// project, not a release of it (a release is "Log4j 2.17.1").
const nameBeforeLine = /(?:^|[^\w.-])([A-Za-z][\w.-]{0,40})[ \t]$/;

function isNameDigitLine(before: string, value: string, projectNames: readonly string[]): boolean {
  const line = /^(\d{1,3})\.x$/i.exec(value);
  const name = nameBeforeLine.exec(before);
  if (line === null || name === null) return false;
  return projectNames.includes(`${name[1]!}${line[1]!}`.toLowerCase());
}

// A dependency tree's line (`└── bastion-gw 2.3.1` from cargo tree or cargo audit, `├── serde
// v1.0.219`, `+-- lodash@4.17.21` from npm ls): the version is the package's on that line, the
// project's only when it names it.
const treeEntryBefore =
  /(?:^|\n)[ \t]{0,40}(?:[│|][ \t]{1,4}){0,12}(?:└──|├──|└─|├─|`--|\|--|\+--)[ \t]{0,2}(@?[\w.-]{1,60}(?:\/[\w.-]{1,60})?)(?:[ \t]{1,4}v?|@v?)$/;

function isOtherTreeEntry(
  text: string,
  candidate: Candidate,
  projectNames: readonly string[],
): boolean {
  const entry = treeEntryBefore.exec(
    text.slice(Math.max(0, candidate.start - 120), candidate.start),
  );
  return entry !== null && !namesProject(entry[1]!, projectNames);
}

// "tested with Wireshark 4.2.6", "built using Meson 1.3.0": a product the reporter used, named
// right before its version after "with" or "using", is another product unless it is the project.
const toolUsedWith = /\b(?:with|using)[ \t]+([A-Za-z][\w+-]{1,30})[ \t]+v?$/i;
const notProduct =
  /^(?:versions?|releases?|tags?|commits?|builds?|the|a|an|its|our|my|latest|current|stable|master|main|dev|head|tip|branch|snapshot|only|just|both|at|on|in|and|or)$/i;

function isToolUsedWith(before: string, projectNames: readonly string[]): boolean {
  const match = toolUsedWith.exec(before);
  if (match === null) return false;
  const word = match[1]!;
  return !notProduct.test(word) && !namesProject(word, projectNames);
}

/** Whether the word right before a version is the project's own name ("Node.js 24.1.0"). */
function namesProjectBefore(before: string, projectNames: readonly string[]): boolean {
  const lower = before.toLowerCase().trimEnd();
  return projectNames.some((name) => {
    if (!lower.endsWith(name)) return false;
    const previous = lower[lower.length - name.length - 1];
    return previous === undefined || !/[a-z0-9]/.test(previous);
  });
}

// `Apache Tomcat/11.0.5`, `jq-1.7.1`, `expat_2.6.2`, `curl 8.5.0 (x86_64...)`, `OpenSSH 9.9p1`:
// a banner names the product right before its version. A pre-release suffix has no `_`, so the
// protocol part of `SSH-2.0-OpenSSH_9.6p1` does not swallow the product's own banner.
const bannerPattern =
  /(?<![\w.])([A-Za-z][\w+.]{0,30}(?:[ \t][A-Za-z][\w+.]{0,30})?)(?:[/_-]|[ \t]+v?(?=\d[\d.]*(?:p\d{1,3})?[ \t]*\()|[ \t]+(?=\d{1,4}\.\d{1,4}p\d))v?(\d{1,4}\.\d{1,4}(?:\.\d{1,6}){0,2}(?:p\d{1,3})?(?:-[A-Za-z][A-Za-z0-9.]*)?)(?![\w]|\.\d)/g;

// A banner names the project, so only the text around each mention of a project name is searched:
// the banner pattern costs little there and nothing in reports that never name the project.
const bannerWindowBefore = 64;
const bannerWindowAfter = 48;

function findBannerWindows(text: string, projectNames: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const windows: Array<[number, number]> = [];
  for (const name of projectNames) {
    const word = name.split(/\s+/).pop() ?? name;
    if (word === '') continue;
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      windows.push([
        Math.max(0, at - bannerWindowBefore),
        Math.min(text.length, at + word.length + bannerWindowAfter),
      ]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  return merged;
}

function findBanners(text: string, projectNames: readonly string[]): Candidate[] {
  if (projectNames.length === 0) return [];
  const found: Candidate[] = [];
  for (const [from, to] of findBannerWindows(text, projectNames)) {
    for (const banner of findBannersIn(text.slice(from, to), projectNames)) {
      found.push({ ...banner, start: banner.start + from, end: banner.end + from });
    }
  }
  return found;
}

// A Go module requirement names the project's module and its version on one line (go.mod's
// `require github.com/org/proj/v2 v2.10.7`, `go get github.com/org/proj/v2@v2.10.7`): the module
// path's last element, without its `/vN` major suffix, is the project's name.
const goModuleRequirement =
  /(?<![\w./-])(?:[\w.-]{1,60}\/){1,4}(?!v\d{1,3}[ \t@])([\w.-]{1,60}?)(?:\/v\d{1,3})?(?:[ \t]{1,8}|@)v(\d{1,4}\.\d{1,4}\.\d{1,6}(?:-[A-Za-z][A-Za-z0-9.]{0,30})?)(?![\w.])/g;

// The project named in prose (not code) right before a release of two or more parts: "nDPI 4.10 and dev",
// "we run libndpi 4.10", "GateProxy 2.3 is affected". Only the project's own name (or its `lib`
// form) counts, so "Wireshark 4.2" or "clang 18.1" is never read here.
// A pre-release may be tagged with `_` (OpenVPN's "2.7_beta1", "2.6_rc2"); it is read as `-beta1`.
const namedRelease =
  /(?<![\w.])([A-Za-z][\w+.-]{0,30})[ \t]v?(\d{1,4}\.\d{1,4}(?:\.\d{1,6}){0,2}(?:[-_][A-Za-z][A-Za-z0-9.]{0,30})?)(?![\w]|\.\d)/g;

function namesProject(product: string, projectNames: readonly string[]): boolean {
  const word = product.toLowerCase();
  return projectNames.some((name) => word === name || word === `lib${name}`);
}

function findBannersIn(text: string, projectNames: readonly string[]): Candidate[] {
  const found: Candidate[] = [];

  forEachMatch(goModuleRequirement, text, (match) => {
    const element = match[1]!.toLowerCase();
    if (!projectNames.some((name) => element === name || element === name.replace(/\s+/g, '-')))
      return;
    const end = match.index + match[0].length;
    found.push({ value: bare(match[2]!), start: end - match[2]!.length - 1, end });
  });
  forEachMatch(bannerPattern, text, (match) => {
    const product = match[1]!.toLowerCase();
    const isProject = projectNames.some(
      (name) =>
        product === name || product.endsWith(` ${name}`) || product === name.replace(/\s+/g, ''),
    );
    if (!isProject) return;
    const start = match.index + match[0].length - match[2]!.length;
    found.push({ value: bare(match[2]!), start, end: match.index + match[0].length });
  });
  return found;
}

// Whether a version is named as NOT affected: "9.0.102 and 10.1.39: they are not affected",
// "fixed in 2.4.2" (also as a table row, `| fixed in | 2.4.2 |`), "released as 2.3.1",
// "backport to 2.3.1", "the 2.x protocol", "upgrade to 5.2.6", "move it to 4.x", "move this
// service to 1.23.x", a release asked
// for ("could you publish a 3.10.7", "do you plan a 0.13.x release"), "the 5.x series is fine", or as an upgrade target asked
// about: "is moving to 9.8p1 enough, or do we need to go to 9.9p1?", "do we need 2.x?". Decided within the clause (a
// sentence, or the part of it after "while", "but", "whereas"); a clause that also says
// "affected" or "vulnerable" without a denial keeps its versions.
const fixedRightBefore =
  /\b(?:fixed|patched|resolved|corrected|addressed)\s+(?:it\s+)?(?:in|since|as\s+of|with|by)\s+(?:version\s+|release\s+|[A-Za-z][\w.+]{0,30}[ \t_/-])?$|\breleased?\s+as\s+(?:version\s+|a\s+)?$|\b(?:upgrad\w*|updat\w*|mov\w*|bump\w*|go|going|jump\w*|switch\w*|migrat\w*|port\w*)\s+(?:(?:it|them|(?:this|that|the|our|my)\s+(?:component|service|application|app|module|code|project|system|deployment|product)|this|that)\s+)?(?:straight\s+|directly\s+)?to\s+(?:version\s+|release\s+|[A-Za-z][\w.+]{0,30}[ \t_/-])?$/i;
// A release asked for, on a line the reporter names: "could you publish a 3.10.7", "do you plan a
// 0.13.x release", "please backport the fix to 2.3.1", and in the other languages reports arrive in
// ("publicar uma versão 3.3.1", "publier une 1.4.3", "lanzar una 2.0.5"; German names the verb
// after the version: "eine 1.7.2 veröffentlichen").
const releaseAskedBefore =
  /\b(?:publish\w*|releas\w*|ship\w*|cut\w*|plan\w*|provid\w*|issu\w*)\s+(?:a|an)\s+(?:new\s+|patched\s+|fixed\s+)?(?:version\s+|release\s+)?$|\bbackport\w{0,4}\s+(?:it\s+|the\s+fix\s+)?(?:to|into|as|for)\s+(?:version\s+|release\s+)?$|(?:^|[^\p{L}])(?:publicar|lançar|lanzar|publier|sortir)[ \t]{1,4}(?:uma|una|un|une)(?:[ \t]{1,4}(?:nova|nueva|nouvelle))?[ \t]{1,4}(?:(?:o|a|el|la|le|l')[ \t]{0,4})?(?:versão[ \t]{1,4}|versión[ \t]{1,4}|version[ \t]{1,4})?$/iu;
const releaseAskedAfter =
  /^[ \t]{1,4}(?:zu[ \t]{1,4})?(?:veröffentlichen|herausbringen|bereitstellen)(?![\p{L}])/iu;
// The later members of a list of upgrade targets, each quoted as a constraint the way Bundler and
// bundler-audit write them ("Solution: upgrade to '~> 5.6.9', '~> 6.4.3', '>= 6.5.0'"): the
// text before the version (its quote and operator too) ends in "upgrade to" and earlier members,
// also joined by "or" or "and" ("we cannot upgrade to 5.x or 6.x").
// The later members of a list of releases asked for: "could you publish a 1.27.6 or 1.20.2".
const releaseListBefore =
  /\b(?:publish\w*|releas\w*|ship\w*|cut\w*|provid\w*|issu\w*)\s+(?:a|an)\s+(?:new\s+|patched\s+|fixed\s+)?(?:version\s+|release\s+)?v?\d[\w.]{0,20}(?:\s{0,4}(?:,|or|and|\/)\s{0,4}v?\d[\w.]{0,20}){0,4}\s{0,4}(?:,|or|and|\/)\s{0,4}$/i;
const upgradeListBefore =
  /\b(?:upgrad|updat|mov|migrat|switch|bump)(?:e|es|ed|ing)?[ \t]to[ \t](?:["'`]?(?:(?:~>|[<>]=?|\^)[ \t]?)?\d[\w.]{0,20}["'`]?(?:,[ \t]?|[ \t](?:or|and)[ \t]))*["'`]?(?:(?:~>|[<>]=?|\^)[ \t]?)?$/i;
// An upgrade target asked about, not a version in use: "or do we need 2.x?", "is 9.8p1 enough?".
// This and the gated patterns below are tried only on text that holds their literals (a test
// checks them): most versions are named with none of these words around them.
export const upgradeQuestionBefore: GatedPattern = {
  pattern:
    /\b(?:do|would|will|should|must)\s+(?:we|I|you|they|one|users)\s+(?:really\s+)?(?:need|require|have\s+to\s+(?:use|run|install))\s+(?:the\s+)?(?:version\s+|release\s+)?$/i,
  required: [
    [
      'do i ',
      'do one ',
      'do they ',
      'do users ',
      'do we ',
      'do you ',
      'must i ',
      'must one ',
      'must they ',
      'must users ',
      'must we ',
      'must you ',
      'should i ',
      'should one ',
      'should they ',
      'should users ',
      'should we ',
      'should you ',
      'will i ',
      'will one ',
      'will they ',
      'will users ',
      'will we ',
      'will you ',
      'would i ',
      'would one ',
      'would they ',
      'would users ',
      'would we ',
      'would you ',
    ],
    ['have to install ', 'have to run ', 'have to use ', 'need ', 'require '],
  ],
};
// "is 9.8p1 enough?", "is 3.1.5 the fixed release?", "is 7.4.1 the release that fixes this?"
export const upgradeQuestionAfter: GatedPattern = {
  pattern:
    /^(?:\s+(?:series|line|branch|release|package))?\s+(?:enough|sufficient|(?:is|be|would\s+be)\s+(?:enough|sufficient)|the\s+(?:fixed|patched)\s+(?:release|version)|the\s+(?:release|version)\s+(?:that|which)\s+fix(?:es)?)\b/i,
  required: [
    [
      'enough',
      'sufficient',
      'the fixed release',
      'the fixed version',
      'the patched release',
      'the patched version',
      'the release that fix',
      'the release which fix',
      'the version that fix',
      'the version which fix',
    ],
  ],
};
const deniedInClause =
  /\b(?:(?:is|are|was|were|seems?|seem|appears?|looks?)\s+(?:not|no\s+longer)|(?:is|are|was|were)n't|not|no\s+longer)\s+(?:\w+\s+)?(?:affected|vulnerable|impacted|reproducible|exploitable)\b|\bunaffected\b|\b(?:is|are|was|were)\s+not\s*$|\b(?:is|are|was|were)\s+(?:fine|safe|ok|okay|clean)\b|\bworks?\s+(?:fine|correctly|as\s+expected)\b|\b(?:contains?|includes?|ships?|has)\s+the\s+fix\b|\bcannot\s+reproduce\b|\bcould\s+not\s+reproduce\b|\b(?:do(?:es)?n't|do(?:es)?\s+not|did(?:n't|\s+not))\s+(?:have|show|exhibit|reproduce)\s+(?:the|this|that|it)\b|\bthe\s+(?:problem|issue|bug|crash|leak)\s+(?:is|was)\s+(?:gone|fixed|absent)\b/i;
const clauseBreak = /[.!?;](?:\s|$)|\n\s*\n|\b(?:while|whereas|but|however|although)\b/gi;

function findClause(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 160);
  const to = Math.min(text.length, end + 160);
  let clauseStart = from;
  let clauseEnd = to;
  forEachMatch(clauseBreak, text.slice(from, to), (match) => {
    const at = from + match.index;
    if (at + match[0].length <= start) clauseStart = at + match[0].length;
    else if (at >= end && clauseEnd === to) clauseEnd = at;
  });
  return text.slice(clauseStart, clauseEnd);
}

// A scanner's or an advisory's fix named with a label, not a version in use: "patched version:
// 3.1.3", "first patched version 2.0.1", "Fixed versions: >= 4.2". The label may open the
// candidate itself ("version: 3.1.3" is read as one), so the words up to its first digit count.
export const fixLabelBefore: GatedPattern = {
  pattern:
    /\b(?:first\s)?(?:patched|fixed|fix)\s(?:versions?|releases?)(?:\s?[:=]|\s(?:is|are))?(?:\s?>=?)?\s?["'`]?\s?$/i,
  required: [
    [
      'fix release',
      'fix version',
      'fixed release',
      'fixed version',
      'patched release',
      'patched version',
    ],
  ],
};

// The reporter's input does not reproduce on that version: "the input does not crash 2.0.20",
// "it never triggers on 3.1", "2.0.20 does not crash on it", "... doesn't hang with 1.4.2".
const crashDenial = String.raw`(?:do(?:es)?n['’]t|do(?:es)?\s+not|did(?:n['’]t|\s+not)|never|no\s+longer)\s+(?:crash|hang|abort|trigger|reproduce|fail|segfault)(?:e?s|ed)?`;
export const crashDeniedRightBefore: GatedPattern = {
  pattern: new RegExp(
    String.raw`\b${crashDenial}\s+(?:(?:on|in|with|under|against)\s+)?(?:(?:the\s+)?[A-Za-z][\w+-]{0,30}\s+)?(?:version\s+|release\s+)?$`,
    'i',
  ),
  required: [
    ['did', 'do not', 'does not', 'doesn', 'don', 'never', 'no longer'],
    [
      ' abort ',
      ' aborted ',
      ' abortes ',
      ' aborts ',
      ' crash ',
      ' crashed ',
      ' crashes ',
      ' crashs ',
      ' fail ',
      ' failed ',
      ' failes ',
      ' fails ',
      ' hang ',
      ' hanged ',
      ' hanges ',
      ' hangs ',
      ' reproduce ',
      ' reproduceed ',
      ' reproducees ',
      ' reproduces ',
      ' segfault ',
      ' segfaulted ',
      ' segfaultes ',
      ' segfaults ',
      ' trigger ',
      ' triggered ',
      ' triggeres ',
      ' triggers ',
    ],
  ],
};
export const crashDeniedRightAfter: GatedPattern = {
  pattern: new RegExp(String.raw`^\)?\s{1,4}${crashDenial}\b`, 'i'),
  required: [
    ['did', 'do not', 'does not', 'doesn', 'don', 'never', 'no longer'],
    [' abort', ' crash', ' fail', ' hang', ' reproduce', ' segfault', ' trigger'],
  ],
};
// A clause that says the input does not crash, and says nothing crashes, denies every version in
// it: "the 2.0 retain code is a rewrite and the input does not crash 2.0.20". A clause that also
// says something does crash ("1.6.15 aborts, and it never triggers on 2.0.1") keeps the others.
export const crashDeniedAnywhere: GatedPattern = {
  pattern: new RegExp(String.raw`\b${crashDenial}\b`, 'gi'),
  required: [
    ['did', 'do not', 'does not', 'doesn', 'don', 'never', 'no longer'],
    [' abort', ' crash', ' fail', ' hang', ' reproduce', ' segfault', ' trigger'],
  ],
};
// Only words that say the program failed: "to reproduce" and "to trigger" open reproduction steps.
const crashAffirmed = /\b(?:crash|hang|abort|segfault)(?:e?s|ed)?\b/i;

function isCrashDeniedClause(clause: string): boolean {
  if (!mayMatchIn(clause, crashDeniedAnywhere)) return false;
  const rest = clause.replace(crashDeniedAnywhere.pattern, ' ');
  return rest.length < clause.length && !crashAffirmed.test(rest);
}

/** `gated.pattern.test(text)` (a pattern without the g flag), skipped when the text lacks its literals. */
function matchesGated(text: string, gated: GatedPattern, foldedText?: string): boolean {
  return mayMatchIn(text, gated, foldedText) && gated.pattern.test(text);
}

// A table cell's border before the version: the label is the row's first cell (`| fixed in |
// 2.4.0 |`, `| Patched versions | >= 4.2.1 |`), read as if written "fixed in 2.4.0".
const cellBorderAtEnd = /[ \t]{0,8}\|[ \t]{0,8}$/;
// A protocol's revision, not a release of the product: "pinned to the 2.x protocol", "v4
// protocol".
const protocolRightAfter = /^[ \t]{1,4}protocol\b/i;
// A range of fixes, not of affected versions: "one more 0.21.x release with all security fixes
// since 0.21.11", "the changes since 2.3".
// The same upgrade targets in Portuguese, Spanish, Italian and French ("migrar para o 2.x", "não
// podemos subir para 1.15.x", "aggiornare alla 2.0", "actualizar a la 3.0", "migrer vers la 5.x")
// and in German, where the verb follows the version ("auf 2.x migrieren").
const otherLanguageTargetBefore =
  /(?:^|[^\p{L}])(?:(?:migrar|atualizar|actualizar|passar|mudar|pasar|subir|aggiornare|passare|migrare)[ \t]{1,4}(?:para|a|alla|al)|(?:migrer|passer|mettre[ \t]{1,4}à[ \t]{1,4}jour)[ \t]{1,4}(?:vers|à|en))[ \t]{1,4}(?:(?:o|a|el|la|le|l')[ \t]{0,4})?(?:versão[ \t]{1,4}|versión[ \t]{1,4}|version[ \t]{1,4})?$/iu;
const germanTargetAfter =
  /^[ \t]{1,4}(?:zu[ \t]{1,4})?(?:migrieren|aktualisieren|umsteigen|wechseln|updaten|upgraden)(?![\p{L}])/iu;
// Every release a fix is named as shipped in, the later members of a list too ("fixed in 1.2.8,
// 1.3.3 and 1.4.0-rc.3", "the fix shipped in 2.1.4 or 2.2.0"), and in the other languages reports
// arrive in ("la corrección salió en 1.2.8, 1.3.3 y 1.4.0", "corrigido em 2.1.4", "corrigé dans
// la 3.2.1", "corretto in 4.0.2", "behoben in 5.1.0"): releases that have the fix, not ones in use.
const fixedListBefore =
  /(?:\b(?:fixed|patched|resolved|corrected|addressed)\s(?:it\s)?(?:in|with|by)|\bfix(?:es)?\s(?:shipped|landed|went\sout|was\sreleased|came\sout)\sin|(?:corregid|arreglad|solucionad|corrigid|resolvid)[oa]s?\s(?:en|em|no|na)|\b(?:corrett|risolt)[oaie]\s(?:in|nella|nelle)|\bcorrigée?s?\s(?:dans|en)|\bbehoben\sin|(?:corrección|correção|correction|correzione)\s(?:salió|saiu|est\ssortie|è\suscita|llegó|chegou)\s(?:en|em|dans|in))\s(?:la\s|version\s|versión\s|versão\s|release\s)?(?:v?\d[\w.+-]{0,20}(?:,\s?|\s(?:and|or|y|e|et|und|ou|o)\s))*$/iu;
// German names the fix after the releases: "in 1.2.8, 1.3.3 und 1.4.0 behoben".
const fixedListAfter =
  /^(?:(?:,\s?|\s(?:und|oder)\s)v?\d[\w.+-]{0,20})*\s(?:behoben|gefixt|korrigiert)(?![\p{L}])/iu;
/** Whether the version right after `before` (and before `after`) is a release the reporter asks for. */
function isReleaseAsked(before: string, after: string): boolean {
  return (
    releaseAskedBefore.test(before) ||
    releaseListBefore.test(before) ||
    releaseAskedAfter.test(after)
  );
}

const fixesSinceBefore =
  /\b(?:fix(?:es)?|patch(?:es)?|changes|commits|backports)[ \t]{1,4}since[ \t]{1,4}(?:version[ \t]{1,4})?$/i;

// The release whose API changed, the reason the reporter has not moved to it: "because the 3.x
// API changed", "porque la API de la 3.x cambió", "weil sich die API von 3.x geändert hat".
const apiOfBefore =
  /\b(?:API|interface)[ \t]{1,4}(?:of|de|del|della|di|du|der|von|da|do)[ \t]{1,4}(?:(?:the|la|el|le|il|die|a|o|l')[ \t]{0,4})?$/iu;
const changedRightAfter =
  /^[ \t]{1,4}(?:(?:has|have)[ \t]{1,4})?(?:changed|broke|cambió|cambio|ha[ \t]{1,4}cambiado|a[ \t]{1,4}changé|è[ \t]{1,4}cambiata|é[ \t]{1,4}cambiata|mudou|geändert|hat[ \t]{1,4}sich[ \t]{1,4}geändert)(?![\p{L}])/iu;
const apiChangedRightAfter =
  /^[ \t]{1,4}(?:API|interface)[ \t]{1,4}(?:(?:has|have)[ \t]{1,4})?(?:changed|broke|is[ \t]{1,4}different)\b/i;

function isNamedUnaffected(text: string, candidate: Candidate): boolean {
  const before = text
    .slice(Math.max(0, candidate.start - 48), candidate.start)
    .replace(cellBorderAtEnd, ' ');
  const after = text.slice(candidate.end, candidate.end + 40);
  if (protocolRightAfter.test(after)) return true;
  const foldedBefore = foldTextForLiterals(before);
  const foldedAfter = foldTextForLiterals(after);
  if (fixedRightBefore.test(before) || matchesGated(before, upgradeQuestionBefore, foldedBefore))
    return true;
  if (fixedListBefore.test(before) || fixedListAfter.test(after)) return true;
  if (upgradeListBefore.test(before) || isReleaseAsked(before, after)) return true;
  if (matchesGated(before, crashDeniedRightBefore, foldedBefore)) return true;
  if (matchesGated(after, crashDeniedRightAfter, foldedAfter)) return true;
  const lead = before + text.slice(candidate.start, candidate.end).replace(/\d[\s\S]*$/, '');
  if (matchesGated(lead, fixLabelBefore) || fixesSinceBefore.test(lead)) return true;
  if (otherLanguageTargetBefore.test(before) || germanTargetAfter.test(after)) return true;
  if (apiOfBefore.test(before) && changedRightAfter.test(after)) return true;
  if (apiChangedRightAfter.test(after)) return true;
  if (matchesGated(after, upgradeQuestionAfter, foldedAfter)) return true;
  const clause = findClause(text, candidate.start, candidate.end);
  return deniedInClause.test(clause) || isCrashDeniedClause(clause);
}

function hasContext(text: string, candidate: Candidate): boolean {
  if (/\d+\.\d+\.\d+/.test(candidate.value)) return true;
  return contextWords.test(text.slice(Math.max(0, candidate.start - 48), candidate.end + 40));
}

// Every version pattern needs a dotted number ("2.3", "2.x"); only text around one is searched.
const dottedNumber = /\d\.[\dxX*]/g;
const windowBefore = 72;
const windowAfter = 56;

function findWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  forEachMatch(dottedNumber, text, (match) => {
    let start = Math.max(0, match.index - windowBefore);
    // Start after a blank so that a pattern's lookbehind sees the same as in the whole text.
    const blank = text.slice(start, match.index).search(/\s/);
    if (blank !== -1) start += blank + 1;
    const end = Math.min(text.length, match.index + windowAfter);
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  });
  return windows;
}

// "the 4.10 release" in an environment section is the project's release, not a tool's.
const namedReleaseAt = /^v?\d{1,6}(?:\.\d{1,6}){1,3}[ \t]+(?:release|tag|tarball)\b/i;

/** The text right before a version, without a `v` that prefixes it ("GateProxy v2.10.4"). */
function leadWithoutV(text: string, start: number): string {
  const lead = text.slice(Math.max(0, start - 40), start);
  return /\sv$/i.test(lead) ? lead.slice(0, -1) : lead;
}

function findCandidates(
  sink: FactSink,
  text: string,
  projectNames: readonly string[],
): Candidate[] {
  // Banners are read in code blocks too: `xmlwf -v` prints "xmlwf using expat_2.6.2".
  const candidates: Candidate[] = [...findBanners(sink.body, projectNames)];
  for (const [from, to] of findWindows(text)) {
    const window = text.slice(from, to);
    const foldedWindow = foldTextForLiterals(window);
    for (const [index, { pattern, toValue, needsContext }] of versionPatterns.entries()) {
      if (!hasRequiredLiterals(foldedWindow, versionPatternLiterals[index]!)) continue;
      forEachMatch(pattern, window, (match) => {
        const value = toValue(match);
        if (value === null) return;
        const candidate = {
          value,
          start: from + match.index,
          end: from + match.index + match[0].length,
        };
        const field = sink.fieldAt(candidate.start);
        // An environment section lists tools, but the project's own version there ("GateProxy
        // v2.10.4 built with go1.21.5") is the one the reporter ran.
        if (
          field === 'environment' &&
          !namesProjectBefore(leadWithoutV(text, candidate.start), projectNames) &&
          !namedReleaseAt.test(text.slice(candidate.start, candidate.start + 40))
        )
          return;
        if (needsContext === true && field !== 'affected-version' && !hasContext(text, candidate))
          return;
        if (isFalseVersion(text, candidate, field === 'affected-version', projectNames)) return;
        candidates.push(candidate);
      });
    }
    forEachMatch(namedRelease, window, (match) => {
      if (!namesProject(match[1]!, projectNames)) return;
      const end = from + match.index + match[0].length;
      const start = end - match[2]!.length;
      if (candidates.some((candidate) => candidate.start === start)) return;
      candidates.push({ value: bare(match[2]!).replace('_', '-'), start, end });
    });
    forEachMatch(sectionVersionPattern, window, (match) => {
      const start = from + match.index;
      if (sink.fieldAt(start) !== 'affected-version') return;
      const candidate = { value: bare(match[1]!), start, end: start + match[0].length };
      if (!isFalseVersion(text, candidate, true, projectNames)) candidates.push(candidate);
    });
  }
  return candidates;
}

// A build banner's `git describe` tail names a build of that release (or of a commit after it),
// not a pre-release: `26.07.0-rev0-g5f1a2c9-master`, `2.4.0-12-gabc1234-dirty`, `1.2.3-dirty`.
// Read as a pre-release (26.07.0-rev0 < 26.07.0) it would fall below the release it was built
// from. A tail of anything else (`-rc1`, `-beta.2`, `-dev`) stays a pre-release.
const lastPreRelease = /^(.*\d)-([A-Za-z][\w.]*)$/;
const followingParts = /^(?:-\w+)*/;
const buildDescriptionPart = /^(?:rev\d{1,6}|\d{1,6}|g[0-9a-f]{7,40}|dirty|master|main)$/i;

/** `value` without a `git describe` tail; `after` is the text that follows it in the report. */
export function dropBuildDescription(value: string, after: string): string {
  const match = lastPreRelease.exec(value);
  if (match === null) return value;
  const parts = `${match[2]!}${followingParts.exec(after)![0]}`.split('-');
  return parts.every((part) => buildDescriptionPart.test(part)) ? match[1]! : value;
}

/**
 * The versions a report names as affected. `projectNames` (from the profile) lets banners and
 * "Node.js 24.1.0" count; versions named as fixed or not affected are left out.
 */
export function extractVersionFacts(
  sink: FactSink,
  text: string,
  projectNames: readonly string[] = [],
): void {
  // A scanner table's fix column ("FIXED-IN", "Fix Versions") names the advisory's fix.
  const fixCells = findFixColumnCells(text);
  const isAffected = (candidate: Candidate): boolean =>
    !isNamedUnaffected(text, candidate) && !isInFixColumnCell(fixCells, candidate.start);
  // A range named as the fix still swallows the bare versions inside it: "upgrade to '>= 4.2.0'"
  // names no 4.2.0 in use.
  const candidates = findCandidates(sink, text, projectNames);
  // A range swallows the bare versions inside it: "before 2.5.0" is <2.5.0, not also 2.5.0.
  // One sweep in start order (longest first) keeps this linear on version-dense input.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  let reachStart = -1;
  const affected: Candidate[] = [];
  const asked: Candidate[] = [];
  for (const candidate of candidates) {
    const isInside =
      reach > candidate.end || (reach === candidate.end && reachStart < candidate.start);
    if (!isInside) {
      if (isAffected(candidate)) {
        const value = dropBuildDescription(
          candidate.value,
          sink.body.slice(candidate.end, candidate.end + 80),
        );
        affected.push({ ...candidate, value });
      } else if (isReleaseAskedAt(text, candidate)) asked.push(candidate);
    }
    if (candidate.end > reach) {
      reach = candidate.end;
      reachStart = candidate.start;
    }
  }
  const inUse = keepBackportLines(affected, asked, (candidate) =>
    affirmedInClause.test(findClause(text, candidate.start, candidate.end)),
  );
  for (const candidate of inUse)
    sink.add('version', candidate.value, candidate.start, candidate.end);
}

function isReleaseAskedAt(text: string, candidate: Candidate): boolean {
  const before = text
    .slice(Math.max(0, candidate.start - 48), candidate.start)
    .replace(cellBorderAtEnd, ' ');
  return isReleaseAsked(before, text.slice(candidate.end, candidate.end + 40));
}

// A clause that says a version is affected ("6.28.0 is affected too", "reproduces on 3.1.0"),
// in the languages reports arrive in.
const affirmedInClause =
  /\b(?:affect|vulnerab|reprodu|exploitab|crash|betroffen|afetad|afectad|affett)/i;

// A dependency scanner's row in a pasted block: the package, the version installed, then the
// advisory's id (pip-audit's `uvicorn 0.11.5  PYSEC-2020-150 0.11.7`, the same shape with `|` or
// `│` between the cells). The installed version is the one in use; a later fix column is not.
const scannerRow =
  /^[ \t|│]{0,8}([A-Za-z][\w.-]{0,60})[ \t|│]{1,12}v?(\d{1,4}\.\d{1,4}(?:\.\d{1,6}){0,2}(?:-[A-Za-z][\w.]{0,20})?)[ \t|│]{1,12}(?:PYSEC|GHSA|CVE|GO|RUSTSEC|OSV|PYUP|GMS|SNYK)-[\w-]{2,40}/gim;

/**
 * The versions of the project a dependency scanner's table lists as installed, in the report's
 * code blocks (`blocks`): a row naming the project (`projectNames`), a version and an advisory id.
 */
export function extractScannerRowVersions(
  sink: FactSink,
  body: string,
  blocks: readonly CodeBlock[],
  projectNames: readonly string[],
): void {
  if (projectNames.length === 0) return;
  for (const block of blocks) {
    const content = body.slice(block.contentStart, block.contentEnd);
    forEachMatch(scannerRow, content, (match) => {
      if (!namesProject(match[1]!, projectNames)) return;
      const start =
        block.contentStart + match.index + match[0].indexOf(match[2]!, match[1]!.length);
      sink.add('version', match[2]!, start, start + match[2]!.length);
    });
  }
}
