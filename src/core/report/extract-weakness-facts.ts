// Reads CWE ids ("CWE 79", "cwe-79" -> CWE-79) and the impact of the few unambiguous ones; a CWE
// that can mean several things (CWE-20, CWE-190) implies no impact.

import type { ImpactKind } from '../model/security-profile.js';
import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';

const cwePattern = /\bCWE[\s-]?0*(\d{1,4})\b/gi;

/** CWE id -> the impact it always means. */
const impactOfCwe: ReadonlyMap<string, ImpactKind> = new Map<string, ImpactKind>([
  ['CWE-77', 'code-execution'], // command injection
  ['CWE-78', 'code-execution'], // OS command injection
  ['CWE-94', 'code-execution'], // code injection
  ['CWE-119', 'memory-corruption'], // improper restriction of operations within memory bounds
  ['CWE-120', 'memory-corruption'], // classic buffer overflow
  ['CWE-121', 'memory-corruption'], // stack-based buffer overflow
  ['CWE-122', 'memory-corruption'], // heap-based buffer overflow
  ['CWE-415', 'memory-corruption'], // double free
  ['CWE-416', 'memory-corruption'], // use after free
  ['CWE-787', 'memory-corruption'], // out-of-bounds write
  ['CWE-22', 'information-disclosure'], // path traversal
  ['CWE-125', 'information-disclosure'], // out-of-bounds read
  ['CWE-200', 'information-disclosure'], // exposure of sensitive information
  ['CWE-400', 'denial-of-service'], // uncontrolled resource consumption
  ['CWE-674', 'denial-of-service'], // uncontrolled recursion
  ['CWE-835', 'denial-of-service'], // infinite loop
  ['CWE-1333', 'denial-of-service'], // inefficient regular expression (ReDoS)
  ['CWE-287', 'auth-bypass'], // improper authentication
  ['CWE-306', 'auth-bypass'], // missing authentication for critical function
  ['CWE-269', 'privilege-escalation'], // improper privilege management
]);

export function extractWeaknessFacts(sink: FactSink, text: string): void {
  forEachMatch(cwePattern, text, (match) => {
    const id = `CWE-${match[1]!}`;
    const start = match.index;
    const end = start + match[0].length;
    sink.add('cwe', id, start, end);
    const impact = impactOfCwe.get(id);
    if (impact !== undefined) sink.add('impact', impact, start, end);
  });
}
