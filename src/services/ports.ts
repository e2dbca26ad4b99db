// The interfaces the services need from the outside world; adapters implement them.

import type {
  AdvisoryFormat,
  DuplicateDocument,
  Ecosystem,
  NpmAdvisory,
  ParseIssue,
  RegistryLookup,
  Report,
  ReportStatus,
  SeverityModel,
} from '../core/triage.js';
import type { PopularPackage } from '../core/dependencies.js';

/**
 * A report file (or one message of an mbox) that could not be read or parsed, or one report whose
 * processing failed: it is that report's problem, and the rest of the batch goes on.
 */
export interface InputProblem {
  source: string;
  message: string;
  /** True when the failure was a bug or an unexpected error, not bad input (exit code 1). */
  isInternal?: boolean;
}

export interface ReportBatch {
  reports: Report[];
  problems: InputProblem[];
}

/**
 * Reads report files and folders of them from disk, each file through the core intake
 * (`readReportInput`). Only the front ends reach it (through `Services.intake`): services take
 * reports, never paths.
 */
export interface ReportReader {
  readReports(paths: readonly string[]): Promise<ReportBatch>;
}

/** Published advisories and earlier reports to match duplicates against (`--against`). */
export interface DuplicateCorpus {
  advisories: DuplicateDocument[];
  reports: Report[];
  problems: InputProblem[];
}

/** A line `git grep` found. */
export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

export interface CommitInfo {
  id: string;
  subject: string;
  /** ISO 8601 committer date. */
  date: string;
}

/**
 * Read-only access to a git repository at any revision. Implementations never check out, never
 * write to the working tree or the index, and never run anything from a report.
 */
export interface RepoReader {
  /** Full commit id for a tag, branch, short or full commit id; null when unknown. */
  resolveRevision(revision: string): Promise<string | null>;
  /** The default revision (HEAD) as a full commit id. */
  resolveHead(): Promise<string>;
  /** Every tag name with the commit it points at (annotated tags peeled). */
  listTags(): Promise<Array<{ name: string; commit: string }>>;
  /** Every file path in the tree of a commit (cached per commit). */
  listFiles(commit: string): Promise<string[]>;
  /** A file's content at a commit; null when absent or not a regular file. Binary stays bytes. */
  readFile(commit: string, path: string): Promise<Uint8Array | null>;
  /** Fixed-string search (any of `needles`) at a commit; `wordMatch` for identifiers. */
  grep(
    commit: string,
    needles: readonly string[],
    options?: { wordMatch?: boolean; maxHits?: number },
  ): Promise<GrepHit[]>;
  /** Whether a unified diff applies cleanly to the tree of a commit, with git's message. */
  checkPatch(commit: string, diff: string): Promise<{ applies: boolean; message: string }>;
  /** Whether the clone is shallow: its history is cut, so "never in history" cannot be said. */
  isShallow(): Promise<boolean>;
  /** The newest commit (in all history) that touched a path, e.g. the one that deleted it; null if never. */
  findLastChange(path: string): Promise<CommitInfo | null>;
  /** Commits after `commit` on the way to HEAD that touched `path`, newest first. */
  listChangesAfter(commit: string, path: string, limit?: number): Promise<CommitInfo[]>;
  /**
   * The first commit after `commit`, on the way to HEAD, that changed any of the lines
   * `start..end` of `path` as they are at `commit` (blame in reverse); null when they are unchanged.
   */
  findLineChangeAfter(
    commit: string,
    path: string,
    lines: { start: number; end: number },
  ): Promise<CommitInfo | null>;
  /**
   * Which of these identifiers occur as a whole word at any of these revisions (one search over
   * them all): name → the first revision (as given) found to hold it.
   */
  findNamesAt(revisions: readonly string[], names: readonly string[]): Promise<Map<string, string>>;
  /** Tag names whose history contains the commit. */
  listTagsContaining(commit: string): Promise<string[]>;
}

export interface OpenedRepo extends RepoReader {
  /** Ends the reader's git processes. */
  close(): void;
}

/** Opens a local git repository for reading; throws InputError when it is not one. */
export interface RepoOpener {
  open(repoDir: string): Promise<OpenedRepo>;
}

/** Published advisories read from OSV files or zips, and the other files (earlier reports). */
export interface AdvisoryCorpus {
  advisories: DuplicateDocument[];
  reportPaths: string[];
  problems: InputProblem[];
}

