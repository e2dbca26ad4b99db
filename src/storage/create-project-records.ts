// Projects of the inbox: each with its security profile and where its code and published
// advisories are, changed with optimistic versions.

import type { Selectable } from 'kysely';
import { ConflictError, NotFoundError } from '../core/index.js';
import type {
  ProjectChanges,
  ProjectRecord,
  ProjectRecords,
  ProjectSettings,
} from '../services/ports.js';
import {
  checkNonEmptyText,
  checkOptionalText,
  checkText,
  storedTextLimits,
} from './check-stored-text.js';
import type { ProjectsTable } from './report-store-tables.js';
import { isUniqueViolation, type StoreContext } from './store-context.js';

const defaultSettings: ProjectSettings = {
  intakePausedMessage: null,
  workInProgressLimit: null,
  requireReproductionFromNewReporters: false,
  reportsPerReporterPerDay: null,
  publishDisclosedReports: false,
};

function readCount(value: unknown): number | null {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : null;
}

/** The stored JSON with every setting it lacks (older rows, a hand-edited value) at its default. */
function readSettings(json: string): ProjectSettings {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return defaultSettings;
  }
  if (typeof value !== 'object' || value === null) return defaultSettings;
  const stored = value as Record<string, unknown>;
  return {
    intakePausedMessage:
      typeof stored.intakePausedMessage === 'string' ? stored.intakePausedMessage : null,
    workInProgressLimit: readCount(stored.workInProgressLimit),
    requireReproductionFromNewReporters: stored.requireReproductionFromNewReporters === true,
    reportsPerReporterPerDay: readCount(stored.reportsPerReporterPerDay),
    publishDisclosedReports: stored.publishDisclosedReports === true,
  };
}

function writeSettings(settings: ProjectSettings): string {
  return JSON.stringify({
    ...settings,
    intakePausedMessage: checkOptionalText(
      'intake paused message',
      settings.intakePausedMessage,
      storedTextLimits.line,
    ),
  });
}

function toProject(row: Selectable<ProjectsTable>): ProjectRecord {
  return {
    name: row.name,
    profileYaml: row.profile_yaml,
    repoPath: row.repo_path,
    advisoriesPath: row.advisories_path,
    settings: readSettings(row.settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function checkChanges(changes: ProjectChanges): Partial<ProjectsTable> {
  const set: Partial<ProjectsTable> = {};
  if (changes.profileYaml !== undefined) {
    set.profile_yaml = checkText('profile', changes.profileYaml, storedTextLimits.profile);
  }
  if (changes.repoPath !== undefined) {
    set.repo_path = checkOptionalText('repository path', changes.repoPath, storedTextLimits.line);
  }
  if (changes.advisoriesPath !== undefined) {
    set.advisories_path = checkOptionalText(
      'advisories path',
      changes.advisoriesPath,
      storedTextLimits.line,
    );
  }
  if (changes.settings !== undefined) set.settings = writeSettings(changes.settings);
  return set;
}

export function createProjectRecords(context: StoreContext): ProjectRecords {
  return {
    async add(project) {
      const name = checkNonEmptyText('project name', project.name, storedTextLimits.name);
      const now = context.now();
      const row: ProjectsTable = {
        name,
        profile_yaml: checkText('profile', project.profileYaml, storedTextLimits.profile),
        repo_path: checkOptionalText('repository path', project.repoPath, storedTextLimits.line),
        advisories_path: checkOptionalText(
          'advisories path',
          project.advisoriesPath,
          storedTextLimits.line,
        ),
        settings: writeSettings(project.settings ?? defaultSettings),
        created_at: now,
        updated_at: now,
        version: 1,
      };
      try {
        await context.write((db) => db.insertInto('projects').values(row).execute());
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`a project named "${name}" already exists`, { cause: error });
        }
        throw error;
      }
      return toProject(row);
    },

    async get(name) {
      const row = await context.read((db) =>
        db.selectFrom('projects').selectAll().where('name', '=', name).executeTakeFirst(),
      );
      return row === undefined ? null : toProject(row);
    },

    async list() {
      const rows = await context.read((db) =>
        db.selectFrom('projects').selectAll().orderBy('name').execute(),
      );
      return rows.map(toProject);
    },

    async update(name, expectedVersion, changes) {
      const set = checkChanges(changes);
      return context.write(async (db) => {
        const row = await db
          .updateTable('projects')
          .set({ ...set, updated_at: context.now(), version: expectedVersion + 1 })
          .where('name', '=', name)
          .where('version', '=', expectedVersion)
          .returningAll()
          .executeTakeFirst();
        if (row !== undefined) return toProject(row);
        const current = await db
          .selectFrom('projects')
          .select('version')
          .where('name', '=', name)
          .executeTakeFirst();
        if (current === undefined) throw new NotFoundError(`no project named "${name}"`);
        throw new ConflictError(
          `project "${name}" changed since version ${expectedVersion} (it is at ${current.version}); reload it and try again`,
        );
      });
    },
  };
}
