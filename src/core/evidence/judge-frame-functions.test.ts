import { describe, expect, it } from 'vitest';
import type { CheckedClaim } from '../model/evidence.js';
import { judgeFrameFunctions } from './judge-frame-functions.js';

const claimOn = (
  line: number,
  kind: CheckedClaim['claim']['kind'],
  status: CheckedClaim['status'],
  text: string,
  path?: string,
): CheckedClaim => ({
  claim: {
    kind,
    text,
    span: { start: line * 10, end: line * 10 + 5, line },
    ...(path ? { path } : {}),
  },
  status,
  proof: { summary: `${text} checked` },
});

describe('judgeFrameFunctions', () => {
  it("reads a frame's function as unverifiable when the frame's file is the reporter's own", () => {
    const judged = judgeFrameFunctions([
      claimOn(
        3,
        'line',
        'unverifiable',
        'File "/srv/app/ingest.py", line 41',
        '/srv/app/ingest.py',
      ),
      claimOn(3, 'symbol', 'contradicted', 'handle_upload'),
      claimOn(
        5,
        'line',
        'external',
        'site-packages/other/x.py, line 9',
        'site-packages/other/x.py',
      ),
      claimOn(5, 'symbol', 'contradicted', 'helper'),
    ]);
    expect(judged[1]!.status).toBe('unverifiable');
    expect(judged[1]!.proof.summary).toContain('a stack frame in /srv/app/ingest.py');
    // A frame in an installed package may be the project's own code: its function is still checked.
    expect(judged[3]!.status).toBe('contradicted');
  });

  it('keeps a function contradicted on a line of the project, or on no frame line', () => {
    const judged = judgeFrameFunctions([
      claimOn(3, 'line', 'unverifiable', 'lib/reader.py:41', 'lib/reader.py'),
      claimOn(3, 'symbol', 'contradicted', 'read_trailer'),
      claimOn(4, 'line', 'verified', 'lib/writer.py:9', 'lib/writer.py'),
      claimOn(4, 'symbol', 'contradicted', 'invented'),
      claimOn(7, 'symbol', 'contradicted', 'alone'),
    ]);
    expect(judged.map((entry) => entry.status)).toEqual([
      'unverifiable',
      'contradicted',
      'verified',
      'contradicted',
      'contradicted',
    ]);
  });
});
