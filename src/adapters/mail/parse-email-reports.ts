// Reads reports sent by e-mail: one .eml message or an mbox of them, decoded by postal-mime
// (MIME parts, transfer encodings, charsets), then read as Markdown for sections.

import PostalMime from 'postal-mime';
import type { Address, Attachment, Email } from 'postal-mime';
import {
  createReportBodyBuilder,
  cutTitle,
  deriveReportTitle,
  fenceCode,
  formatParseIssue,
  checkReportText,
  reportLimits,
  subjectAddsFacts,
  type ParseResult,
  type Report,
  type Reporter,
  type MailReader,
} from '../../core/triage.js';
import type { ReportBatch } from '../../services/ports.js';
import { convertHtmlToText } from './convert-html-to-text.js';
import { isMbox, splitMbox } from './split-mbox.js';

/** Attachments read into the body; anything else (images, archives, PDFs) is left out. */
const textAttachment = /\.(md|markdown|txt|patch|diff)$/i;
const patchAttachment = /\.(patch|diff)$/i;

/**
 * Parses an .eml message or an mbox (first line `From `) into reports, one per message; an
 * mbox message's source is `file.mbox#N` (1-based). Never throws for bad content: each message
 * that cannot be read becomes a problem.
 */
export async function parseEmailReports(source: string, bytes: Uint8Array): Promise<ReportBatch> {
  if (bytes.length > reportLimits.maxTextLength) {
    return problem(
      source,
      `too large (${bytes.length} bytes > ${reportLimits.maxTextLength / 1024 / 1024} MiB limit)`,
    );
  }
  const nul = bytes.subarray(0, reportLimits.binarySniffLength).indexOf(0);
  if (nul !== -1)
    return problem(source, `binary content, not an e-mail message (NUL byte at offset ${nul})`);
  const messages = isMbox(bytes)
    ? splitMbox(bytes).map((message, index) => ({ source: `${source}#${index + 1}`, message }))
    : [{ source, message: bytes }];
  const batch: ReportBatch = { reports: [], problems: [] };
  for (const { source: messageSource, message } of messages) {
    const parsed = await parseEmailMessage(messageSource, message);
    if (parsed.ok) batch.reports.push(parsed.value);
    else
      batch.problems.push(
        ...parsed.issues.map((issue) => ({
          source: messageSource,
          message: formatParseIssue(issue),
        })),
      );
  }
  return batch;
}

/** Header fields of a report's own header block, which no mail program sets. */
const reportFieldHeaders: ReadonlySet<string> = new Set([
  'product',
  'package',
  'component',
  'version',
  'affected',
  'affected-version',
  'affected-versions',
]);

/** One message: Subject is the title, From the reporter, Date the received time. */
async function parseEmailMessage(source: string, bytes: Uint8Array): Promise<ParseResult<Report>> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          message: `not a readable e-mail message: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  const text =
    email.text !== undefined && email.text.trim() !== ''
      ? email.text
      : convertHtmlToText(email.html ?? '');
  const subject = cutTitle(email.subject ?? '');
  const builder = createReportBodyBuilder();
  // A Subject that names what the body leaves out ("foo 2.3.7 - CVE-... - still affected?" over
  // "see the subject line") is read as the body's title line, as a Markdown report's `# title` is.
  if (subject !== '' && subjectAddsFacts(subject, text)) builder.appendText(`# ${subject}`);
  // A report written as a header block ("From: ... / Product: libwebp 1.0.0 / Date: ...") puts
  // its product and version in fields no mail program sets: they are the report's own lines.
  const reportFields = email.headers
    .filter((header) => reportFieldHeaders.has(header.key) && header.value.trim() !== '')
    .map((header) => `${header.originalKey}: ${header.value.replace(/\s+/g, ' ').trim()}`);
  if (reportFields.length > 0) builder.appendText(reportFields.join('\n'));
  const structure = builder.appendMarkdown(text);
  for (const attachment of email.attachments) {
    const name = attachment.filename?.replace(/\s+/g, ' ').trim() ?? '';
    if (!textAttachment.test(name)) continue;
    const content = decodeAttachment(attachment);
    if (content === null) continue;
    const isPatch = patchAttachment.test(name);
    builder.appendSection(
      `Attachment: ${name}`,
      isPatch ? 'proposed-patch' : null,
      isPatch ? fenceCode(content, 'diff') : content,
    );
  }
  const { body, sections } = builder.finish();
  const problem = checkReportText(body);
  if (problem !== null) {
    const message =
      problem.message === 'empty report'
        ? 'empty report: the message has no text, HTML or text attachment'
        : problem.message;
    return { ok: false, issues: [{ message }] };
  }
  const title =
    subject || (structure === null ? 'Untitled report' : deriveReportTitle(text, structure));
  return {
    ok: true,
    value: {
      source,
      format: 'email',
      title,
      body,
      sections,
      reporter: toReporter(email.from),
      receivedAt: toIsoDate(email.date),
      channel: { kind: 'email', recipients: listRecipients(email) },
    },
  };
}

/** UTF-8 when it decodes cleanly, else Windows-1252 (attachments rarely name their charset); null for binary. */
function decodeAttachment(attachment: Attachment): string | null {
  const content = attachment.content;
  const bytes =
    typeof content === 'string'
      ? new TextEncoder().encode(content)
      : content instanceof Uint8Array
        ? content
        : new Uint8Array(content);
  if (bytes.subarray(0, reportLimits.binarySniffLength).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The To and Cc addresses, lower-cased. */
function listRecipients(email: Email): string[] {
  const addresses = [...(email.to ?? []), ...(email.cc ?? [])].flatMap((address) =>
    address.group === undefined ? [address] : address.group,
  );
  return [
    ...new Set(
      addresses.map((mailbox) => mailbox.address.trim().toLowerCase()).filter((a) => a !== ''),
    ),
  ];
}

function toReporter(from: Address | undefined): Reporter | null {
  const mailbox = from?.group === undefined ? from : from.group[0];
  if (mailbox === undefined) return null;
  const reporter: Reporter = {};
  if (mailbox.name.trim() !== '') reporter.name = mailbox.name.trim();
  if (mailbox.address.trim() !== '') reporter.email = mailbox.address.trim();
  return reporter.name === undefined && reporter.email === undefined ? null : reporter;
}

/** postal-mime gives ISO for a parseable Date header and the raw value otherwise. */
function toIsoDate(date: string | undefined): string | null {
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function problem(source: string, message: string): ReportBatch {
  return { reports: [], problems: [{ source, message }] };
}

/** The intake's mail port (`MailReader` in core), implemented with postal-mime. */
export const postalMimeMailReader: MailReader = { readMail: parseEmailReports };
