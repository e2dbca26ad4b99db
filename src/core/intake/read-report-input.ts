// The intake: one use case for every front end (CLI files, inbox uploads, MCP tool calls). Takes
// bytes or text, with a name and a media type when the caller has them, detects the format and
// returns the reports in it and the problems found, never throwing for bad content. E-mail is
// decoded by a mail reader the caller passes in (MIME decoding is an adapter's job).

import type { Report, ReportFormat } from '../model/report.js';
import { formatParseIssue } from '../report/format-parse-issue.js';
import { looksLikeEmail } from '../report/looks-like-email.js';
import { parseReportText } from '../report/parse-report.js';
import { findInvalidUtf8 } from '../text/find-invalid-utf8.js';

export interface ReportInput {
  /** The bytes as received (a file, an upload), or text already decoded. */
  content: Uint8Array | string;
  /**
   * A file name or path: its extension hints at the format (`.md`, `.json`, `.eml`, `.mbox`) and
   * it is the reports' `source` (`name#2` for the second report of an array or mbox).
   */
  name?: string;
  /** `text/markdown`, `application/json`, `message/rfc822`...; a `charset` parameter is honoured. */
  mediaType?: string;
}

/** One input (or one report of it) that could not be read: where, and why, in one line. */
export interface IntakeProblem {
  source: string;
  message: string;
}

export interface IntakeResult {
  reports: Report[];
  problems: IntakeProblem[];
}

/** Decodes e-mail (one .eml message or an mbox) into reports; the mail adapter implements it. */
export interface MailReader {
  readMail(source: string, bytes: Uint8Array): Promise<IntakeResult>;
}

export const intakeLimits = {
  /** Largest input read, in bytes (the file adapter stops reading here too). */
  maxInputBytes: 10 * 1024 * 1024,
  /** NUL bytes are looked for in this many leading bytes only. */
  binarySniffLength: 8 * 1024,
  /** E-mail headers are looked for in this many leading bytes only. */
  emailSniffLength: 64 * 1024,
} as const;

/** The source named when the caller gives no name. */
const unnamedSource = 'input';
const emailExtensions = new Set(['.eml', '.mbox']);
const emailMediaTypes = new Set(['message/rfc822', 'application/mbox']);
const markdownExtensions = new Set(['.md', '.markdown']);

/**
 * Reads one input into reports. Text formats (Markdown, plain text, Thresher, GitHub advisory,
 * HackerOne and OSV JSON, one object or an array) are parsed here; e-mail goes to `mail`, and
 * without one it is a problem. Bytes must be UTF-8 (a BOM is fine), UTF-16 with a BOM, or in the
 * charset the media type names.
 */
export async function readReportInput(
  input: ReportInput,
  mail: MailReader | null,
): Promise<IntakeResult> {
  const source = input.name ?? unnamedSource;
  const extension = extensionOf(input.name);
  const { type, charset } = readMediaType(input.mediaType);
  const isDeclaredEmail = emailExtensions.has(extension) || emailMediaTypes.has(type);
  const isDeclaredText =
    markdownExtensions.has(extension) ||
    extension === '.json' ||
    type === 'text/markdown' ||
    type === 'application/json';

  let text: string;
  if (typeof input.content === 'string') {
    text = input.content;
    if (
      isDeclaredEmail ||
      (!isDeclaredText && looksLikeEmail(text.slice(0, intakeLimits.emailSniffLength)))
    )
      return readEmail(source, new TextEncoder().encode(text), mail);
  } else {
    const bytes = input.content;
    if (bytes.length === 0) return problem(source, 'empty report');
    if (bytes.length > intakeLimits.maxInputBytes)
      return problem(source, describeTooLargeInput(bytes.length));
    const utf16 = charset === null ? findUtf16Bom(bytes) : null;
    if (utf16 === null) {
      const nul = bytes.subarray(0, intakeLimits.binarySniffLength).indexOf(0);
      if (nul !== -1)
        return problem(source, `binary file, not a text report (NUL byte at offset ${nul})`);
      const head = decodeLatin1(bytes.subarray(0, intakeLimits.emailSniffLength));
      if (isDeclaredEmail || (!isDeclaredText && looksLikeEmail(head)))
        return readEmail(source, bytes, mail);
    }
    const decoded = decodeText(bytes, utf16 ?? charset);
    if (!decoded.ok) return problem(source, decoded.message);
    text = decoded.text;
  }
  const hint: ReportFormat | undefined =
    markdownExtensions.has(extension) || type === 'text/markdown' ? 'markdown' : undefined;
  const parsed = parseReportText(source, text, hint);
  if (parsed.ok) return { reports: parsed.value, problems: [] };
  return {
    reports: [],
    problems: parsed.issues.map((issue) => ({ source, message: formatParseIssue(issue) })),
  };
}

async function readEmail(
  source: string,
  bytes: Uint8Array,
  mail: MailReader | null,
): Promise<IntakeResult> {
  if (mail === null)
    return problem(source, 'an e-mail message, and this intake was given no mail reader');
  return mail.readMail(source, bytes);
}

/** `.md` for `reports/a.MD`; empty when there is no extension. */
function extensionOf(name: string | undefined): string {
  if (name === undefined) return '';
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** `text/plain; charset=ISO-8859-1` → type `text/plain`, charset `iso-8859-1`. */
function readMediaType(mediaType: string | undefined): { type: string; charset: string | null } {
  if (mediaType === undefined) return { type: '', charset: null };
  const [type = '', ...parameters] = mediaType.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [key = '', value = ''] = parameter.split('=');
    if (key.trim().toLowerCase() === 'charset')
      charset = value.trim().replace(/^"|"$/g, '').toLowerCase() || null;
  }
  return {
    type: type.trim().toLowerCase(),
    charset: charset === 'utf-8' || charset === 'utf8' ? null : charset,
  };
}

function findUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** Strict UTF-8 unless another charset is named; a wrong byte is a problem, never U+FFFD. */
function decodeText(bytes: Uint8Array, charset: string | null): Decoded {
  if (charset === null) {
    const invalid = findInvalidUtf8(bytes);
    if (invalid !== null) {
      const byte = (bytes[invalid] ?? 0).toString(16).padStart(2, '0');
      return {
        ok: false,
        message: `not valid UTF-8 (byte 0x${byte} at offset ${invalid}); save the file as UTF-8`,
      };
    }
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  }
  let decoder: { decode(bytes: Uint8Array): string };
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { ok: false, message: `unknown charset "${charset}"; send the report as UTF-8` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `not valid ${charset} text; send the report as UTF-8` };
  }
}

/** `52.4 MB > 10 MiB`: the size as people read it, the limit as it is defined. */
export function describeTooLargeInput(size: number): string {
  return `too large (${(size / 1e6).toFixed(1)} MB > ${intakeLimits.maxInputBytes / 1024 / 1024} MiB)`;
}

function problem(source: string, message: string): IntakeResult {
  return { reports: [], problems: [{ source, message }] };
}

function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return text;
}
