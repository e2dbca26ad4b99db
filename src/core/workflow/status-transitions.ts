// The inbox workflow: the states a stored report moves through and which moves are allowed, so the
// store, the server and the command line refuse the same impossible changes.

import { ConflictError, InputError } from '../errors.js';

export const reportStatuses = [
  'new',
  'needs-info',
  'triaged',
  'accepted',
  'duplicate',
  'out-of-scope',
  'invalid',
  'spam',
  'fixing',
  'fixed',
  'disclosed',
] as const;

export type ReportStatus = (typeof reportStatuses)[number];

/**
 * Allowed moves. Triage runs from `new` (to `needs-info` or `triaged`; spam may be closed at
 * once); a maintainer decides from `triaged`; accepted reports go through fixing to disclosure.
 * Closing decisions can be reopened to `triaged` because people err; `disclosed` is final.
 */
export const statusTransitions: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['needs-info', 'triaged', 'spam'],
  'needs-info': ['triaged', 'invalid', 'spam'],
  triaged: ['needs-info', 'accepted', 'duplicate', 'out-of-scope', 'invalid', 'spam'],
  accepted: ['fixing', 'duplicate', 'invalid'],
  duplicate: ['triaged'],
  'out-of-scope': ['triaged'],
  invalid: ['triaged'],
  spam: ['triaged'],
  fixing: ['fixed', 'accepted'],
  fixed: ['disclosed', 'fixing'],
  disclosed: [],
};

const openStatuses: ReadonlySet<ReportStatus> = new Set([
  'new',
  'needs-info',
  'triaged',
  'accepted',
  'fixing',
]);

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (reportStatuses as readonly string[]).includes(value);
}

/** Whether the report still waits on the team or the reporter (counts toward a work-in-progress limit). */
export function isOpenStatus(status: ReportStatus): boolean {
  return openStatuses.has(status);
}

export function canChangeStatus(from: ReportStatus, to: ReportStatus): boolean {
  return statusTransitions[from].includes(to);
}

/** Throws InputError for an unknown state and ConflictError for a move the workflow forbids. */
export function checkStatusChange(from: ReportStatus, to: string): ReportStatus {
  if (!isReportStatus(to)) {
    throw new InputError(
      `unknown report status "${to}"; expected one of ${reportStatuses.join(', ')}`,
    );
  }
  if (!canChangeStatus(from, to)) {
    const allowed = statusTransitions[from];
    throw new ConflictError(
      `a report in "${from}" cannot move to "${to}"; ${
        allowed.length === 0 ? `"${from}" is final` : `it can move to ${allowed.join(', ')}`
      }`,
    );
  }
  return to;
}
