// Maps a heading as written ("Steps To Reproduce:", "**Affected version(s)**", "PoC") to the
// report field it introduces, through a tolerant synonym table.

import type { ReportField } from '../model/report.js';

const synonyms: Record<ReportField, readonly string[]> = {
  summary: [
    'summary',
    'description',
    'overview',
    'vulnerability summary',
    'vulnerability description',
    'vulnerability overview',
    'short description',
    'brief description',
    'abstract',
    'tldr',
    'tl;dr',
  ],
  details: [
    'details',
    'technical details',
    'root cause',
    'root cause analysis',
    'vulnerability details',
    'analysis',
    'technical analysis',
    'technical description',
    'explanation',
    'cause',
    'what happens',
    'observed behaviour',
    'observed behavior',
    'actual behaviour',
    'actual behavior',
  ],
  'affected-version': [
    'affected versions',
    'affected version',
    'version',
    'versions',
    'vulnerable versions',
    'vulnerable version',
    'versions affected',
    'version affected',
    'affected releases',
    'affected release',
    'tested version',
    'tested versions',
    'package version',
  ],
  'affected-component': [
    'affected component',
    'affected components',
    'component',
    'components',
    'location',
    'locations',
    'vulnerable code',
    'affected code',
    'affected files',
    'affected file',
    'vulnerable component',
    'vulnerable file',
    'vulnerable files',
    'affected function',
    'affected functions',
    'vulnerable function',
    'affected endpoint',
    'affected endpoints',
    'affected module',
    'affected package',
    'affected packages',
    'affected products',
    'affected product',
    'asset',
    'file',
    'files',
    'source file',
    'function',
  ],
  reproduction: [
    // The same headings in the other languages reports arrive in (Spanish, Portuguese, French,
    // Italian, German), with and without their accents.
    'reproducción',
    'reproduccion',
    'pasos para reproducir',
    'reprodução',
    'reproducao',
    'passos para reproduzir',
    'étapes de reproduction',
    'etapes de reproduction',
    'riproduzione',
    'passi per riprodurre',
    'reproduktion',
    'schritte zur reproduktion',
    'schritte zum reproduzieren',
    'zum reproduzieren',
    'reproduzieren',
    'schritte',
    'pasos',
    'passos',
    'étapes',
    'etapes',
    'passi',
    'para reproducir',
    'para reproduzir',
    'pour reproduire',
    'per riprodurre',
    // "How to reproduce" in the same languages.
    'como reproduzir',
    'cómo reproducir',
    'como reproducir',
    'comment reproduire',
    'come riprodurre',
    'wie reproduzieren',
    'steps to reproduce',
    'reproduction steps',
    'steps to reproduce the issue',
    'steps to reproduce the vulnerability',
    'how to reproduce',
    'to reproduce',
    'reproduction',
    'reproduce',
    'reproducer',
    'repro',
    'repro steps',
    'poc',
    'pocs',
    'poc code',
    'proof of concept',
    'proof of concepts',
    'proof of concept code',
    'exploit',
    'exploit code',
    'exploitation',
    'steps',
  ],
  impact: [
    'impact',
    'impacts',
    'security impact',
    'potential impact',
    'impact assessment',
    'consequences',
  ],
  'proposed-patch': [
    'suggested fix',
    'suggested fixes',
    'proposed patch',
    'proposed fix',
    'suggested patch',
    'patch',
    'patches',
    'fix',
    'fixes',
    'possible fix',
    'fix idea',
    'fix ideas',
    'recommended fix',
    'remediation',
    'remediations',
    'recommended remediation',
    'mitigation',
    'mitigations',
    'suggested mitigation',
    'recommendation',
    'recommendations',
  ],
  'test-case': [
    'test case',
    'test cases',
    'regression test',
    'regression tests',
    'unit test',
    'unit tests',
  ],
  severity: [
    'severity',
    'cvss',
    'cvss score',
    'cvss vector',
    'cvss v3',
    'cvss v31',
    'cvss v4',
    'cvss 31',
    'cvss 3',
    'cvss 4',
    'severity rating',
    'severity assessment',
    'risk',
    'risk rating',
    'claimed severity',
    'estimated severity',
    'suggested severity',
    "reporter's severity",
  ],
  weakness: [
    'cwe',
    'cwes',
    'cwe id',
    'weakness',
    'weaknesses',
    'weakness type',
    'vulnerability type',
    'vulnerability class',
    'vulnerability category',
    'bug class',
    'type of vulnerability',
  ],
  'ai-disclosure': [
    'ai disclosure',
    'ai usage',
    'ai use',
    'use of ai',
    'use of ai tools',
    'ai assistance',
    'ai tools',
    'ai tool usage',
    'ai involvement',
    'ai statement',
    'ai disclosure statement',
    'llm usage',
    'use of llms',
    'generative ai',
    'ai',
    'ai used',
    'ai tools used',
  ],
  environment: [
    'environment',
    'environments',
    'configuration',
    'setup',
    'test environment',
    'tested environment',
    'tested on',
    'platform',
    'system information',
    'environment details',
    'prerequisites',
    'preconditions',
  ],
  references: [
    'references',
    'reference',
    'links',
    'supporting material/references',
    'supporting material',
    'supporting materials',
    'resources',
    'see also',
    'further reading',
  ],
  credits: [
    'credits',
    'credit',
    'reporter',
    'reporters',
    'reported by',
    'discovered by',
    'found by',
    'finder',
    'researcher',
    'acknowledgements',
    'acknowledgments',
  ],
};

const fieldBySynonym: ReadonlyMap<string, ReportField> = new Map(
  (Object.entries(synonyms) as [ReportField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

/** Headings longer than this are prose that happens to be bold, not a field name. */
const maxHeadingLength = 80;

/**
 * Reduces a heading to its comparable form: lower case, no emphasis marks, `(s)` plurals
 * expanded, a trailing parenthetical ("Proof of Concept (PoC)") and trailing punctuation
 * dropped, hyphens and runs of spaces folded into one space.
 */
export function normaliseHeading(heading: string): string {
  // A field heading is short; the cut also bounds the trims below on hostile headings.
  return (
    heading
      .slice(0, 4 * maxHeadingLength)
      .toLowerCase()
      // Emoji and symbols decorating a heading ("## 💣 PoC", "🚨 **Impact**") say nothing.
      .replace(/^[^\p{L}\p{N}(]+/u, '')
      .replace(/[^\p{L}\p{N})]+$/u, '')
      .replace(/[*_`]/g, '')
      .replace(/\(s\)/g, 's')
      .replace(/^\s*(?:\d{1,2}[.)]|[-+]|[a-z][.)])\s+/, '')
      .replace(/[\s:.!?;,#]+$/, '')
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/[\s:.!?;,#\-–—]+$/, '')
      .replace(/[\s\-–—]+/g, ' ')
      .replace(/\s*&\s*/g, ' and ')
      .replace(/\bv(\d)\.(\d)\b/g, 'v$1$2')
      .replace(/\b(\d)\.(\d)\b/g, '$1$2')
      .trim()
  );
}

/** The field a heading introduces, or null when it is not a known field name. */
export function mapHeadingToField(heading: string): ReportField | null {
  if (heading.length > maxHeadingLength) return null;
  const direct = fieldBySynonym.get(heading.toLowerCase());
  if (direct !== undefined) return direct;
  return fieldBySynonym.get(normaliseHeading(heading)) ?? null;
}
