// An incoming vulnerability report, normalised from any intake format (Markdown, Thresher JSON,
// GitHub advisory JSON, e-mail) into one Markdown body with headed sections, so that facts are
// extracted one way and every fact can point at the text it came from.

import type { RequirementName } from './security-profile.js';

export type ReportFormat =
  'markdown' | 'thresher-json' | 'github-advisory' | 'hackerone' | 'osv' | 'email';

/**
 * What a headed section (or a structured field) is about. Headings such as "Steps to reproduce",
 * "PoC" or HackerOne's "## Steps To Reproduce:" map to `reproduction`, and so on.
 */
export type ReportField =
  | 'summary'
  | 'details'
  | RequirementName
  | 'ai-disclosure'
  | 'environment'
  | 'references'
  | 'credits';

/** A range of `Report.body`: UTF-16 offsets [start, end) and the 1-based line of `start`. */
export interface TextSpan {
  start: number;
  end: number;
  line: number;
}

export interface ReportSection {
  /** The heading as written, without `#` marks. */
  heading: string;
  /** What the heading is about, or null when it is not a known field. */
  field: ReportField | null;
  /** The section's content (after the heading line, up to the next heading of the same or higher level). */
  span: TextSpan;
}

export interface Reporter {
  name?: string;
  email?: string;
}

/**
 * How the report reached the project, when the intake format tells: an e-mail (with the
 * addresses it was sent to), a GitHub advisory, a HackerOne report. Files of Markdown or
 * Thresher JSON say nothing about their channel.
 */
export type ReportChannel =
  { kind: 'email'; recipients: string[] } | { kind: 'github-advisory' } | { kind: 'hackerone' };

export interface Report {
  /** Where it came from: a file path, `file.mbox#3`, or an id. */
  source: string;
  format: ReportFormat;
  title: string;
  /** Normalised Markdown text; every span refers to it. */
  body: string;
  sections: ReportSection[];
  reporter: Reporter | null;
  /** ISO 8601 date-time when known (e-mail Date, advisory published). */
  receivedAt: string | null;
  /** How it arrived, when the format tells. */
  channel?: ReportChannel;
}

export interface RelatedIdentifier {
  id: string;
  /** How the report relates to it: "incomplete fix for", "similar to", ..., or "mentioned". */
  relation: string;
}

export interface ReportIdentifiers {
  own: string[];
  related: RelatedIdentifier[];
}
