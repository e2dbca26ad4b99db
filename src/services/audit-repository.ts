// Use case: audit a repository tree for security readiness. Lists the tree through the port,
// reads only the files the rules need (size-capped, UTF-8 checked), and runs the pure rules.

import {
  createRepoSnapshot,
  describeSnapshotNeeds,
  runAudit,
  type AuditReport,
  type ProfileParser,
  type SnapshotFile,
} from '../core/index.js';
import type { DirectoryOpener, InputProblem, RepoTree, TreeEntry } from './ports.js';

/** Largest file whose content a rule reads. */
const maxContentBytes = 1024 * 1024;
const headBytes = 8;
const concurrency = 32;

interface AuditOutcome {
  report: AuditReport;
  fileCount: number;
  problems: InputProblem[];
}

export interface AuditService {
  audit(request: { dir: string; now: Date }): Promise<AuditOutcome>;
}

export function createAuditService(deps: {
  directories: DirectoryOpener;
  parseProfile: ProfileParser;
}): AuditService {
  return {
    async audit({ dir, now }) {
      const tree = await deps.directories.openTree(dir);
      const { files: entries, problems } = await tree.listFiles();
      const files = await readSnapshotFiles(tree, entries);
      const report = runAudit({
        snapshot: createRepoSnapshot(files),
        now,
        parseProfile: deps.parseProfile,
      });
      return { report, fileCount: entries.length, problems };
    },
  };
}

async function readSnapshotFiles(
  tree: RepoTree,
  entries: readonly TreeEntry[],
): Promise<SnapshotFile[]> {
  const needs = describeSnapshotNeeds();
  const files: SnapshotFile[] = entries.map((entry) => ({ path: entry.path }));
  const jobs = files.flatMap((file) => {
    if (needs.readsContent(file.path)) return [() => readContent(tree, file)];
    if (needs.readsHead(file.path)) return [() => readHead(tree, file)];
    if (needs.readsSize(file.path)) return [() => measure(tree, file)];
    return [];
  });
  await runLimited(jobs, concurrency);
  return files;
}

async function readContent(tree: RepoTree, file: SnapshotFile): Promise<void> {
  const read = await tree.readFile(file.path, maxContentBytes);
  if (read === null) {
    file.unread = 'unreadable';
    return;
  }
  file.size = read.size;
  if (read.bytes === null) {
    file.unread = 'too-large';
    return;
  }
  try {
    file.text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    file.unread = 'not-utf8';
  }
}

async function readHead(tree: RepoTree, file: SnapshotFile): Promise<void> {
  const read = await tree.readHead(file.path, headBytes);
  if (read === null) return;
  file.size = read.size;
  if (read.bytes !== null) file.head = read.bytes;
}

async function measure(tree: RepoTree, file: SnapshotFile): Promise<void> {
  const size = await tree.measure(file.path);
  if (size !== null) file.size = size;
}

async function runLimited(jobs: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      await job?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}