export interface AdvisoryReader {
  readAdvisoryCorpus(paths: readonly string[]): Promise<AdvisoryCorpus>;
}

/**
 * Where the documents of the duplicate index are kept between runs; the index is rebuilt from them.
 * Saves and removals take effect together at `commit`, which never leaves a half-written store.
 */
export interface DuplicateStore {
  /** Throws InputError when the store is not one Thresher wrote, or is corrupt (with the line). */
  loadDocuments(): Promise<DuplicateDocument[]>;
  saveDocument(document: DuplicateDocument): Promise<void>;
  removeDocument(id: string): Promise<void>;
  commit(): Promise<void>;
  /** How many documents are committed (lets a kept index tell that another process wrote). */
  countDocuments?(): Promise<number>;
}

/** The current time; tests give a fixed one. */
export interface Clock {
  now(): Date;
}

/**
 * Checks an exported advisory document against its format's official JSON schema (shipped with
 * Thresher) and, for CSAF, the standard's mandatory tests. Each problem names the document field.
 */
export interface StandardValidator {
  validate(format: AdvisoryFormat, document: unknown): Promise<ParseIssue[]>;
}

/** The CWE catalogue's names (CSAF requires each CWE id with its exact name). */
export interface WeaknessCatalog {
  findNames(ids: readonly string[]): Promise<Map<string, string>>;
}

/** A regular file of a repository tree (symlinks, devices and FIFOs are never listed). */
export interface TreeEntry {
  /** POSIX path relative to the tree's root. */
  path: string;
}

/** What was read of a file: its size, and its bytes unless larger than asked. */
export interface FileRead {
  size: number;
  /** Null when the file is larger than the cap. */
  bytes: Uint8Array | null;
}

/** Read access to a directory tree, for `thresher audit`. */
export interface RepoTree {
  /** Every regular file, sorted by path; `.git` and `node_modules` folders are skipped. */
  listFiles(): Promise<{ files: TreeEntry[]; problems: InputProblem[] }>;
  /** The file's bytes, or none past `maxBytes` (checked before and while reading); null if gone. */
  readFile(path: string, maxBytes: number): Promise<FileRead | null>;
  /** The first `length` bytes; null if gone or not a regular file. */
  readHead(path: string, length: number): Promise<FileRead | null>;
  /** The size in bytes; null if gone or not a regular file. */
  measure(path: string): Promise<number | null>;
}

/** Text files of a project folder, for `thresher init`. */
export interface ProjectFiles {
  /** The file's text; null when it does not exist. Throws InputError when it is not a regular UTF-8 file. */
  readText(path: string): Promise<string | null>;
  /** Writes the file, creating its folders. */
  writeText(path: string, content: string): Promise<void>;
}

export interface DirectoryOpener {
  /** A tree to audit; throws InputError when `dir` is not a readable directory. */
  openTree(dir: string): Promise<RepoTree>;
  /** A project to write into; creates `dir` when missing. */
  openProject(dir: string): Promise<ProjectFiles>;
}

/** What the npm registry says about packages, and which of their versions have advisories. */
export interface PackageRegistry {
  /** The registry asked (from the npm configuration), for the report. */
  resolveUrl(): Promise<string>;
  readonly isOffline: boolean;
  /** One answer per name it could get (from the network or the cache); others are left out. */
  lookupPackages(names: readonly string[]): Promise<Map<string, RegistryLookup>>;
  /** npm's bulk advisory endpoint for these versions; `problem` says why nothing came back. */
  fetchAdvisories(
    versions: ReadonlyMap<string, readonly string[]>,
  ): Promise<{ advisories: Map<string, NpmAdvisory[]>; problem?: string }>;
  /** Requests sent and answers taken from the cache so far. */
  readonly counts: { requests: number; cacheHits: number };
}

export interface RegistryOpener {
  /** `npmrcTexts`: the project's `.npmrc` files, read by the caller; the user's is read here. */
  open(options: { offline: boolean; npmrcTexts: readonly string[] }): PackageRegistry;
}

export interface PopularList {
  /** What the list is, in words: "popular npm packages". */
  listName: string;
  packages: PopularPackage[];
}

/** The popular-package lists shipped with Thresher. */
export interface PopularPackageSource {
  loadPopularPackages(): Promise<Record<Ecosystem, PopularList>>;
}

