// The technical tokens a report names that no finder translates or rephrases: protocol constants
// (`WINDOW_UPDATE`, `EXT_INFO`), settings, directives and flags (`permitted_hosts`,
// `--ping-user-agent`, `server-sig-algs`), class and method names (`ArrayAccess`, `offsetGet`),
// endpoints and query parameters (`/oauth2/start`, `rd=`) and crafted literals (`%09`, `+44`).
// A second finder who describes the bug in other words, or another language, still names these.

/** Protocol constants and upper-case identifiers joined by underscores (`RST_STREAM`, `EXT_INFO`). */
const upperSnakePattern = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,6}\b/g;
/** Settings and directives joined by underscores (`permitted_hosts`, `auth_request`). */
const lowerSnakePattern = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+){1,6}\b/g;
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
  const whole = `${title}\n${text}`
    .slice(0, maxTokenChars)
    .normalize('NFKC')
    .replace(escapedLineBreakPattern, ' ');
  const tokens = new Set<string>();
  const add = (token: string): void => {
    const lower = token.toLowerCase();
    if (universalNames.has(lower) || standardTypePattern.test(lower)) return;
    if (tokens.size < maxTokens) tokens.add(lower);
  };
  for (const match of whole.matchAll(urlOrPathRunPattern)) {
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

/** The text with its file paths and dotted names blanked out (see `pathOrDottedRunPattern`). */
export function removePathsAndDottedNames(text: string): string {
  return text.replace(pathOrDottedRunPattern, (run) => (pathOrDottedPattern.test(run) ? ' ' : run));
}

/** A crafted literal (`%09`, `+44`, `u+2028`): no search term stands for it. */
export function isLiteralToken(token: string): boolean {
  return token.startsWith('%') || token.startsWith('+') || token.startsWith('u+');
}
