// Finds the code-like names a report's prose says that the fact extractors do not: SCREAMING_CASE
// constants, macros and enum values, `struct x` types, dotted `pkg.func` names in inline code and
// command-line options (`--raw-output`). Each becomes a claim to check against the repository.

import type { CodeClaim, SymbolKind } from '../model/evidence.js';
import type { ReportField, TextSpan } from '../model/report.js';
import { hasSourceExtension } from '../report/is-likely-file-path.js';

export interface NameClaimDraft extends CodeClaim {
  key: string;
}

// `XML_ERROR_INVALID_ARGUMENT`, `CURLOPT_URL`, `EVP_MAX_MD_SIZE`: upper case with an underscore.
const screamingPattern = /(?<![\w$./\\-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w$])/g;
const typePattern = /\b(?:struct|union|enum)\s+`?([A-Za-z_]\w{1,80})/g;
const inlineCodePattern = /`([^`\n]{1,200})`/g;
const dottedName = /^[a-z_][\w]*(?:\.[A-Za-z_]\w*)+$/;
const optionPattern = /(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])/g;
// Identifiers that are not the project's names: ids, vectors, hashes and shouting in prose.
const notName =
  /^(?:CVE|GHSA|CWE|CVSS|OSV|RUSTSEC|PYSEC|GO|SNYK|HTTP|TLS|SSL|UTF|ISO|RFC|AV|PR|UI|AC)_/;
const domainTail = /\.(?:com|org|net|io|dev|co|gov|edu|app|example|local|localhost)$/;
// Options that belong to the compiler, the build or another tool, not to the project's programs.
const buildOption =
  /^--(?:enable|disable|with|without)-|^--(?:prefix|host|build|target|sysroot|std|save|save-dev|global|user|upgrade|force|no-cache|recursive|depth|branch|leak-check|track-origins|show-leak-kinds|tool|error-exitcode|gen-suppressions)$/;
const foreignCommand =
  /^\s*(?:\$\s*)?(?:sudo\s+)?(?:gcc|g\+\+|cc|clang|clang\+\+|ld|make|cmake|meson|ninja|configure|\.\/configure|valgrind|gdb|lldb|git|npm|npx|yarn|pnpm|pip3?|python3?|node|docker|podman|cargo|go|rustc|dotnet|nuget|msbuild|gradle|\.\/gradlew|gradlew|mvn|\.\/mvnw|mvnw|java|javac|kotlinc?|sbt|gem|bundle|composer|apt(?:-get)?|brew|curl|wget|openssl|ssh|nc|ncat|socat|strace|ltrace|perf|afl-fuzz|afl-\w+|timeout|env|osv-scanner|trivy|grype|snyk|syft|pip-audit|bundler-audit|mix|swift|bundler|rake|poetry|pipx|uv|kubectl|helm|terraform)\b/;

function isScreamingName(name: string): boolean {
  if (name.length < 4 || notName.test(name)) return false;
  // `A_B` shapes with one-letter parts are rarely names (`X_Y`); a digit-only tail is (`SHA_256`).
  return name.split('_').some((part) => part.length >= 3);
}

/**
 * Names said in the report's prose (code blocks masked out) with their spans: constants and
 * macros, `struct x` types, `pkg.func` dotted names in inline code and `--options`. `fieldAt`
 * tells the section; option names in another tool's command line (`gcc --std`, `valgrind
 * --leak-check`) are left out.
 */
export function findNameClaims(
  prose: string,
  span: (start: number, end: number) => TextSpan,
  fieldAt: (offset: number) => ReportField | null,
): NameClaimDraft[] {
  const drafts: NameClaimDraft[] = [];
  const addSymbol = (name: string, start: number, symbolKind: SymbolKind, symbol = name): void => {
    drafts.push({
      kind: 'symbol',
      text: name,
      symbol,
      symbolKind,
      span: span(start, start + name.length),
      key: `symbol:${name}`,
    });
  };
  for (const match of prose.matchAll(screamingPattern)) {
    if (isScreamingName(match[0])) addSymbol(match[0], match.index, 'constant');
  }
  for (const match of prose.matchAll(typePattern)) {
    const name = match[1]!;
    addSymbol(name, match.index + match[0].length - name.length, 'type');
  }
  for (const match of prose.matchAll(inlineCodePattern)) {
    const code = match[1]!.trim();
    const start = match.index + 1 + match[1]!.indexOf(code);
    if (dottedName.test(code) && !hasSourceExtension(code) && !domainTail.test(code)) {
      const symbol = code.slice(code.lastIndexOf('.') + 1);
      if (symbol.length >= 3) addSymbol(code, start, 'function', symbol);
    }
    if (foreignCommand.test(code)) continue;
    for (const option of code.matchAll(optionPattern)) addOption(option[0], start + option.index);
  }
  function addOption(option: string, start: number): void {
    if (buildOption.test(option)) return;
    const field = fieldAt(start);
    if (field === 'environment' || field === 'references') return;
    drafts.push({
      kind: 'option',
      text: option,
      span: span(start, start + option.length),
      key: `option:${option}`,
    });
  }
  // Options in plain prose ("run it with --seq"), outside inline code, which was read above; not
  // those of a line that runs another tool (a scanner's pasted `$ osv-scanner --lockfile ...`).
  const outsideInline = prose.replace(inlineCodePattern, (whole) => ' '.repeat(whole.length));
  for (const match of outsideInline.matchAll(optionPattern)) {
    const lineStart = outsideInline.lastIndexOf('\n', match.index) + 1;
    if (foreignCommand.test(outsideInline.slice(lineStart, match.index))) continue;
    addOption(match[0], match.index);
  }
  return drafts;
}