export interface Clock {
  now(): Date;
}

// ---------------------------------------------------------------------------------------------
// The inbox's records (issue 12): projects, reports with their workflow and audit log, the people
// who may see them, and the documents of each project's duplicate index. SQLite and PostgreSQL
// implement it over one query layer (src/storage); `test/support/report-store-contract.ts` is the
// contract every implementation passes. Times are ISO 8601 UTC strings from the store's Clock.
// Raw tokens are returned once and stored only as hashes. Text fields refuse NUL characters and
// lone UTF-16 surrogates (InputError) so that every implementation gives back exactly what it took.

export interface ProjectRecord {
  name: string;
  /** The project's security-profile.yml, as written. */
  profileYaml: string;
  /** A local git repository for code evidence. */
  repoPath: string | null;
  /** A folder or OSV export of published advisories, for duplicates. */
  advisoriesPath: string | null;
  settings: ProjectSettings;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1 and grows with each update (optimistic concurrency). */
  version: number;
}

/** How a project's inbox takes reports in (docs/server.md, "Capacity and gating"). */
export interface ProjectSettings {
  /** When set, intake is paused: submissions are refused (503) with this message. */
  intakePausedMessage: string | null;
  /** Open reports (new, needs-info, triaged, accepted, fixing) past which intake answers 503. */
  workInProgressLimit: number | null;
  /** A reporter with no accepted report must include steps to reproduce, or waits in needs-info. */
  requireReproductionFromNewReporters: boolean;
  /** Reports per reporter e-mail address per 24 hours; null for no limit. */
  reportsPerReporterPerDay: number | null;
  /** Disclosed reports are listed on the project's public page. */
  publishDisclosedReports: boolean;
}

interface NewProject {
  name: string;
  profileYaml: string;
  repoPath?: string | null;
  advisoriesPath?: string | null;
  settings?: ProjectSettings;
}

export type ProjectChanges = Partial<
  Pick<ProjectRecord, 'profileYaml' | 'repoPath' | 'advisoriesPath' | 'settings'>
>;

export interface ProjectRecords {
  /** Throws ConflictError when the name is taken. */
  add(project: NewProject): Promise<ProjectRecord>;
  get(name: string): Promise<ProjectRecord | null>;
  /** By name. */
  list(): Promise<ProjectRecord[]>;
  /** Throws NotFoundError, or ConflictError when `expectedVersion` is not the stored one. */
  update(name: string, expectedVersion: number, changes: ProjectChanges): Promise<ProjectRecord>;
}

interface StoredReporter {
  name: string | null;
  email: string | null;
}

export interface ReportRecord {
  id: string;
  project: string;
  title: string;
  body: string;
  reporter: StoredReporter;
  /** How it arrived: `web`, `api`, `email`, `cli`... */
  channel: string;
  /** The intake format it was parsed from: `markdown`, `email`, `hackerone-json`... */
  format: string;
  /** Identifies a resubmission of the same content to the same project (see `reports.add`). */
  contentHash: string;
  receivedAt: string;
  status: ReportStatus;
  /** Starts at 1 and grows with each change (optimistic concurrency). */
  version: number;
  /** The triage JSON of this report, once triaged. */
  assessment: unknown;
  disposition: string | null;
  /** Queue points (higher first); 0 until triaged. */
  priority: number;
  /** Ids of the profile rules the verdict cites. */
  rules: string[];
  embargoUntil: string | null;
  /** The original this report duplicates (always the first of its chain). */
  duplicateOf: string | null;
  updatedAt: string;
}

export interface NewReport {
  project: string;
  title: string;
  body: string;
  reporter?: Partial<StoredReporter> | null;
  channel: string;
  format: string;
  /** Defaults to now. */
  receivedAt?: string;
  /**
   * Defaults to a SHA-256 over project, title, body and reporter: the same submission sent twice
   * (a retried request) is stored once.
   */
  contentHash?: string;
  /** Who added it, for the audit log; defaults to `reporter`. */
  actor?: string;
}

export interface AddedReport {
  report: ReportRecord;
  /** False when the same content was already stored: `report` is the earlier one. */
  isNew: boolean;
  /** The reporter's access token for a new report (shown once); null for a resubmission. */
  reporterToken: string | null;
}

