// The technical tokens a report names that no finder translates or rephrases: protocol constants
// (`WINDOW_UPDATE`, `EXT_INFO`), settings, directives and flags (`permitted_hosts`,
// `--ping-user-agent`, `server-sig-algs`), class and method names (`ArrayAccess`, `offsetGet`),
// endpoints and query parameters (`/oauth2/start`, `rd=`) and crafted literals (`%09`, `+44`).
// A second finder who describes the bug in other words, or another language, still names these.

/**
 * Protocol constants and upper-case identifiers joined by underscores (`RST_STREAM`, `EXT_INFO`,
 * and long ones: `VM2_INTERNAL_STATE_DO_NOT_USE_OR_PROGRAM_WILL_FAIL`).
 */
const upperSnakePattern = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,12}\b/g;
/** Settings and directives joined by underscores (`permitted_hosts`, `auth_request`). */
const lowerSnakePattern = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+){1,12}\b/g;
/**
 * Identifiers joined by underscores in mixed case, a C library's prefixed API
 * (`cJSONUtils_GetPointer`, `SSL_CTX_new`, `png_set_IHDR`): kept when they mix cases.
 */
const mixedSnakePattern = /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){1,12}\b/g;
/**
 * An option written with its boolean value in an options object or a configuration file
 * (`linkify: true`, `nesting: true`): the option a report turns on or off, which a second finder
 * of the bug names as the first did. A keyword argument (`safe=False`) is how an application calls
 * its own code, and is only read as a setting below.
 */
