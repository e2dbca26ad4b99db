// The interfaces the services need from the outside world; adapters implement them.

import type {
  AdvisoryFormat,
  DuplicateDocument,
  Ecosystem,
  NpmAdvisory,
  ParseIssue,
  PopularPackage,
  RegistryLookup,
  Report,
  SeverityModel,
} from '../core/index.js';

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

/** Reads report files and folders of them, in any supported intake format. */
export interface ReportReader {
  readReports(paths: readonly string[]): Promise<ReportBatch>;
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
}

interface OpenedRepo extends RepoReader {
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
  /** What the list is, in words: "npm high-impact packages". */
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

/** The severity model, loaded on first use (throws InputError when the file is wrong or damaged). */
export interface SeverityModelSource {
  load(): Promise<SeverityModel>;
}