export type ReportChanges = Partial<
  Pick<ReportRecord, 'title' | 'assessment' | 'disposition' | 'priority' | 'rules' | 'embargoUntil'>
>;

/** What the dashboard counts of one report. */
export interface ReportActivity {
  id: string;
  status: ReportStatus;
  disposition: string | null;
  receivedAt: string;
  /** The first maintainer message or status change the reporter saw; null while unanswered. */
  firstResponseAt: string | null;
}

/** One line of a project's queue. */
export interface QueueEntry {
  id: string;
  title: string;
  status: ReportStatus;
  disposition: string | null;
  priority: number;
  rules: string[];
  receivedAt: string;
}

export interface QueueQuery {
  project: string;
  /** Only these states; all when absent or empty. */
  statuses?: readonly ReportStatus[];
  /** 1 to 1000; 50 when absent. */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string | null;
}

export interface QueuePage {
  /** Highest priority first, then oldest first, then by id. */
  reports: QueueEntry[];
  /** Opaque; null on the last page. */
  next: string | null;
}

/** Who sees an event: the reporter's thread (and guests), or the team only. */
type EventVisibility = 'reporter' | 'team';

export type ReportEventKind =
  | 'received'
  | 'status-changed'
  | 'updated'
  | 'duplicate-linked'
  | 'access-granted'
  | 'access-revoked'
  | 'message'
  | 'advisory-drafted'
  | 'advisory-saved'
  | 'advisory-exported';

/** One entry of a report's append-only audit log. */
export interface ReportEvent {
  /** Grows with each event of the store. */
  sequence: number;
  reportId: string;
  kind: ReportEventKind;
  visibility: EventVisibility;
  /** Who did it: `reporter`, `system`, `user:<id>`, `guest`... */
  actor: string;
  at: string;
  /** The message, or the note given with a change. */
  body: string | null;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  /** What else the event records (changed fields, the original's id). */
  data: Record<string, unknown> | null;
}

interface NewMessage {
  visibility: EventVisibility;
  actor: string;
  body: string;
}

/** A reporter credited for a bug: the original's first, then each duplicate's by arrival. */
export interface DuplicateFinder {
  reportId: string;
  reporter: StoredReporter;
  receivedAt: string;
}

interface ReporterHistory {
  /** Every report received from this address. */
  total: number;
  /** Those received since the time asked. */
  recent: number;
  /** Those the team accepted (accepted, fixing, fixed or disclosed). */
  accepted: number;
}

type ReportAccessRole = 'reporter' | 'guest';

interface ReportAccess {
  reportId: string;
  role: ReportAccessRole;
}

export interface ReportRecords {
  /**
   * Stores a report in state `new` with its `received` event and reporter token, and resolves
   * only once that is durable. Throws NotFoundError for an unknown project.
   */
  add(report: NewReport): Promise<AddedReport>;
  get(id: string): Promise<ReportRecord | null>;
  /** Throws NotFoundError, or ConflictError when `expectedVersion` is stale. */
  update(
    id: string,
    expectedVersion: number,
    changes: ReportChanges,
    actor: string,
  ): Promise<ReportRecord>;
  /**
   * Moves a report along the workflow (`core/workflow`), logged with an optional message to the
   * reporter. ConflictError when the version is stale or the move is not allowed.
   */
  changeStatus(
    id: string,
    expectedVersion: number,
    to: ReportStatus,
    actor: string,
    message?: string,
  ): Promise<ReportRecord>;
  /**
   * Marks a report a duplicate of another of the same project (of that one's original when it
   * is itself a duplicate). ConflictError when stale, not allowed, or it would link to itself.
   */
  markDuplicate(
    id: string,
    expectedVersion: number,
    originalId: string,
    actor: string,
  ): Promise<ReportRecord>;
  /** Everyone who reported the bug of `id` (original and duplicates). */
  listFinders(id: string): Promise<DuplicateFinder[]>;
  listQueue(query: QueueQuery): Promise<QueuePage>;
  countByStatus(project: string): Promise<Record<ReportStatus, number>>;
  /** Every report of a project, oldest first, with when a maintainer first answered it. */
  listActivity(project: string): Promise<ReportActivity[]>;
  /**
   * A reporter's history with a project, by e-mail address (case-insensitive), for gating
   * unknown reporters and per-reporter rate limits.
   */
  summarizeReporter(query: {
    project: string;
    email: string;
    /** Count `recent` reports received at or after this time. */
    since: string;
  }): Promise<ReporterHistory>;
  addMessage(reportId: string, message: NewMessage): Promise<ReportEvent>;
  /** In order; `reporter` gives only what the reporter's thread shows. */
  listEvents(reportId: string, view: EventVisibility): Promise<ReportEvent[]>;
  /** A new token giving access to one report (a reporter's extra link, or an invited guest). */
  issueAccessToken(reportId: string, role: ReportAccessRole, actor: string): Promise<string>;
  /** What a token opens; null when unknown or revoked. */
  findAccess(token: string): Promise<ReportAccess | null>;
  /** Revokes every token of one role for a report (ends a guest's invitation); returns how many. */
  revokeAccess(reportId: string, role: ReportAccessRole, actor: string): Promise<number>;
}