const optionPattern =
  /(?<![\w.$-])([a-z][A-Za-z0-9_]{2,40})["']?[ \t]{0,3}:[ \t]{0,3}(?:true|false)\b/g;
/**
 * A setting written with its value: an option or keyword argument set to a boolean
 * (`nesting: true`, `strip=False`), or a library's parameter constant set to 0 or 1
 * (`ZSTD_d_stableOutBuffer = 1`).
 */
const settingPatterns: readonly RegExp[] = [
  /(?<![\w.$-])([a-z][A-Za-z0-9_]{2,40})["']?[ \t]{0,3}[:=][ \t]{0,3}(?:true|false|True|False)\b/g,
  /(?<![\w.$-])([A-Za-z][A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){1,8})[ \t]{0,3}=[ \t]{0,3}[01]\b/g,
];
/** The settings pattern read with a value of 0 or 1: only a constant with a capital letter. */
const numericSettingPattern = settingPatterns[1];
/**
 * Advisory ids (`GHSA-7c4m-qx2v-9hwr`, `CVE-2024-1234`): read elsewhere as ids, and their parts
 * are no dashed name (`qx2v-9hwr`).
 */
const advisoryIdPattern =
  /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|(?:PYSEC|RUSTSEC|GO|OSV|GSD|RUBYSEC)-\d{4}-\d+)\b/gi;
/**
 * The credits of an advisory export (`## Credits`, then `- login (reporter)`): who found the bug,
 * not what it is.
 */
const creditsSectionPattern = /^#{1,6}[ \t]*Credits?[ \t]*\n(?:(?!#)[^\n]*(?:\n|$))*/gim;
/**
 * A letter or digit written as a JavaScript, JSON or Python escape (`\u0056M2_STATE` is
 * `VM2_STATE`): the same name, spelled so that a literal check misses it.
 */
const escapedAsciiPattern = /\\{1,2}u00([2-7][0-9A-Fa-f])/g;
/** Class names (`ArrayAccess`, `SecurityPolicy`) and methods (`offsetGet`): a capital inside. */
const camelPattern = /\b(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b/g;
/** Names of products and services written in camel case: where a report was sent or found, not code. */
const brandNames: ReadonlySet<string> = new Set([
  'github',
  'gitlab',
  'hackerone',
  'bugcrowd',
  'javascript',
  'typescript',
  'postgresql',
  'mysql',
  'mongodb',
  'wordpress',
  'powershell',
  'youtube',
  'linkedin',
  'macos',
  'ios',
  'iphone',
  'ipad',
  'openai',
  'chatgpt',
  'devops',
  'sonarqube',
]);
/** A product or service written in camel case (`GitHub`, `JavaScript`), lower-cased: not code. */
export function isBrandName(lower: string): boolean {
  return brandNames.has(lower);
}
/**
 * Members every object has, lower-cased: JavaScript's and Java's (`sb.toString()`,
 * `x.hashCode()`) and Ruby's conversions (`frag.to_s`, `x.to_a`). No place in any product.
 */
export const objectMemberNames: ReadonlySet<string> = new Set([
  'tostring',
  'valueof',
  'hasownproperty',
  'tojson',
  'equals',
  'hashcode',
  'getclass',
  'to_s',
  'to_str',
  'to_a',
  'to_h',
  'to_i',
  'to_f',
  'to_sym',
  'to_proc',
]);

/**
 * Names every bug of its kind or language shares, not this bug's: sanitizers and their error kinds
 * (distinct bugs of one C project all print `AddressSanitizer: heap-buffer-overflow`; rule 3l
 * reads the whole crash), a runtime's own exception types and universal methods (`TypeError`,
 * `toString`), and C's standard types (`size_t`).
 */
const universalNames: ReadonlySet<string> = new Set([
  'addresssanitizer',
  'memorysanitizer',
  'threadsanitizer',
  'leaksanitizer',
  'undefinedbehaviorsanitizer',
  'hwaddresssanitizer',
  'libfuzzer',
  'typeerror',
  'rangeerror',
  'referenceerror',
  'syntaxerror',
  'valueerror',
  'keyerror',
  'indexerror',
  'attributeerror',
  'runtimeerror',
  'recursionerror',
  'memoryerror',
  'nomethoderror',
  'argumenterror',
  'zerodivisionerror',
  'outofmemoryerror',
  'stackoverflowerror',
  'nullpointerexception',
  'illegalargumentexception',
  'illegalstateexception',
  'indexoutofboundsexception',
  'arrayindexoutofboundsexception',
  'classcastexception',
  'ioexception',
  // Words of a report's genre in camel case, not names: "PoC", "DoS", "ReDoS".
  'poc',
  'dos',
  'ddos',
  'redos',
  ...objectMemberNames,
]);
/** A name every bug of its kind or language shares (`toString`, Ruby's `to_s`), lower-cased. */
export function isUniversalName(lower: string): boolean {
  return universalNames.has(lower);
}
/** C's standard types (`size_t`, `uint32_t`). */
const standardTypePattern =
  /^(?:s?size|off|u?int(?:8|16|32|64|ptr|max)?|ptrdiff|time|wchar|pid|uid|gid|mode)_t$/;
/**
 * Dashed words that are prose or a kind of bug, not a name: phrases with a joining word
 * ("peer-to-peer", "use-after-free", "man-in-the-middle") and sanitizer error kinds
 * ("heap-buffer-overflow").
 */
const dashedPhrasePattern = /-(?:to|of|in|on|the|after|by|and|for|a)-|-(?:overflow|underflow)$/;
/** Command-line flags (`--ping-user-agent`, `--reverse-proxy`); single letters say nothing. */
const flagPattern = /(?<![\w-])--[a-z][a-z0-9]+(?:-[a-z0-9]+){0,5}\b/g;
/**
 * Dashed names that are identifiers, not prose: three parts or more (`server-sig-algs`) or a digit
 * in one (`rsa-sha2-512`). Two-part words are prose ("server-side", "re-keys") or a name.
 */
const dashedPattern = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+){1,5}\b/g;
/** A run of characters that may make a URL or a path (`https://sso.example/oauth2/start`). */
const urlOrPathRunPattern = /[\w.:/-]+/g;
/**
 * A reference link: a code host, an advisory database or a package registry
 * (`https://github.com/owner/repo/security/advisories`). Where a report points, not an endpoint
 * of the product.
 */
const referenceUrlPattern =
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|nvd\.nist\.gov|osv\.dev|cve\.mitre\.org|cve\.org|pkg\.go\.dev|pypi\.org|npmjs\.com|crates\.io|rubygems\.org|packagist\.org|nuget\.org|hex\.pm)\//i;
/** A URL's scheme and host, before its path. */
const schemeAndHostPattern = /^https?:\/\/[\w.-]+(?::[0-9]{1,5})?/;
/** An endpoint of two segments or more (`/oauth2/start`), without a file extension. */
const endpointPattern = /^\/[a-z][a-z0-9_-]*(?:\/[a-z0-9_-]+)+\/?$/;
/** A query parameter name as sent (`?rd=`, `&next=`). */
const queryParameterPattern = /[?&]([a-z][a-z0-9_]{0,30})=/g;
/** A percent-encoded byte (`%09`, `%5C`). */
const percentEncodingPattern = /%[0-9A-Fa-f]{2}/g;
/** The encoded space and the encodings every URL with a query has. */
const ubiquitousEncodings: ReadonlySet<string> = new Set(['%20', '%3D', '%26', '%3F', '%2B']);
/** A Unicode code point as written (`U+2028`): the character a payload hinges on. */
const codePointPattern = /\bU\+[0-9A-Fa-f]{4,6}\b/g;
/** Scratch folders a proof of concept writes to (`/tmp/poc`, `/dev/null`): no endpoint. */
export const scratchPathPattern = /^\/(?:tmp|var\/tmp|dev)\//;
/** A number written with its sign (`+44`), a value a strict parser refuses. */
const signedNumberPattern = /(?<![\w.+%])\+[0-9]{1,6}\b(?![.:/])/g;
/**
 * A file path or a dotted name (`http11_parser.rl`, `example.com`): a folder or file stem
 * (`ext/puma_http11/`, `http11_parser.rl`) is where code is kept, not what the bug is about, and
 * two reports about one parser's folder name it for different bugs.
 */
