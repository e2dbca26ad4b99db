// What every audit rule reads: the repository snapshot, today's date, and the documents several
// rules share (SECURITY.md, the profile, the workflows), each found and parsed once, on first use.

import type { ParseResult } from '../model/parse-result.js';
import type { RepoSnapshot, SnapshotFile } from '../model/readiness.js';
import type { SecurityProfile } from '../model/security-profile.js';
import { parseWorkflow, type WorkflowReading } from './parse-workflow.js';
import { readMarkdownSections, type MarkdownSection } from './read-markdown-sections.js';
import { splitLines } from './scan-lines.js';

/** Parses a profile's text; the composition root passes the config parser in. */
export type ProfileParser = (text: string) => ParseResult<SecurityProfile>;

export interface TextDocument {
  file: string;
  text: string;
  lines: string[];
  sections: MarkdownSection[];
}

interface ProfileReading {
  file: string;
  /** Absent when the file could not be read as text (too large, not UTF-8). */
  result?: ParseResult<SecurityProfile>;
  unread?: string;
}

export interface AuditContext {
  snapshot: RepoSnapshot;
  now: Date;
  /** `YYYY-MM-DD` in UTC. */
  today: string;
  readonly policy: TextDocument | null;
  readonly profile: ProfileReading | null;
  /** The profile when it is valid. */
  readonly validProfile: SecurityProfile | null;
  readonly workflows: WorkflowReading[];
  /** The ids of every audit check, to tell exemptions for unknown checks. */
  knownCheckIds: ReadonlySet<string>;
  /** Reads a file of the snapshot as a document; null when absent or not text. */
  document: (path: string) => TextDocument | null;
}

/** Where GitHub looks for a security policy, in the order it picks one. */
export const policyLocations = ['.github/SECURITY.md', 'SECURITY.md', 'docs/SECURITY.md'];
export const profileLocations = [
  'security-profile.yml',
  'security-profile.yaml',
  '.github/security-profile.yml',
  '.github/security-profile.yaml',
];

export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}

const lowerCaseIndexes = new WeakMap<RepoSnapshot, Map<string, SnapshotFile>>();

/** The snapshot file at `path`, matched case-insensitively as GitHub does for health files. */
export function findFile(snapshot: RepoSnapshot, path: string): SnapshotFile | undefined {
  const exact = snapshot.byPath.get(path);
  if (exact !== undefined) return exact;
  let index = lowerCaseIndexes.get(snapshot);
  if (index === undefined) {
    index = new Map();
    for (const file of snapshot.files) {
      const lower = file.path.toLowerCase();
      if (!index.has(lower)) index.set(lower, file);
    }
    lowerCaseIndexes.set(snapshot, index);
  }
  return index.get(path.toLowerCase());
}

export function createAuditContext(
  snapshot: RepoSnapshot,
  now: Date,
  parseProfile: ProfileParser,
  knownCheckIds: ReadonlySet<string>,
): AuditContext {
  const documents = new Map<string, TextDocument | null>();
  const document = (path: string): TextDocument | null => {
    const file = findFile(snapshot, path);
    if (file?.text === undefined) return null;
    let cached = documents.get(file.path);
    if (cached === undefined) {
      cached = {
        file: file.path,
        text: file.text,
        lines: splitLines(file.text),
        sections: readMarkdownSections(file.text),
      };
      documents.set(file.path, cached);
    }
    return cached;
  };
  let policy: TextDocument | null | undefined;
  let profile: ProfileReading | null | undefined;
  let workflows: WorkflowReading[] | undefined;
  return {
    snapshot,
    now,
    today: now.toISOString().slice(0, 10),
    knownCheckIds,
    document,
    get policy() {
      policy ??= findFirstDocument(policyLocations, document);
      return policy;
    },
    get profile() {
      profile ??= readProfile(snapshot, parseProfile);
      return profile;
    },
    get validProfile() {
      const result = this.profile?.result;
      return result?.ok === true ? result.value : null;
    },
    get workflows() {
      workflows ??= snapshot.files
        .filter((file) => isWorkflowPath(file.path))
        .map((file) =>
          file.text === undefined
            ? { ok: false, path: file.path, message: describeUnread(file), line: 1 }
            : parseWorkflow(file.path, file.text),
        );
      return workflows;
    },
  };
}

function findFirstDocument(
  paths: readonly string[],
  document: (path: string) => TextDocument | null,
): TextDocument | null {
  for (const path of paths) {
    const found = document(path);
    if (found !== null) return found;
  }
  return null;
}

function readProfile(snapshot: RepoSnapshot, parseProfile: ProfileParser): ProfileReading | null {
  for (const path of profileLocations) {
    const file = snapshot.byPath.get(path);
    if (file === undefined) continue;
    if (file.text === undefined) return { file: file.path, unread: describeUnread(file) };
    return { file: file.path, result: parseProfile(file.text) };
  }
  return null;
}

function describeUnread(file: SnapshotFile): string {
  switch (file.unread) {
    case 'too-large':
      return `too large to read (${file.size ?? 'unknown'} bytes)`;
    case 'not-utf8':
      return 'not UTF-8 text';
    default:
      return 'could not be read';
  }
}
