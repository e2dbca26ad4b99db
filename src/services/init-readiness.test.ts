// thresher init's service on real folders: what it plans, that the rendered profile loads with the
// profile parser for any answers, and that `audit` then passes every file-content check.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { directoryOpener } from '../adapters/files/create-directory-access.js';
import { parseSecurityProfile } from '../config/parse-security-profile.js';
import {
  createRepoSnapshot,
  findGithubUrl,
  renderReadinessFiles,
  renderSecurityProfile,
  runAudit,
  type InitAnswers,
} from '../core/index.js';
import { createInitService } from './init-readiness.js';

const service = createInitService({
  directories: directoryOpener,
  parseProfile: parseSecurityProfile,
});
const now = new Date('2026-11-29T10:00:00Z');
const folders: string[] = [];
const contentCategories = new Set(['policy', 'security-txt', 'ai-policy', 'profile']);

async function makeFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'thresher-init-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await Promise.all(
    folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
});

const answers: InitAnswers = {
  projectName: 'widget',
  repository: 'https://github.com/example/widget.git',
  email: 'security@widget.example',
  githubPvr: true,
  supportedVersions: ['>=2.0.0'],
  acknowledgeDays: 2,
  triageDays: 7,
  disclosureDays: 60,
  aiDisclosure: 'required',
  website: 'https://widget.example',
  languages: ['en', 'de'],
};

describe('init service', () => {
  it('plans every file as created in an empty folder, then unchanged after writing', async () => {
    const dir = await makeFolder();
    const plan = await service.plan({ dir, answers, now });
    expect(plan.files.map((file) => [file.path, file.action])).toEqual([
      ['security-profile.yml', 'create'],
      ['SECURITY.md', 'create'],
      ['AI_POLICY.md', 'create'],
      ['.well-known/security.txt', 'create'],
      ['.github/ISSUE_TEMPLATE/config.yml', 'create'],
      ['.github/pull_request_template.md', 'create'],
      ['AGENTS.md', 'create'],
    ]);
    await service.write(plan, { overwrite: false });
    const again = await service.plan({ dir, answers, now });
    expect(again.usesExistingProfile).toBe(true);
    expect(again.files.every((file) => file.action === 'unchanged')).toBe(true);
  });

  it('never overwrites a changed file without overwrite, and appends to an existing AGENTS.md', async () => {
    const dir = await makeFolder();
    await writeFile(join(dir, 'SECURITY.md'), '# Ours\n');
    await writeFile(join(dir, 'AGENTS.md'), '# Agents\n\nUse tabs.\n');
    const plan = await service.plan({ dir, answers, now });
    expect(plan.files.find((file) => file.path === 'SECURITY.md')?.action).toBe('update');
    const written = await service.write(plan, { overwrite: false });
    expect(written.map((file) => file.path)).not.toContain('SECURITY.md');
    expect(await readFile(join(dir, 'SECURITY.md'), 'utf8')).toBe('# Ours\n');
    await service.write(plan, { overwrite: true });
    const agents = await readFile(join(dir, 'AGENTS.md'), 'utf8');
    expect(agents.startsWith('# Agents\n\nUse tabs.\n\n<!-- thresher:security:start -->')).toBe(
      true,
    );
  });

  it('re-renders the documents from an edited profile', async () => {
    const dir = await makeFolder();
    await service.write(await service.plan({ dir, answers, now }), { overwrite: false });
    const profilePath = join(dir, 'security-profile.yml');
    await writeFile(
      profilePath,
      (await readFile(profilePath, 'utf8')).replace('acknowledge-days: 2', 'acknowledge-days: 5'),
    );
    const plan = await service.plan({ dir, answers, now });
    const security = plan.files.find((file) => file.path === 'SECURITY.md');
    expect(security?.action).toBe('update');
    expect(security?.content).toContain('We acknowledge reports within 5 days.');
  });

  it('refuses an invalid existing profile with its line', async () => {
    const dir = await makeFolder();
    await writeFile(join(dir, 'security-profile.yml'), 'version: 2\n');
    await expect(service.plan({ dir, answers, now })).rejects.toThrow(/security-profile\.yml:1: /);
  });
});

describe('rendered files', () => {
  const email = fc.constantFrom('security@a.example', 'x.y+z@b-c.example.org');
  const range = fc.constantFrom('>=1.0.0', '^2.3.0', '>=3.0.0 <4.0.0', '^1.4.0 || ^2.0.0');
  const anyAnswers = fc.record({
    projectName: fc.string({ minLength: 1, maxLength: 30 }).filter((name) => /\S/.test(name)),
    repository: fc.option(
      fc.constantFrom('https://github.com/o/r', 'https://gitlab.example/o/r.git'),
      { nil: undefined },
    ),
    email: fc.option(email, { nil: undefined }),
    contactUrl: fc.option(fc.constantFrom('https://a.example/report'), { nil: undefined }),
    githubPvr: fc.boolean(),
    supportedVersions: fc.array(range, { maxLength: 2 }),
    acknowledgeDays: fc.integer({ min: 0, max: 9999 }),
    triageDays: fc.integer({ min: 0, max: 9999 }),
    disclosureDays: fc.integer({ min: 0, max: 9999 }),
    aiDisclosure: fc.constantFrom('required', 'recommended', 'optional'),
    website: fc.option(fc.constantFrom('https://w.example', 'https://w.example/'), {
      nil: undefined,
    }),
    languages: fc.constantFrom(['en'], ['en', 'fr-CA']).map((tags) => [...tags]),
  });

  it('load with the profile parser and pass every file-content check, for any answers with a contact', () => {
    fc.assert(
      fc.property(anyAnswers, (generated) => {
        const input: InitAnswers = { ...generated, email: generated.email ?? 'fallback@a.example' };
        const profileText = renderSecurityProfile(input);
        const parsed = parseSecurityProfile(profileText);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.value.project.name).toBe(input.projectName);
        const options = {
          now,
          website: input.website,
          languages: input.languages,
          profileFile: 'security-profile.yml',
        };
        const files = [
          { path: 'security-profile.yml', content: profileText },
          ...renderReadinessFiles(parsed.value, options),
          { path: 'AGENTS.md', content: '# AGENTS.md\n\nRead SECURITY.md first.\n' },
        ];
        const snapshot = createRepoSnapshot(
          files.map((file) => ({ path: file.path, size: file.content.length, text: file.content })),
        );
        const report = runAudit({ snapshot, now, parseProfile: parseSecurityProfile });
        const failing = report.checks.filter(
          (check) =>
            contentCategories.has(check.category) &&
            (check.status === 'fail' ||
              (check.status === 'warn' &&
                !(
                  check.id === 'security-txt.valid' &&
                  input.website === undefined &&
                  findGithubUrl(input.repository) === undefined
                ))),
        );
        expect(failing).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
