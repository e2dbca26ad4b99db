import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../report/parse-report.js';
import { createMentionFinder } from './find-mentions.js';

function finderFor(text: string) {
  const parsed = parseReportText('report.txt', text);
  if (!parsed.ok) throw new Error('the report did not parse');
  return createMentionFinder(parsed.value[0]!);
}

describe('createMentionFinder', () => {
  it('weighs a phrase in the reproduction steps as the reporter setup', () => {
    const finder = finderFor(
      'Title: sftp leak\n\nReproduce: run `sftp-client --small memory leak test` against the server.\n',
    );
    expect(finder.find(['small memory leak'])?.strength).toBe('weak');
  });

  it('counts a sentence naming the problem as strong, even where a reproduction label runs on', () => {
    const finder = finderFor(
      'Memory leak in sftp_open. Version: 1.11.1 Reproduce: `example/sftp host user pass /missing` against an SFTP server. This is a small memory leak: 13 bytes per failed open.\n',
    );
    expect(finder.find(['small memory leak'])?.strength).toBe('strong');
  });

  it('still ignores a denied phrase', () => {
    const finder = finderFor('Reproduce: see below. This is not a small memory leak at all.\n');
    expect(finder.find(['small memory leak'])).toBeNull();
  });

  it('counts the reporter’s own deployment as strong, their test run as weak', () => {
    const deployed = finderFor(
      'Hello,\n\nwe run our dashboard with the development server in production because few people use it.\n',
    );
    expect(deployed.find(['development server'])?.strength).toBe('strong');
    const ourProduction = finderFor(
      'Hello,\n\nwe run runserver on the production server of a small team, and a slow client blocks it.\n',
    );
    expect(ourProduction.find(['runserver'])?.strength).toBe('strong');
    const tested = finderFor(
      'Hello,\n\nI only used runserver to keep the test short. In production we use gunicorn, it fails too.\n',
    );
    expect(tested.find(['runserver'])?.strength).toBe('weak');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const finder = finderFor(`Reproduce: ${text}\nThis is a ${text}`);
        const found = finder.find(['leak', 'this is']);
        expect(found === null || ['strong', 'weak'].includes(found.strength)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
