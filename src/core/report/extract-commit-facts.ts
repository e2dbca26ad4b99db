// Reads commit hashes ("at commit 9cbfe00", "git checkout 3f2a1b9c", ".../commit/<sha>"): 7 to 40
// hex digits said to be a revision, never colours, addresses, UUIDs or file checksums.

import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';

const hexRun = /\b[0-9a-fA-F]{7,40}\b/g;
// The word right before the hash must name a revision; `at` only counts with "commit"-like text
// near it or directly before the hash ("reproduced at 9cbfe00").
const revisionWordBefore =
  /(?:\b(?:commits?|revisions?|rev|sha|sha1|sha-1|hash|head|checkout|switch|reset(?:[ \t]+--hard)?|show|cherry-pick|revert|bisect(?:[ \t]+(?:good|bad))?|tree|blob|at|since|introduced[ \t]+in|fixed[ \t]+in|built[ \t]+from|as[ \t]+of|git[ \t]+log)|\/commit|\/tree|\/blob|\/commits)[ \t]*[:=#/(`*]{0,3}[ \t]*`?$/i;
// Checksums and digests name files, not revisions.
const digestWordBefore =
  /\b(?:sha-?(?:224|256|384|512)|md5|blake2\w*|checksum|digest|buildid|build-id)\b[^\n]{0,24}$/i;

function isHashLike(hex: string): boolean {
  // A run of only digits is a number; a run of only letters is a word ("deadbeef", "facade").
  return /\d/.test(hex) && /[a-fA-F]/.test(hex) && !/^\d+[eE]\d+$/.test(hex);
}

export function extractCommitFacts(sink: FactSink, body: string): void {
  forEachMatch(hexRun, body, (match) => {
    const hex = match[0];
    const start = match.index;
    const end = start + hex.length;
    if (!isHashLike(hex)) return;
    const before = body[start - 1] ?? '';
    const after = body[end] ?? '';
    // `#c0ffee1` colours, `-` UUID parts and version suffixes, `.` file names and numbers.
    if (before === '#' || before === '-' || before === '.' || before === '$') return;
    if (after === '-' || (after === '.' && /\w/.test(body[end + 1] ?? ''))) return;
    const context = body.slice(Math.max(0, start - 48), start);
    if (!revisionWordBefore.test(context) || digestWordBefore.test(context)) return;
    sink.add('commit', hex.toLowerCase(), start, end);
  });
}