type UserRole = 'maintainer';

export interface UserRecord {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  role: UserRole;
  /** The memory-hard hash the server computed (the store never sees a password). */
  passwordHash: string;
  createdAt: string;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
}

interface SessionRecord {
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface PeopleRecords {
  /** Throws ConflictError when the e-mail address is taken. */
  addUser(user: { email: string; role: UserRole; passwordHash: string }): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** The raw token is returned here only. */
  createApiToken(token: { userId: string; name: string }): Promise<{
    token: string;
    record: ApiTokenRecord;
  }>;
  /** Null when unknown or revoked. */
  findApiToken(token: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  revokeApiToken(id: string): Promise<void>;
  createSession(session: { userId: string; expiresAt: string }): Promise<{
    token: string;
    record: SessionRecord;
  }>;
  /** Null when unknown or expired. */
  findSession(token: string): Promise<SessionRecord | null>;
  deleteSession(token: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpiredSessions(): Promise<number>;
}

/** The documents of each project's duplicate index, kept between runs. */
export interface DuplicateDocumentRecords {
  list(project: string): Promise<DuplicateDocument[]>;
  count(project: string): Promise<number>;
  /** Saves (replacing by id) and removes in one transaction. */
  write(
    project: string,
    changes: { save: readonly DuplicateDocument[]; remove: readonly string[] },
  ): Promise<void>;
}

/** The draft advisory of a report (the report that heads a duplicate cluster). */
export interface AdvisoryDraftRecord {
  reportId: string;
  /** The advisory model's JSON value, as the service checked it. */
  advisory: unknown;
  /** 1 when created; each save adds one. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One draft advisory per report, changed only from the version read; each write is audited. */
export interface AdvisoryDraftRecords {
  get(reportId: string): Promise<AdvisoryDraftRecord | null>;
  /**
   * Stores the first draft of a report (event `advisory-drafted`). NotFoundError for an unknown
   * report, ConflictError when the report has a draft already.
   */
  create(reportId: string, advisory: unknown, actor: string): Promise<AdvisoryDraftRecord>;
  /**
   * Replaces the draft when it is still at `expectedVersion` (event `advisory-saved`).
   * NotFoundError when the report has no draft, ConflictError when the version is stale.
   */
  save(
    reportId: string,
    expectedVersion: number,
    advisory: unknown,
    actor: string,
  ): Promise<AdvisoryDraftRecord>;
  /**
   * Logs an export of the draft at `version` (event `advisory-exported`, team only, with the
   * format and whether it was asked with force, past any embargo). NotFoundError when the report has no draft.
   */
  logExport(
    reportId: string,
    exported: { version: number; format: string; forced: boolean },
    actor: string,
  ): Promise<void>;
}

export interface ReportStore {
  readonly projects: ProjectRecords;
  readonly reports: ReportRecords;
  readonly people: PeopleRecords;
  readonly duplicateDocuments: DuplicateDocumentRecords;
  readonly advisoryDrafts: AdvisoryDraftRecords;
  /** Ends the store's connections; the store cannot be used after. */
  close(): Promise<void>;
}

/** Memory-hard password hashing for maintainers' logins, and the one-time passwords they start with. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a hash this hasher did not write. */
  verify(password: string, passwordHash: string): Promise<boolean>;
  /** A new random password to print once. */
  createPassword(): string;
}

/** The severity model, loaded on first use (throws InputError when the file is wrong or damaged). */
export interface SeverityModelSource {
  load(): Promise<SeverityModel>;
}
