// Rows of the report tables to the records of the port, and back for changes.

import type { Selectable } from 'kysely';
import { InputError, InternalError, isReportStatus, type ReportStatus } from '../core/index.js';
import type {
  ReportChanges,
  ReportEvent,
  ReportEventKind,
  ReportRecord,
} from '../services/ports.js';
import {
  checkInteger,
  checkNonEmptyText,
  checkOptionalText,
  checkText,
  checkTime,
  encodeJson,
  storedTextLimits,
} from './check-stored-text.js';
import type { ReportEventsTable, ReportsTable } from './report-store-tables.js';

export function readStatus(value: string): ReportStatus {
  if (!isReportStatus(value)) throw new InternalError(`stored report status "${value}" is unknown`);
  return value;
}

function readOptionalStatus(value: string | null): ReportStatus | null {
  return value === null ? null : readStatus(value);
}

export function readRules(text: string): string[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value)
    ? value.filter((rule): rule is string => typeof rule === 'string')
    : [];
}

export function toReport(row: Selectable<ReportsTable>): ReportRecord {
  return {
    id: row.id,
    project: row.project,
    title: row.title,
    body: row.body,
    reporter: { name: row.reporter_name, email: row.reporter_email },
    channel: row.channel,
    format: row.format,
    contentHash: row.content_hash,
    receivedAt: row.received_at,
    status: readStatus(row.status),
    version: row.version,
    assessment: row.assessment === null ? null : (JSON.parse(row.assessment) as unknown),
    disposition: row.disposition,
    priority: row.priority,
    rules: readRules(row.rules),
    embargoUntil: row.embargo_until,
    duplicateOf: row.duplicate_of,
    updatedAt: row.updated_at,
  };
}

export function toEvent(row: Selectable<ReportEventsTable>): ReportEvent {
  return {
    sequence: row.sequence,
    reportId: row.report_id,
    kind: row.kind as ReportEventKind,
    visibility: row.visibility === 'reporter' ? 'reporter' : 'team',
    actor: row.actor,
    at: row.at,
    body: row.body,
    fromStatus: readOptionalStatus(row.from_status),
    toStatus: readOptionalStatus(row.to_status),
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
  };
}

/** PostgreSQL's integer range, which bounds priorities. */
const maxInteger = 2_147_483_647;

/** The columns a change sets; InputError for a value the store cannot keep exactly. */
export function encodeReportChanges(changes: ReportChanges): Partial<ReportsTable> {
  const set: Partial<ReportsTable> = {};
  if (changes.title !== undefined) {
    set.title = checkNonEmptyText('title', changes.title, storedTextLimits.line);
  }
  if (changes.assessment !== undefined) {
    set.assessment =
      changes.assessment === null
        ? null
        : encodeJson('assessment', changes.assessment, storedTextLimits.json);
  }
  if (changes.disposition !== undefined) {
    set.disposition = checkOptionalText('disposition', changes.disposition, storedTextLimits.line);
  }
  if (changes.priority !== undefined) {
    set.priority = checkInteger('priority', changes.priority, -maxInteger, maxInteger);
  }
  if (changes.rules !== undefined) {
    if (!Array.isArray(changes.rules)) throw new InputError('rules must be a list of rule ids');
    const rules = changes.rules.map((rule) => checkText('rule id', rule, storedTextLimits.line));
    set.rules = encodeJson('rules', rules, storedTextLimits.json);
  }
  if (changes.embargoUntil !== undefined) {
    set.embargo_until =
      changes.embargoUntil === null ? null : checkTime('embargo date', changes.embargoUntil);
  }
  return set;
}
