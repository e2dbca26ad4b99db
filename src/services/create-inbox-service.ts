// Use cases of the inbox (issue 12): projects, intake (store durably, then triage with the
// project's profile), the queue, the workflow, the reporter thread and team notes, and who may
// see what (maintainers by password, session or API token; reporters and guests by report token).

import {
  InputError,
  NotFoundError,
  type ParseResult,
  type Report,
  type ReportStatus,
  type SecurityProfile,
  type TriageResult,
} from '../core/index.js';
import { parseMarkdownReport } from '../core/index.js';
import type {
  Clock,
  DuplicateStore,
  PasswordHasher,
  ProjectRecord,
  QueuePage,
  ReportEvent,
  ReportRecord,
  ReportReader,
  ReportStore,
  UserRecord,
} from './ports.js';
import type { TriageService } from './triage-reports.js';

/** Who is asking: a maintainer, the holder of one report's token, or nobody. */
export type Viewer =
  | { kind: 'maintainer'; user: UserRecord }
  | { kind: 'reporter' | 'guest'; reportId: string }
  | { kind: 'anonymous' };

interface Submission {
  project: string;
  title: string;
  body: string;
  reporter?: { name?: string | null; email?: string | null } | null;
  channel: 'web' | 'api';
}

interface SubmissionReceipt {
  id: string;
  status: ReportStatus;
  /** The reporter's access token: null when the same report was already stored. */
  token: string | null;
}

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface InboxService {
  addProject(project: {
    name: string;
    profileYaml: string;
    repoPath?: string | null;
    advisoriesPath?: string | null;
  }): Promise<ProjectRecord>;
  getProject(name: string): Promise<ProjectRecord>;
  listProjects(): Promise<ProjectRecord[]>;
  /** The parsed profile of a project (the policy shown on the submission form). */
  readProfile(project: ProjectRecord): SecurityProfile;
  /** Resolves once the report is durable; the triage that follows never loses it. */
  submitReport(submission: Submission): Promise<SubmissionReceipt>;
  /**
   * Reads report files (any intake format) into a project, each stored then triaged like a
   * submission; returns how many were new and the files that could not be read.
   */
  importReports(
    project: string,
    paths: readonly string[],
  ): Promise<{ added: number; problems: Array<{ source: string; message: string }> }>;
  /** Triage (again) with the project's current profile; stores the assessment. */
  triageStoredReport(id: string): Promise<ReportRecord>;
  listQueue(query: {
    project: string;
    statuses?: ReportStatus[];
    limit?: number;
    cursor?: string | null;
  }): Promise<QueuePage>;
  countByStatus(project: string): Promise<Record<ReportStatus, number>>;
  /** NotFoundError unless the viewer may see the report (never says it exists otherwise). */
  getReport(viewer: Viewer, id: string): Promise<ReportRecord>;
  changeStatus(
    viewer: Viewer,
    id: string,
    change: { version: number; status: ReportStatus; message?: string },
  ): Promise<ReportRecord>;
  /** The thread the viewer may see: the reporter's thread, plus team notes for maintainers. */
  listMessages(viewer: Viewer, id: string): Promise<ReportEvent[]>;
  addMessage(
    viewer: Viewer,
    id: string,
    message: { body: string; visibility: 'reporter' | 'team' },
  ): Promise<ReportEvent>;
  addMaintainer(email: string): Promise<{ user: UserRecord; password: string }>;
  listMaintainers(): Promise<UserRecord[]>;
  /** A new one-time password for a maintainer (the old one stops working). */
  resetPassword(email: string): Promise<string>;
  createApiToken(name: string, email?: string): Promise<string>;
  /** A session token for a right password; null otherwise. */
  logIn(email: string, password: string): Promise<{ token: string; user: UserRecord } | null>;
  logOut(sessionToken: string): Promise<void>;
  /** The viewer a bearer token (API or report token) or session token stands for. */
  identifyToken(token: string): Promise<Viewer>;
  identifySession(sessionToken: string): Promise<Viewer>;
  close(): Promise<void>;
}

interface InboxDependencies {
  store: ReportStore;
  triage: TriageService;
  reportReader: ReportReader;
  passwords: PasswordHasher;
  clock: Clock;
  parseProfile: (text: string) => ParseResult<SecurityProfile>;
  openDuplicateStore: (project: string) => DuplicateStore;
  /** The assessment's JSON shape (the presenters' triage JSON of one report). */
  presentAssessment: (result: TriageResult) => unknown;
}

