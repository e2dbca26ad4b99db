// Use cases of the inbox (issue 12): projects, intake (store durably, then triage with the
// project's profile), the queue, the workflow, the reporter thread and team notes, and who may
// see what (maintainers by password, session or API token; reporters and guests by report token).

import {
  ConflictError,
  InputError,
  isOpenStatus,
  NotFoundError,
  RateLimitedError,
  reportStatuses,
  UnavailableError,
  type IntakeResult,
  type ParseResult,
  type Report,
  type ReportInput,
  type ReportStatus,
  type SecurityProfile,
  type TriageResult,
} from '../core/index.js';
import { checkSubmissionCompleteness, parseMarkdownReport } from '../core/index.js';
import type {
  Clock,
  DuplicateCorpus,
  DuplicateFinder,
  DuplicateStore,
  PasswordHasher,
  ProjectRecord,
  ProjectSettings,
  QueuePage,
  ReportActivity,
  ReportEvent,
  ReportRecord,
  RepoOpener,
  ReportStore,
  UserRecord,
} from './ports.js';
import type { AdvisoryService } from './manage-advisories.js';
import { createInboxAdvisories, type InboxAdvisories } from './manage-inbox-advisories.js';
import { readStoredReport } from './read-stored-report.js';
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

interface FileSubmission {
  project: string;
  /** The uploaded file's name (its extension hints at the format) and bytes. */
  file: { name: string; content: Uint8Array };
  /** Replace what the file says, when given. */
  title?: string | null;
  reporter?: { name?: string | null; email?: string | null } | null;
  channel: 'web' | 'api';
}

interface ProjectUpdate {
  profileYaml?: string;
  repoPath?: string | null;
  advisoriesPath?: string | null;
  settings?: Partial<ProjectSettings>;
}

interface SubmissionReceipt {
  id: string;
  status: ReportStatus;
  /** The reporter's access token: null when the same report was already stored. */
  token: string | null;
}

const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** Sent to a reporter new to the project whose first report has no way to reproduce it. */
export const reproductionRequest =
  'Thank you for your report. Reports from reporters new to this project must say how to ' +
  'reproduce the issue (numbered steps, a proof-of-concept command or script). Please reply ' +
  'here with them; the team reads the report once they are in.';

export interface InboxService extends InboxAdvisories {
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
  /**
   * Changes a project's profile, paths or settings (settings merge with the stored ones). A new
   * profile re-triages the project's open reports; `retriaged` says how many.
   */
  updateProject(
    name: string,
    update: ProjectUpdate,
  ): Promise<{ project: ProjectRecord; retriaged: number; failed: number }>;
  /** Triage every open report of a project again with its current profile. */
  retriageProject(name: string): Promise<{ retriaged: number; failed: number }>;
  /**
   * Resolves once the report is durable; the triage that follows never loses it. Refused with
   * UnavailableError while intake is paused or past the work-in-progress limit, RateLimitedError
   * past the reporter's daily limit.
   */
  submitReport(submission: Submission): Promise<SubmissionReceipt>;
  /**
   * What a draft lacks of the project's required report items, with the reason each is judged
   * missing (the checks triage applies); nothing is stored. The form asks before sending it.
   * Refused like `submitReport` while intake is paused or the reporter is past its limit.
   */
  checkSubmission(submission: {
    project: string;
    title: string;
    body: string;
    reporterEmail?: string | null;
  }): Promise<{ name: string; reason: string }[]>;
  /** The same, from a report file in any intake format (one report per file). */
  submitReportFile(submission: FileSubmission): Promise<SubmissionReceipt>;
  /**
   * Stores reports the intake read (any format) in a project, each then triaged like a
   * submission; returns how many were new.
   */
  importReports(project: string, reports: readonly Report[]): Promise<{ added: number }>;
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
  /**
   * Marks a report a duplicate of an original of the same project (status `duplicate`); the
   * original's finders then include this report's reporter.
   */
  markDuplicate(
    viewer: Viewer,
    id: string,
    link: { version: number; originalId: string },
  ): Promise<ReportRecord>;
  /** Everyone credited for the bug of a report: the original's reporter, then each duplicate's. */
  listFinders(viewer: Viewer, id: string): Promise<DuplicateFinder[]>;
  /** Sets (or clears, with null) the date before which a report may not be disclosed. */
  setEmbargo(
    viewer: Viewer,
    id: string,
    embargo: { version: number; until: string | null },
  ): Promise<ReportRecord>;
  /** A new guest token for one report: it opens that report and its reporter thread only. */
  inviteGuest(viewer: Viewer, id: string): Promise<string>;
  /** Ends every guest invitation of a report; returns how many tokens stopped working. */
  revokeGuests(viewer: Viewer, id: string): Promise<number>;
  /** The disclosed reports of a project that publishes them (NotFoundError otherwise). */
  listPublishedReports(project: string): Promise<ReportRecord[]>;
  /** Every report of a project with its first response, for the dashboard. */
  listActivity(project: string): Promise<ReportActivity[]>;
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
  /** Opens a project's repository for code evidence (closed after each triage). */
  repoOpener: RepoOpener;
  /** Reads a project's published advisories for duplicate matching. */
  readCorpus: (paths: readonly string[]) => Promise<DuplicateCorpus>;
  /** The core intake: an uploaded file's bytes (its name hints at the format) into reports. */
  readReport: (input: ReportInput) => Promise<IntakeResult>;
  passwords: PasswordHasher;
  clock: Clock;
  parseProfile: (text: string) => ParseResult<SecurityProfile>;
  openDuplicateStore: (project: string) => DuplicateStore;
  /** The assessment's JSON shape (the presenters' triage JSON of one report). */
  presentAssessment: (result: TriageResult) => unknown;
  /** Drafts and exports advisories (the same service as `thresher advisory`). */
  advisories: AdvisoryService;
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

/** `2027-01-31` (the start of that day, UTC) or a full ISO 8601 time; stored as UTC. */
function readEmbargoDate(value: string): string {
  const text = value.trim();
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const date = new Date(time);
  if (!/^\d{4}-\d{2}-\d{2}(?:T|$)/.test(text) || Number.isNaN(date.getTime())) {
    throw new InputError(`"${value}" is not a date (YYYY-MM-DD or an ISO 8601 time)`);
  }
  return date.toISOString();
}

function checkCount(value: unknown, name: string): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new InputError(`${name} must be a whole number of at least 1, or null`);
  }
  return value as number;
}

