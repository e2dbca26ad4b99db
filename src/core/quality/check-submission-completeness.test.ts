import { describe, expect, it } from 'vitest';
import { buildProfile, buildReport } from '../../../test/support/build-fact.js';
import { checkSubmissionCompleteness } from './check-submission-completeness.js';

describe('checkSubmissionCompleteness', () => {
  it('lists the required items a draft lacks, with reasons, and never the recommended ones', () => {
    const missing = checkSubmissionCompleteness(
      buildReport('Your server is vulnerable, please fix.'),
      buildProfile(),
    );
    expect(missing.map((check) => check.name)).toEqual([
      'affected-version',
      'affected-component',
      'reproduction',
      'impact',
      'ai-disclosure',
    ]);
    expect(missing.every((check) => check.level === 'required' && check.reason !== '')).toBe(true);
  });

  it('finds nothing missing in a draft that says everything the policy asks', () => {
    const draft = buildReport(
      [
        'Affected version: 2.4.1',
        '',
        'parse_header in src/http/parser.c reads past the end of its buffer.',
        '',
        'Steps to reproduce:',
        '1. Build with ASan.',
        '2. Run `printf "GET / HTTP/1.1\\r\\nX\\r\\n\\r\\n" | nc 127.0.0.1 8080`.',
        '',
        'Impact: a remote attacker crashes the worker (denial of service).',
        '',
        'AI use: none, written by hand.',
      ].join('\n'),
    );
    expect(checkSubmissionCompleteness(draft, buildProfile())).toEqual([]);
  });
});