function requireText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} is required`);
  }
  if (value.length > maxLength) throw new InputError(`${field} is longer than ${maxLength}`);
  return value;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new InputError(`${field} must be text`);
  if (value.length > 320) throw new InputError(`${field} is longer than 320`);
  return value;
}

export function createInboxService(dependencies: InboxDependencies): InboxService {
  const { store, passwords, clock } = dependencies;

  function parseProfileOf(project: ProjectRecord): SecurityProfile {
    const parsed = dependencies.parseProfile(project.profileYaml);
    if (!parsed.ok) {
      throw new InputError(
        `the security profile of project "${project.name}" is not valid: ${parsed.issues[0]?.message ?? ''}`,
      );
    }
    return parsed.value;
  }

  async function getProject(name: string): Promise<ProjectRecord> {
    const project = await store.projects.get(name);
    if (!project) throw new NotFoundError(`no project named "${name}"`);
    return project;
  }

  async function triageRecord(record: ReportRecord): Promise<ReportRecord> {
    const project = await getProject(record.project);
    const profile = parseProfileOf(project);
    const parsed = parseMarkdownReport(record.id, record.body, {
      title: record.title,
      reporter:
        record.reporter.name !== null || record.reporter.email !== null
          ? {
              ...(record.reporter.name !== null ? { name: record.reporter.name } : {}),
              ...(record.reporter.email !== null ? { email: record.reporter.email } : {}),
            }
          : null,
      receivedAt: record.receivedAt,
    });
    if (!parsed.ok) throw new InputError(parsed.issues[0]?.message ?? 'the report is empty');
    const report: Report = parsed.value;
    const outcome = await dependencies.triage.triage({
      profile,
      paths: [],
      reports: [report],
      repoDir: project.repoPath ?? undefined,
      againstPaths: project.advisoriesPath ? [project.advisoriesPath] : [],
      duplicateStore: dependencies.openDuplicateStore(project.name),
    });
    const result = outcome.queue[0];
    if (!result) return record;
    return store.reports.update(
      record.id,
      record.version,
      {
        assessment: dependencies.presentAssessment(result),
        disposition: result.verdict,
        priority: result.priority.score,
        rules: result.rules,
      },
      'system',
    );
  }

  async function getVisibleReport(viewer: Viewer, id: string): Promise<ReportRecord> {
    const record = await store.reports.get(id);
    const isVisible =
      record !== null &&
      (viewer.kind === 'maintainer' ||
        ((viewer.kind === 'reporter' || viewer.kind === 'guest') && viewer.reportId === id));
    if (!record || !isVisible) throw new NotFoundError(`no report "${id}"`);
    return record;
  }

  function requireMaintainer(viewer: Viewer, id: string): UserRecord {
    if (viewer.kind !== 'maintainer') throw new NotFoundError(`no report "${id}"`);
    return viewer.user;
  }

  function actorOf(viewer: Viewer): string {
    return viewer.kind === 'maintainer' ? `user:${viewer.user.id}` : viewer.kind;
  }

  return {
    async addProject(project) {
      const parsed = dependencies.parseProfile(project.profileYaml);
      if (!parsed.ok) {
        throw new InputError(
          `the security profile is not valid: ${parsed.issues.map((issue) => issue.message).join('; ')}`,
        );
      }
      return store.projects.add(project);
    },
    getProject,
    listProjects: () => store.projects.list(),
    readProfile: parseProfileOf,
    async submitReport(submission) {
      const project = await getProject(submission.project);
      const title = requireText(submission.title, 'title', 1000);
      const body = requireText(submission.body, 'body', 1024 * 1024);
      const reporter = submission.reporter ?? null;
      if (reporter !== null && typeof reporter !== 'object') {
        throw new InputError('reporter must be an object with name and email');
      }
      const added = await store.reports.add({
        project: project.name,
        title,
        body,
        reporter: {
          name: optionalText(reporter?.name, 'reporter.name'),
          email: optionalText(reporter?.email, 'reporter.email'),
        },
        channel: submission.channel,
        format: 'markdown',
      });
      if (added.isNew) {
        // The report is durable already; a failed triage leaves it in the queue untriaged.
        try {
          await triageRecord(added.report);
        } catch {
          // Re-triage on demand (POST /api/v1/reports/{id}/triage) retries it.
        }
      }
      return { id: added.report.id, status: added.report.status, token: added.reporterToken };
    },
    async importReports(projectName, paths) {
      const project = await getProject(projectName);
      const batch = await dependencies.reportReader.readReports(paths);
      let added = 0;
      for (const report of batch.reports) {
        const stored = await store.reports.add({
          project: project.name,
          title: report.title,
          body: report.body,
          reporter: { name: report.reporter?.name ?? null, email: report.reporter?.email ?? null },
          channel: report.channel?.kind ?? 'cli',
          format: report.format,
          ...(report.receivedAt !== null ? { receivedAt: report.receivedAt } : {}),
          actor: 'system',
        });
        if (!stored.isNew) continue;
        added += 1;
        try {
          await triageRecord(stored.report);
        } catch {
          // Stored untriaged; re-triage on demand retries it.
        }
      }
      return { added, problems: batch.problems };
    },
    async triageStoredReport(id) {
      const record = await store.reports.get(id);
      if (!record) throw new NotFoundError(`no report "${id}"`);
      return triageRecord(record);
    },
    async listQueue(query) {
      await getProject(query.project);
      return store.reports.listQueue(query);
    },
    async countByStatus(project) {
      await getProject(project);
      return store.reports.countByStatus(project);
    },
    getReport: getVisibleReport,
    async changeStatus(viewer, id, change) {
      requireMaintainer(viewer, id);
      await getVisibleReport(viewer, id);
      return store.reports.changeStatus(
        id,
        change.version,
        change.status,
        actorOf(viewer),
        change.message,
      );
    },
    async listMessages(viewer, id) {
      await getVisibleReport(viewer, id);
      return store.reports.listEvents(id, viewer.kind === 'maintainer' ? 'team' : 'reporter');
    },
    async addMessage(viewer, id, message) {
      await getVisibleReport(viewer, id);
      if (message.visibility === 'team') requireMaintainer(viewer, id);
      return store.reports.addMessage(id, {
        visibility: message.visibility,
        actor: actorOf(viewer),
        body: requireText(message.body, 'body', 1024 * 1024),
      });
    },
    async addMaintainer(email) {
      const address = requireText(email, 'email', 320).trim();
      if (!address.includes('@')) throw new InputError(`"${address}" is not an e-mail address`);
      const password = passwords.createPassword();
      const user = await store.people.addUser({
        email: address,
        role: 'maintainer',
        passwordHash: await passwords.hash(password),
      });
      return { user, password };
    },
    listMaintainers: () => store.people.listUsers(),
    async resetPassword(email) {
      const user = await store.people.findUserByEmail(email.trim());
      if (!user) throw new NotFoundError(`no maintainer "${email}"`);
      const password = passwords.createPassword();
      await store.people.setPasswordHash(user.id, await passwords.hash(password));
      return password;
    },
    async createApiToken(name, email) {
      const users = await store.people.listUsers();
      const user =
        email === undefined
          ? users.length === 1
            ? users[0]
            : undefined
          : await store.people.findUserByEmail(email);
      if (!user) {
        throw new InputError(
          email === undefined
            ? users.length === 0
              ? 'add a maintainer first (thresher user add --maintainer EMAIL)'
              : 'there are several maintainers: name one with --user EMAIL'
            : `no maintainer "${email}"`,
        );
      }
      const created = await store.people.createApiToken({
        userId: user.id,
        name: requireText(name, 'name', 200),
      });
      return created.token;
    },
    async logIn(email, password) {
      const user = await store.people.findUserByEmail(email.trim());
      // A wrong e-mail costs one hash too, so timing does not tell which addresses exist.
      const isRight = user
        ? await passwords.verify(password, user.passwordHash)
        : (await passwords.hash(password), false);
      if (!user || !isRight) return null;
      const expiresAt = new Date(clock.now().getTime() + sessionLifetimeMs).toISOString();
      const { token } = await store.people.createSession({ userId: user.id, expiresAt });
      return { token, user };
    },
    logOut: (sessionToken) => store.people.deleteSession(sessionToken),
    async identifyToken(token) {
      if (token.startsWith('thr_api_')) {
        const record = await store.people.findApiToken(token);
        const user = record ? await store.people.getUser(record.userId) : null;
        return user ? { kind: 'maintainer', user } : { kind: 'anonymous' };
      }
      if (token.startsWith('thr_report_')) {
        const access = await store.reports.findAccess(token);
        return access ? { kind: access.role, reportId: access.reportId } : { kind: 'anonymous' };
      }
      return { kind: 'anonymous' };
    },
    async identifySession(sessionToken) {
      const session = await store.people.findSession(sessionToken);
      const user = session ? await store.people.getUser(session.userId) : null;
      return user ? { kind: 'maintainer', user } : { kind: 'anonymous' };
    },
    close: () => store.close(),
  };
}
