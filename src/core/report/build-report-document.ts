// Describes a triaged report for the duplicate index: its text, the project's package with the
// versions it names, the ids it is known by (CVE, GHSA, OSV...), its CWEs, and the code it points at.

import type { DuplicateDocument } from '../model/duplicate.js';
import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import { findReportIdentifiers } from './find-report-identifiers.js';
import { isPublishedIdQuestion } from './is-published-id-question.js';

// Functions every C program calls say nothing about which bug a report is about.
const runtimeFunctions = new Set([
  'malloc',
  'calloc',
  'realloc',
  'free',
  'memcpy',
  'memmove',
  'memset',
  'memcmp',
  'memchr',
  'strcpy',
  'strncpy',
  'strlcpy',
  'strcat',
  'strncat',
  'strlcat',
  'strlen',
  'strcmp',
  'strncmp',
  'strchr',
  'strrchr',
  'strstr',
  'strdup',
  'strndup',
  'strtol',
  'strtoul',
  'atoi',
  'sprintf',
  'snprintf',
  'vsnprintf',
  'printf',
  'fprintf',
  'sscanf',
  'read',
  'write',
  'recv',
  'send',
  'open',
  'close',
  'main',
  'abort',
  'exit',
  'assert',
]);

// Python's object protocol (`__import__`, `__class__`, `__globals__`): every Python payload walks
// it, so it says nothing about where the project's bug is.
function isLanguageProtocolName(name: string): boolean {
  return /^__[a-z][a-z0-9_]*__$/.test(name.slice(name.lastIndexOf('.') + 1));
}

// Ruby's standard library called the Ruby way (`CGI.unescapeHTML`, `Shellwords.escape`): the
// language's helper a report says the project calls, like `memcpy` in C, not where its bug is.
// Two bugs of one Ruby sanitizer both pass their input through `CGI.unescapeHTML`.
const rubyStandardCall =
  /^(?:CGI|ERB::Util|Kernel|Marshal|Shellwords|Open3|FileUtils|SecureRandom|Base64|Digest::[A-Z]\w{0,20})(?:\.|::|#)\w/;

function valuesOf(facts: readonly Fact[], kinds: readonly Fact['kind'][]): string[] {
  return [...new Set(facts.filter((fact) => kinds.includes(fact.kind)).map((fact) => fact.value))];
}

export function buildReportDocument(
  report: Report,
  facts: readonly Fact[],
  projectName: string,
): DuplicateDocument {
  const versions = valuesOf(facts, ['version']);
  return {
    id: report.source,
    kind: 'report',
    title: report.title,
    text: report.body,
    packages: projectName ? [{ ecosystem: '', name: projectName, versions }] : [],
    // Only the ids the report is known by; ids it mentions are matched as related, never as aliases.
    aliases: findReportIdentifiers(report.title, report.body).own,
    cwes: valuesOf(facts, ['cwe']),
    paths: valuesOf(facts, ['file-path']),
    functions: valuesOf(facts, ['function']).filter(
      (name) =>
        !runtimeFunctions.has(name) &&
        !isLanguageProtocolName(name) &&
        !rubyStandardCall.test(name),
    ),
    published: report.receivedAt,
    ...(isPublishedIdQuestion(report, facts) ? { isPublishedIdQuestion: true } : {}),
  };
}
