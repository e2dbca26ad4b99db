// Use case: `thresher init`. Renders security-profile.yml from answers (or keeps the existing
// valid profile) and the documents from the profile, then says per file what would change.
// Writing is a second step, so the caller can show the diff and ask for --force first.

import {
  InputError,
  InternalError,
  mergeAgentsFile,
  renderAgentsSection,
  renderReadinessFiles,
  renderSecurityProfile,
  type InitAnswers,
  type ProfileParser,
} from '../core/index.js';
import type { DirectoryOpener } from './ports.js';

type PlannedAction = 'create' | 'update' | 'unchanged';

export interface PlannedFile {
  path: string;
  content: string;
  previous: string | null;
  action: PlannedAction;
}

interface InitPlan {
  dir: string;
  /** Whether an existing security-profile.yml is the source of the documents. */
  usesExistingProfile: boolean;
  files: PlannedFile[];
}

interface InitRequest {
  dir: string;
  answers: InitAnswers;
  now: Date;
}

export interface InitService {
  /** The security-profile.yml already in `dir`, if any (so the CLI can skip its questions). */
  hasProfile(dir: string): Promise<boolean>;
  plan(request: InitRequest): Promise<InitPlan>;
  /** Writes the files of the plan whose action is not `unchanged`, or only `create` ones. */
  write(plan: InitPlan, options: { overwrite: boolean }): Promise<PlannedFile[]>;
}

const profileFile = 'security-profile.yml';

export function createInitService(deps: {
  directories: DirectoryOpener;
  parseProfile: ProfileParser;
}): InitService {
  return {
    async hasProfile(dir) {
      const project = await deps.directories.openProject(dir);
      return (await project.readText(profileFile)) !== null;
    },
    async plan({ dir, answers, now }) {
      const project = await deps.directories.openProject(dir);
      const existingProfile = await project.readText(profileFile);
      const profileText = existingProfile ?? renderSecurityProfile(answers);
      const parsed = deps.parseProfile(profileText);
      if (!parsed.ok) {
        const first = parsed.issues[0];
        const where = first?.line === undefined ? '' : `:${first.line}`;
        if (existingProfile !== null)
          throw new InputError(
            `${profileFile}${where}: ${first?.message ?? 'invalid'} (fix it, or move it away to start afresh)`,
          );
        throw new InternalError(
          `the rendered profile does not load: ${first?.message ?? 'invalid'}`,
        );
      }
      const options = { now, website: answers.website, languages: answers.languages, profileFile };
      const rendered = [
        { path: profileFile, content: profileText },
        ...renderReadinessFiles(parsed.value, options),
      ];
      const agents = await project.readText('AGENTS.md');
      rendered.push({
        path: 'AGENTS.md',
        content: mergeAgentsFile(agents, renderAgentsSection(parsed.value, options)),
      });
      const files = await Promise.all(
        rendered.map(async ({ path, content }) => {
          const previous = path === 'AGENTS.md' ? agents : await project.readText(path);
          const action: PlannedAction =
            previous === null ? 'create' : previous === content ? 'unchanged' : 'update';
          return { path, content, previous, action };
        }),
      );
      return { dir, usesExistingProfile: existingProfile !== null, files };
    },
    async write(plan, { overwrite }) {
      const project = await deps.directories.openProject(plan.dir);
      const written: PlannedFile[] = [];
      for (const file of plan.files) {
        if (file.action === 'create' || (file.action === 'update' && overwrite)) {
          await project.writeText(file.path, file.content);
          written.push(file);
        }
      }
      return written;
    },
  };
}
