// Describes a triaged report for the duplicate index: its text, the project's package with the
// versions it names, the ids it cites (CVE, GHSA, OSV...), its CWEs, and the code it points at.

import type { DuplicateDocument } from '../model/duplicate.js';
import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';

const identifierPattern =
  /\b(?:CVE-\d{4}-\d{4,7}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d{1,7}|GO-\d{4}-\d{4,7}|RUSTSEC-\d{4}-\d{4}|OSV-\d{4}-\d{1,7})\b/gi;
const maxIdentifiers = 50;

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

function findIdentifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(identifierPattern)) {
    const id =
      match[0].startsWith('GHSA') || match[0].startsWith('ghsa')
        ? `GHSA${match[0].slice(4).toLowerCase()}`
        : match[0].toUpperCase();
    found.add(id);
    if (found.size >= maxIdentifiers) break;
  }
  return [...found];
}

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
    aliases: findIdentifiers(`${report.title}\n${report.body}`),
    cwes: valuesOf(facts, ['cwe']),
    paths: valuesOf(facts, ['file-path']),
    functions: valuesOf(facts, ['function']).filter((name) => !runtimeFunctions.has(name)),
    published: report.receivedAt,
  };
}
