// The inbox's draft advisories (issue 15): drafted from a stored report and every duplicate
// linked to it (one bug, so one advisory: credits merged, the earliest date kept), edited and
// saved only when the advisory model's own checks pass, and exported through the advisory
// service, with its validation against the official schemas and its embargo refusal. A cluster
// has one draft, held by the report that heads it. Maintainers only: anyone else is told that
// the report does not exist.

import {
  advisoryFormats,
  formatAdvisoryTimestamp,
  formatParseIssue,
  InputError,
  InternalError,
  NotFoundError,
  parseAdvisory,
  parseAdvisoryJson,
  type Advisory,
  type AdvisoryFormat,
  type Report,
  type SecurityProfile,
} from '../core/index.js';
import type { Viewer } from './create-inbox-service.js';
import type { AdvisoryService, ExportOutcome } from './manage-advisories.js';
import type { AdvisoryDraftRecord, Clock, ReportRecord, ReportStore } from './ports.js';

/** A report's draft advisory: the report heading the cluster holds it. */
export interface InboxAdvisoryDraft {
  reportId: string;
  version: number;
  advisory: Advisory;
  createdAt: string;
  updatedAt: string;
}

export interface InboxAdvisories {
  /** The draft of the report's cluster; null while there is none. */
  getAdvisoryDraft(viewer: Viewer, id: string): Promise<InboxAdvisoryDraft | null>;
  /**
   * Drafts the advisory from the report heading the cluster and each of its duplicates, and
   * stores it; ConflictError when the cluster has a draft already. `notes` say what to complete.
   */
  createAdvisoryDraft(
    viewer: Viewer,
    id: string,
    options?: { cveId?: string; ecosystem?: string },
  ): Promise<{ draft: InboxAdvisoryDraft; notes: string[] }>;
  /**
   * Saves the edited advisory JSON from the version read: InputError naming the failing fields
   * when the model's checks fail, ConflictError when stale. `modified` becomes now.
   */
  saveAdvisoryDraft(
    viewer: Viewer,
    id: string,
    change: { version: number; text: string },
  ): Promise<InboxAdvisoryDraft>;
  /**
   * The standard document, or why not (`invalid` with the fields, `embargoed` with the date).
   * Each export given is logged (`advisory-exported`, team only).
   */
  exportAdvisoryDraft(
    viewer: Viewer,
    id: string,
    request: { format: AdvisoryFormat; force?: boolean },
  ): Promise<ExportOutcome>;
}

interface InboxAdvisoryDependencies {
  store: ReportStore;
  advisories: AdvisoryService;
  clock: Clock;
  /**
   * The report and who writes (for the audit log) when the viewer is a maintainer; NotFoundError
   * otherwise, as for a report that does not exist.
   */
  requireMaintainerReport(
    viewer: Viewer,
    id: string,
  ): Promise<{ record: ReportRecord; actor: string }>;
  /** The project's parsed security profile. */
  readProfile(project: string): Promise<SecurityProfile>;
  readReport(record: ReportRecord): Report;
}

function toDraft(record: AdvisoryDraftRecord): InboxAdvisoryDraft {
  const parsed = parseAdvisory(record.advisory);
  if (!parsed.ok) {
    throw new InternalError(
      `the stored draft advisory of ${record.reportId} does not hold: ${formatParseIssue(parsed.issues[0]!)}`,
    );
  }
  return { ...record, advisory: parsed.value };
}

export function describeAdvisoryIssues(issues: readonly { message: string; path?: string }[]) {
  const shown = issues.slice(0, 5).map(formatParseIssue).join('; ');
  return issues.length > 5 ? `${shown}; and ${issues.length - 5} more` : shown;
}

export function createInboxAdvisories(dependencies: InboxAdvisoryDependencies): InboxAdvisories {
  const { store, advisories, clock } = dependencies;

  /** The report heading the cluster of `id` (itself unless it is a duplicate). */
  async function findHead(viewer: Viewer, id: string) {
    const { record, actor } = await dependencies.requireMaintainerReport(viewer, id);
    if (record.duplicateOf === null) return { head: record, actor };
    const head = await store.reports.get(record.duplicateOf);
    if (!head) throw new NotFoundError(`no report "${record.duplicateOf}"`);
    return { head, actor };
  }

  return {
    async getAdvisoryDraft(viewer, id) {
      const { head } = await findHead(viewer, id);
      const stored = await store.advisoryDrafts.get(head.id);
      return stored === null ? null : toDraft(stored);
    },

    async createAdvisoryDraft(viewer, id, options = {}) {
      const { head, actor } = await findHead(viewer, id);
      const finders = await store.reports.listFinders(head.id);
      const records = [head];
      for (const finder of finders) {
        if (finder.reportId === head.id) continue;
        const duplicate = await store.reports.get(finder.reportId);
        if (duplicate) records.push(duplicate);
      }
      const outcome = await advisories.draft({
        profile: await dependencies.readProfile(head.project),
        reports: records.map((record) => dependencies.readReport(record)),
        // Linked in the store by a maintainer: one bug whatever duplicate matching makes of it.
        merge: true,
        ...(options.cveId ? { cveId: options.cveId } : {}),
        ...(options.ecosystem ? { ecosystem: options.ecosystem } : {}),
      });
      if (outcome.kind !== 'drafted') {
        throw new InputError(
          `the reports could not be drafted: ${outcome.problems[0]?.message ?? 'none could be read'}`,
        );
      }
      const notes = [...outcome.notes];
      let advisory = outcome.advisory;
      if (head.embargoUntil !== null) {
        // The team's embargo on the report rules over the profile's disclosure deadline.
        advisory = {
          ...advisory,
          embargoUntil: formatAdvisoryTimestamp(new Date(head.embargoUntil)),
        };
        notes.push(`the embargo is the report's: ${advisory.embargoUntil}`);
      }
      const stored = await store.advisoryDrafts.create(head.id, advisory, actor);
      return { draft: toDraft(stored), notes };
    },

    async saveAdvisoryDraft(viewer, id, change) {
      const { head, actor } = await findHead(viewer, id);
      if (!Number.isSafeInteger(change.version)) throw new InputError('version must be a number');
      if (typeof change.text !== 'string') throw new InputError('advisory must be the JSON model');
      const parsed = parseAdvisoryJson(change.text);
      if (!parsed.ok) {
        throw new InputError(
          `the advisory is invalid, nothing was saved: ${describeAdvisoryIssues(parsed.issues)}`,
        );
      }
      const advisory: Advisory = {
        ...parsed.value,
        modified: formatAdvisoryTimestamp(clock.now()),
      };
      const stored = await store.advisoryDrafts.save(head.id, change.version, advisory, actor);
      return toDraft(stored);
    },

    async exportAdvisoryDraft(viewer, id, request) {
      const { head, actor } = await findHead(viewer, id);
      if (!advisoryFormats.includes(request.format)) {
        throw new InputError(`format must be one of ${advisoryFormats.join(', ')}`);
      }
      const stored = await store.advisoryDrafts.get(head.id);
      if (stored === null) {
        throw new NotFoundError(`report ${head.id} has no draft advisory; create it first`);
      }
      const force = request.force === true;
      const outcome = await advisories.exportAdvisory({
        text: JSON.stringify(stored.advisory),
        format: request.format,
        force,
      });
      if (outcome.kind === 'exported') {
        // Who took the unpublished advisory out of the inbox, and whether past its embargo.
        await store.advisoryDrafts.logExport(
          head.id,
          { version: stored.version, format: request.format, forced: force },
          actor,
        );
      }
      return outcome;
    },
  };
}