function checkSettings(settings: ProjectSettings): ProjectSettings {
  const message = settings.intakePausedMessage;
  if (message !== null && (typeof message !== 'string' || message.trim() === '')) {
    throw new InputError('intakePausedMessage must be a message, or null to resume intake');
  }
  for (const flag of ['requireReproductionFromNewReporters', 'publishDisclosedReports'] as const) {
    if (typeof settings[flag] !== 'boolean') throw new InputError(`${flag} must be true or false`);
  }
  return {
    intakePausedMessage:
      message === null ? null : requireText(message, 'intakePausedMessage', 2000),
    workInProgressLimit: checkCount(settings.workInProgressLimit, 'workInProgressLimit'),
    requireReproductionFromNewReporters: settings.requireReproductionFromNewReporters,
    reportsPerReporterPerDay: checkCount(
      settings.reportsPerReporterPerDay,
      'reportsPerReporterPerDay',
    ),
    publishDisclosedReports: settings.publishDisclosedReports,
  };
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

  async function triageRecord(
    record: ReportRecord,
  ): Promise<{ record: ReportRecord; result: TriageResult | null }> {
    const project = await getProject(record.project);
    const profile = parseProfileOf(project);
    const report = readStoredReport(record);
    const { advisoriesPath } = project;
    const repo = project.repoPath ? await dependencies.repoOpener.open(project.repoPath) : null;
    let outcome;
    try {
      outcome = await dependencies.triage.triage({
        profile,
        reports: [report],
        ...(repo ? { repo } : {}),
        // Read only when the project's kept duplicate index is built (first use, new version).
        ...(advisoriesPath ? { against: () => dependencies.readCorpus([advisoriesPath]) } : {}),
        duplicateStore: dependencies.openDuplicateStore(project.name),
        keepDuplicateIndex: { name: project.name, version: String(project.version) },
      });
    } finally {
      repo?.close();
    }
    const result = outcome.queue[0];
    if (!result) return { record, result: null };
    const updated = await store.reports.update(
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
    return { record: updated, result };
  }

  /** Refuses a submission while intake is paused, full, or the reporter is past their limit. */
  async function admitSubmission(project: ProjectRecord, email: string | null): Promise<void> {
    const { settings } = project;
    if (settings.intakePausedMessage !== null) {
      throw new UnavailableError(settings.intakePausedMessage);
    }
    if (settings.workInProgressLimit !== null) {
      const counts = await store.reports.countByStatus(project.name);
      const open = reportStatuses
        .filter(isOpenStatus)
        .reduce((sum, status) => sum + counts[status], 0);
      if (open >= settings.workInProgressLimit) {
        throw new UnavailableError(
          `${project.name} has ${open} open reports, as many as its team takes at once; please try again later`,
        );
      }
    }
    if (settings.reportsPerReporterPerDay !== null && email !== null) {
      const since = new Date(clock.now().getTime() - dayMs).toISOString();
      const history = await store.reports.summarizeReporter({
        project: project.name,
        email,
        since,
      });
      if (history.recent >= settings.reportsPerReporterPerDay) {
        throw new RateLimitedError(
          `${email} sent ${history.recent} reports to ${project.name} in the last 24 hours, its limit; please try again tomorrow`,
        );
      }
    }
  }

  /**
   * Graduated gating: a reporter without an accepted report in this project whose report has no
   * way to reproduce it waits in needs-info, with a request in their thread. Nothing is refused.
   */
  async function gateUnknownReporter(
    project: ProjectRecord,
    record: ReportRecord,
    result: TriageResult | null,
  ): Promise<ReportRecord> {
    if (!project.settings.requireReproductionFromNewReporters || record.status !== 'new') {
      return record;
    }
    if (result?.facts.some((fact) => fact.kind === 'reproduction-steps')) return record;
    const email = record.reporter.email;
    const isKnown =
      email !== null &&
      (
        await store.reports.summarizeReporter({
          project: project.name,
          email,
          since: record.receivedAt,
        })
      ).accepted > 0;
    if (isKnown) return record;
    return store.reports.changeStatus(
      record.id,
      record.version,
      'needs-info',
      'system',
      reproductionRequest,
    );
  }

  /** Stores the report (durable before this returns), then triages and gates it. */
  async function intake(
    project: ProjectRecord,
    report: Parameters<ReportStore['reports']['add']>[0],
  ): Promise<SubmissionReceipt> {
    await admitSubmission(project, report.reporter?.email ?? null);
    const added = await store.reports.add(report);
    let record = added.report;
    if (added.isNew) {
      // The report is durable already; a failed triage leaves it in the queue untriaged.
      try {
        const triaged = await triageRecord(record);
        record = await gateUnknownReporter(project, triaged.record, triaged.result);
      } catch {
        // Re-triage on demand (POST /api/v1/reports/{id}/triage) retries it.
      }
    }
    return { id: record.id, status: record.status, token: added.reporterToken };
  }

  async function retriageOpenReports(name: string): Promise<{ retriaged: number; failed: number }> {
    const statuses = reportStatuses.filter(isOpenStatus);
    let retriaged = 0;
    let failed = 0;
    let cursor: string | null = null;
    do {
      const page = await store.reports.listQueue({ project: name, statuses, limit: 1000, cursor });
      for (const entry of page.reports) {
        const record = await store.reports.get(entry.id);
        if (!record) continue;
        try {
          await triageRecord(record);
          retriaged += 1;
        } catch {
          failed += 1;
        }
      }
      cursor = page.next;
    } while (cursor !== null);
    return { retriaged, failed };
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

  const advisoryDrafts = createInboxAdvisories({
    store,
    advisories: dependencies.advisories,
    clock,
    async requireMaintainerReport(viewer, id) {
      requireMaintainer(viewer, id);
      return { record: await getVisibleReport(viewer, id), actor: actorOf(viewer) };
    },
    readProfile: async (name) => parseProfileOf(await getProject(name)),
    readReport: readStoredReport,
  });

  return {
    ...advisoryDrafts,
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
    async updateProject(name, update) {
      const project = await getProject(name);
      if (update.profileYaml !== undefined) {
        const parsed = dependencies.parseProfile(update.profileYaml);
        if (!parsed.ok) {
          throw new InputError(
            `the security profile is not valid: ${parsed.issues.map((issue) => issue.message).join('; ')}`,
          );
        }
      }
      const settings =
        update.settings && checkSettings({ ...project.settings, ...update.settings });
      const updated = await store.projects.update(name, project.version, {
        ...(update.profileYaml !== undefined ? { profileYaml: update.profileYaml } : {}),
        ...(update.repoPath !== undefined ? { repoPath: update.repoPath } : {}),
        ...(update.advisoriesPath !== undefined ? { advisoriesPath: update.advisoriesPath } : {}),
        ...(settings ? { settings } : {}),
      });
      const isRetriageDue =
        (update.profileYaml !== undefined && update.profileYaml !== project.profileYaml) ||
        (update.repoPath !== undefined && update.repoPath !== project.repoPath);
      const outcome = isRetriageDue ? await retriageOpenReports(name) : { retriaged: 0, failed: 0 };
      return { project: updated, ...outcome };
    },
    async retriageProject(name) {
      await getProject(name);
      return retriageOpenReports(name);
    },
    async submitReport(submission) {
      const project = await getProject(submission.project);
      const title = requireText(submission.title, 'title', 1000);
      const body = requireText(submission.body, 'body', 1024 * 1024);
      const reporter = submission.reporter ?? null;
      if (reporter !== null && typeof reporter !== 'object') {
        throw new InputError('reporter must be an object with name and email');
      }
      return intake(project, {
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
    },
    async checkSubmission(submission) {
      const project = await getProject(submission.project);
      const title = requireText(submission.title, 'title', 1000);
      const body = requireText(submission.body, 'body', 1024 * 1024);
      await admitSubmission(project, optionalText(submission.reporterEmail, 'reporter.email'));
      const parsed = parseMarkdownReport('draft', body, { title });
      if (!parsed.ok) return [];
      return checkSubmissionCompleteness(parsed.value, parseProfileOf(project)).map((check) => ({
        name: check.name,
        reason: check.reason,
      }));
    },
    async submitReportFile(submission) {
      const project = await getProject(submission.project);
      const name = requireText(submission.file.name, 'file name', 320);
      const batch = await dependencies.readReport({ content: submission.file.content, name });
      if (batch.reports.length === 0) {
        throw new InputError(
          `the file could not be read as a report: ${batch.problems[0]?.message ?? 'it is empty'}`,
        );
      }
      if (batch.reports.length > 1) {
        throw new InputError(
          `the file holds ${batch.reports.length} reports; send one report per submission`,
        );
      }
      const report = batch.reports[0]!;
      const reporter = submission.reporter ?? null;
      const title = optionalText(submission.title, 'title') ?? report.title;
      return intake(project, {
        project: project.name,
        title: requireText(title, 'title', 1000),
        body: requireText(report.body, 'body', 1024 * 1024),
        reporter: {
          name: optionalText(reporter?.name, 'reporter.name') ?? report.reporter?.name ?? null,
          email: optionalText(reporter?.email, 'reporter.email') ?? report.reporter?.email ?? null,
        },
        channel: submission.channel,
        format: report.format,
      });
    },
    async importReports(projectName, reports) {
      const project = await getProject(projectName);
      let added = 0;
      for (const report of reports) {
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
      return { added };
    },
    async triageStoredReport(id) {
      const record = await store.reports.get(id);
      if (!record) throw new NotFoundError(`no report "${id}"`);
      return (await triageRecord(record)).record;
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
      const record = await getVisibleReport(viewer, id);
      if (
        change.status === 'disclosed' &&
        record.embargoUntil !== null &&
        clock.now().toISOString() < record.embargoUntil
      ) {
        throw new ConflictError(
          `the report is under embargo until ${record.embargoUntil}; it can be disclosed after that`,
        );
      }
      return store.reports.changeStatus(
        id,
        change.version,
        change.status,
        actorOf(viewer),
        change.message,
      );
    },
    async markDuplicate(viewer, id, link) {
      requireMaintainer(viewer, id);
      const record = await getVisibleReport(viewer, id);
      const original = await store.reports.get(link.originalId);
      if (!original || original.project !== record.project) {
        throw new NotFoundError(`no report "${link.originalId}" in ${record.project}`);
      }
      return store.reports.markDuplicate(id, link.version, original.id, actorOf(viewer));
    },
    async listFinders(viewer, id) {
      requireMaintainer(viewer, id);
      await getVisibleReport(viewer, id);
      return store.reports.listFinders(id);
    },
    async setEmbargo(viewer, id, embargo) {
      requireMaintainer(viewer, id);
      await getVisibleReport(viewer, id);
      const until = embargo.until === null ? null : readEmbargoDate(embargo.until);
      return store.reports.update(id, embargo.version, { embargoUntil: until }, actorOf(viewer));
    },
    async inviteGuest(viewer, id) {
      requireMaintainer(viewer, id);
      await getVisibleReport(viewer, id);
      return store.reports.issueAccessToken(id, 'guest', actorOf(viewer));
    },
    async revokeGuests(viewer, id) {
      requireMaintainer(viewer, id);
      await getVisibleReport(viewer, id);
      return store.reports.revokeAccess(id, 'guest', actorOf(viewer));
    },
    async listPublishedReports(name) {
      const project = await getProject(name);
      if (!project.settings.publishDisclosedReports) {
        throw new NotFoundError(`${name} does not publish its reports`);
      }
      const published: ReportRecord[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.reports.listQueue({
          project: name,
          statuses: ['disclosed'],
          limit: 1000,
          cursor,
        });
        for (const entry of page.reports) {
          const record = await store.reports.get(entry.id);
          if (record) published.push(record);
        }
        cursor = page.next;
      } while (cursor !== null);
      return published;
    },
    async listActivity(name) {
      await getProject(name);
      return store.reports.listActivity(name);
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
