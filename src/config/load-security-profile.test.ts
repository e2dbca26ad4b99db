import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../core/errors.js';
import {
  InvalidSecurityProfileError,
  formatProfileIssue,
  loadSecurityProfile,
} from './load-security-profile.js';

const validProfile = `version: 1
project: { name: demo }
policy:
  contact: [{ type: email, address: security@example.org }]
threat-model:
  out-of-scope:
    - { id: OOS-DOS, statement: Small leaks, when: { impact: [bounded-resource-consumption] } }
`;

let directory = '';

async function writeProfile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

async function loadError(path: string): Promise<unknown> {
  return loadSecurityProfile(path).then(
    () => new Error('expected the profile to be rejected'),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'thresher-profile-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadSecurityProfile', () => {
  it('loads a valid profile file', async () => {
    const profile = await loadSecurityProfile(await writeProfile('valid.yml', validProfile));
    expect(profile.project.name).toBe('demo');
    expect(profile.threatModel.outOfScope[0]?.disposition).toBe('not-a-vulnerability');
  });

  it('throws an InputError whose message is one line naming file, place, path and problem', async () => {
    const path = await writeProfile(
      'bad-impact.yml',
      validProfile.replace('bounded-resource-consumption', 'rce'),
    );
    const error = await loadError(path);
    expect(error).toBeInstanceOf(InvalidSecurityProfileError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${path}:7:63: threat-model.out-of-scope[0].when.impact[0]: unknown impact "rce" (expected one of: ` +
        'code-execution, memory-corruption, privilege-escalation, auth-bypass, information-disclosure, ' +
        'denial-of-service, bounded-resource-consumption, hardening-bypass)',
    );
    expect((error as InvalidSecurityProfileError).issues).toHaveLength(1);
  });

  it('names the first problem and counts the rest, keeping all of them on the error', async () => {
    const path = await writeProfile(
      'several.yml',
      validProfile.replace('version: 1', 'version: 3').replace('demo', '[demo]'),
    );
    const error = (await loadError(path)) as InvalidSecurityProfileError;
    expect(error.message).toBe(`${path}:1:10: version: expected 1, got 3 (and 1 more problem)`);
    expect(error.message).not.toContain('\n');
    expect(error.issues.map((issue) => formatProfileIssue(path, issue))).toStrictEqual([
      `${path}:1:10: version: expected 1, got 3`,
      `${path}:2:18: project.name: expected a string, got a list`,
    ]);
  });

  it('refuses invalid UTF-8 with the position of the first bad byte', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('version: 1\nproject: '),
      0xc3,
      0x28,
      0x0a,
    ]);
    const path = await writeProfile('latin1.yml', bytes);
    expect(((await loadError(path)) as Error).message).toBe(
      `${path}:2:10: the profile is not valid UTF-8 text; is it a binary file?`,
    );
  });

  it('refuses binary files, whether or not they happen to be valid UTF-8', async () => {
    const png = await writeProfile(
      'image.yml',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(((await loadError(png)) as Error).message).toBe(
      `${png}:1:1: the profile is not valid UTF-8 text; is it a binary file?`,
    );
    const elf = await writeProfile(
      'program.yml',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    );
    expect(((await loadError(elf)) as Error).message).toBe(
      `${elf}:1:1: the profile contains the control character U+007F; is it a binary file?`,
    );
  });

  it('refuses a file over 1 MiB before parsing it', async () => {
    const path = await writeProfile('huge.yml', `# ${'x'.repeat(1024 * 1024)}`);
    const error = await loadError(path);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${path}: the profile is larger than 1 MiB`);
  });

  it('says the profile is empty', async () => {
    const path = await writeProfile('empty.yml', '');
    expect(((await loadError(path)) as Error).message).toBe(`${path}: the profile is empty`);
  });

  it('reports a missing file as not found and a directory as bad input', async () => {
    const missing = join(directory, 'missing.yml');
    const notFound = await loadError(missing);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect((notFound as Error).message).toBe(`${missing}: no such file`);
    const folder = join(directory, 'folder.yml');
    await mkdir(folder);
    const notAFile = await loadError(folder);
    expect(notAFile).toBeInstanceOf(InputError);
    expect((notAFile as Error).message).toBe(`${folder}: not a regular file`);
  });
});