const pathOrDottedRunPattern = /[\w./-]+/g;
const pathOrDottedPattern = /\/|\w\.\w/;
/** A request pasted as a string literal runs its lines together (`\r\nHost:`). */
const escapedLineBreakPattern = /\\[rnt]/g;
const maxTokenChars = 20_000;
const maxTokens = 200;

/**
 * The technical tokens of a title and text, lower-cased, flags without their dashes. Literals
 * (`%09`, `+44`) keep their sign; `isLiteralToken` tells them apart.
 */
export function findTechnicalTokens(title: string, text: string): string[] {
  const whole = prepareTokenText(title, text);
  const tokens = new Set<string>();
  const add = (token: string): void => {
    const lower = token.toLowerCase();
    if (universalNames.has(lower) || standardTypePattern.test(lower)) return;
    if (tokens.size < maxTokens) tokens.add(lower);
  };
  for (const match of whole.matchAll(urlOrPathRunPattern)) {
    if (referenceUrlPattern.test(match[0])) continue;
    const path = match[0].replace(schemeAndHostPattern, '');
    if (path !== match[0] || match[0].startsWith('/')) {
      if (endpointPattern.test(path) && !scratchPathPattern.test(path))
        add(path.replace(/\/$/, ''));
    }
  }
  for (const match of whole.matchAll(queryParameterPattern)) add(`${match[1]!}=`);
  for (const match of whole.matchAll(percentEncodingPattern)) {
    const encoding = match[0].toUpperCase();
    if (!ubiquitousEncodings.has(encoding)) add(encoding);
  }
  for (const match of whole.matchAll(signedNumberPattern)) add(match[0]);
  for (const match of whole.matchAll(codePointPattern)) add(match[0]);
  const withoutPaths = removePathsAndDottedNames(whole);
  for (const match of withoutPaths.matchAll(upperSnakePattern)) add(match[0]);
  for (const match of withoutPaths.matchAll(lowerSnakePattern)) add(match[0]);
  for (const match of withoutPaths.matchAll(mixedSnakePattern)) {
    if (/[A-Z]/.test(match[0]) && /[a-z]/.test(match[0])) add(match[0]);
  }
  for (const match of whole.matchAll(optionPattern)) add(match[1]!);
  for (const match of withoutPaths.matchAll(camelPattern)) {
    if (!brandNames.has(match[0].toLowerCase())) add(match[0]);
  }
  for (const match of withoutPaths.matchAll(flagPattern)) add(match[0].slice(2));
  for (const match of withoutPaths.matchAll(dashedPattern)) {
    const parts = match[0].split('-');
    if (dashedPhrasePattern.test(match[0])) continue;
    if (parts.length >= 3 || parts.some((part) => /[0-9]/.test(part) && /[a-z]/.test(part)))
      add(match[0]);
  }
  return [...tokens];
}

/**
 * The title and text as tokens are read from them: without advisory ids and credits, with
 * escaped letters decoded and a pasted request's escaped line breaks as spaces.
 */
function prepareTokenText(title: string, text: string): string {
  return `${title}\n${text}`
    .slice(0, maxTokenChars)
    .normalize('NFKC')
    .replace(creditsSectionPattern, ' ')
    .replace(advisoryIdPattern, ' ')
    .replace(escapedAsciiPattern, (escape, hex: string) => {
      const character = String.fromCharCode(Number.parseInt(hex, 16));
      return /\w/.test(character) ? character : escape;
    })
    .replace(escapedLineBreakPattern, ' ');
}

/**
 * The settings a title and text write with their value (`nesting: true`, `strip=False`,
 * `ZSTD_d_stableOutBuffer = 1`; see `settingPatterns`), lower-cased: the configuration a
 * report's bug needs.
 */
export function findSettings(title: string, text: string): string[] {
  const whole = prepareTokenText(title, text);
  const names = new Set<string>();
  for (const pattern of settingPatterns) {
    for (const match of whole.matchAll(pattern)) {
      // A loop counter (`count = 0`) is no setting; a library's constant has a capital.
      if (pattern === numericSettingPattern && !/[A-Z]/.test(match[1]!)) continue;
      const lower = match[1]!.toLowerCase();
      if (!universalNames.has(lower) && names.size < maxTokens) names.add(lower);
    }
  }
  return [...names];
}

/** The text with its file paths and dotted names blanked out (see `pathOrDottedRunPattern`). */
export function removePathsAndDottedNames(text: string): string {
  return text.replace(pathOrDottedRunPattern, (run) => (pathOrDottedPattern.test(run) ? ' ' : run));
}

/** A crafted literal (`%09`, `+44`, `u+2028`): no search term stands for it. */
export function isLiteralToken(token: string): boolean {
  return token.startsWith('%') || token.startsWith('+') || token.startsWith('u+');
}
