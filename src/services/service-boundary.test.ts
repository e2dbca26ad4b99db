// The service boundary every front end uses (CLI, inbox server, MCP): a report body in, the same
// JSON out, in process and without a file system; and a duplicate store that keeps each report once.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../config/load-config.js';
import { parseSecurityProfile } from '../config/parse-security-profile.js';
import type { Report, SecurityProfile } from '../core/index.js';
import { createServices } from '../create-services.js';
import { toJsonReport } from '../presenters/render-triage-report-json.js';

const services = createServices(createDefaultConfig());

const profileText = `version: 1
project: { name: tinyhttpd }
policy:
  contact: [{ type: url, url: "https://hackerone.com/tinyhttpd" }]
report-requirements:
  required: [affected-version, reproduction, impact]
threat-model:
  components:
    - { id: http-parser, paths: ["src/http/**"], input: untrusted }
  in-scope:
    - { id: IN-NET, statement: "Remote input reaches the HTTP parser", when: { attack-vector: [network] } }
`;

const hackerOneUpload = JSON.stringify({
  data: {
    type: 'report',
    id: '2400001',
    attributes: {
      title: 'Heap overflow in chunked decoding',
      vulnerability_information: [
        '## Summary',
        '`parse_chunk()` in `src/http/chunked.c` adds the chunk size without an overflow check.',
        '',
        '## Affected version',
        '2.3.1',
        '',
        '## Steps To Reproduce',
        "1. Start the server.\n2. `printf 'ffffffffffffffff\\r\\n' | nc localhost 8080`",
        '',
        '## Impact',
        'A remote attacker overflows the heap over the network.',
      ].join('\n'),
      created_at: '2025-03-01T12:00:00.000Z',
    },
  },
});

let profile: SecurityProfile;

beforeAll(() => {
  const parsed = parseSecurityProfile(profileText);
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  profile = parsed.value;
});

async function readBody(content: Uint8Array | string, name?: string): Promise<Report[]> {
  const read = await services.intake.read({
    content,
    ...(name === undefined ? {} : { name }),
    mediaType: 'application/json',
  });
  expect(read.problems).toEqual([]);
  return read.reports;
}

describe('a service called in process with a report body', () => {
  it('triages an uploaded HackerOne export and gives the JSON the CLI prints', async () => {
    const reports = await readBody(new TextEncoder().encode(hackerOneUpload), 'upload-1');
    const outcome = await services.triage.triage({ profile, reports, dependencyCheck: 'off' });
    expect(outcome.problems).toEqual([]);
    const [result] = outcome.queue;
    const json = toJsonReport(result!, 1);
    expect(json).toMatchObject({
      rank: 1,
      source: 'upload-1',
      format: 'hackerone',
      title: 'Heap overflow in chunked decoding',
      disposition: 'in-scope',
      rules: ['IN-NET'],
      missing: [],
    });
  });

  it('matches a body against earlier ones given as content, never as paths', async () => {
    const earlier = await readBody(hackerOneUpload, 'earlier');
    const later = await readBody(hackerOneUpload.replace('2.3.1', '2.3.2'), 'later');
    const outcome = await services.duplicates.find({
      reports: later,
      against: { advisories: [], reports: earlier, problems: [] },
    });
    expect(outcome.indexSize).toBe(2); // the earlier report, then the later one added after matching
    expect(outcome.matches[0]?.candidates[0]).toMatchObject({
      id: expect.stringContaining('earlier') as string,
    });
  });
});

describe('the duplicate store (--store)', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'thresher-boundary-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function storedLines(path: string): Promise<string[]> {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
  }

  it('keeps a report once: twice in one batch, again in a later run, and under another name', async () => {
    const path = join(folder, 'store.jsonl');
    const first = await readBody(hackerOneUpload, 'a.json');
    const copy = await readBody(hackerOneUpload, 'copy-of-a.json');
    await services.triage.triage({
      profile,
      reports: [...first, ...copy],
      duplicateStore: services.openDuplicateStore(path),
      dependencyCheck: 'off',
    });
    expect(await storedLines(path)).toHaveLength(2); // the header and one document
    const again = await services.triage.triage({
      profile,
      reports: [...first, ...copy],
      duplicateStore: services.openDuplicateStore(path),
      dependencyCheck: 'off',
    });
    expect(await storedLines(path)).toHaveLength(2);
    // Not matched to itself either.
    expect(again.queue.every((result) => result.duplicates.length === 0)).toBe(true);
    await services.duplicates.find({
      reports: copy,
      duplicateStore: services.openDuplicateStore(path),
    });
    expect(await storedLines(path)).toHaveLength(2);
  });
});
