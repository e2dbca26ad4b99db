// The text of a report as the learned rule matcher reads it, the same whatever the writing style:
// the content of its sections without their headings or labels ("## Impact", "Steps to
// reproduce:", HackerOne's field names), so a greeting, a forwarding note or a field label adds no
// word that a rule's statement could match; the closing sign-off dropped; and the title cut to its
// first sentence, left out when it is only a field heading ("Summary") or the opening of a
// section's own content (a rendering without a title line takes its first words for one).

import type { Report } from '../model/report.js';
import { dropSignOff } from '../duplicates/analyze-duplicate-document.js';
import { mapHeadingToField } from '../report/map-heading-to-field.js';

export interface MatcherText {
  /** The report's own title, or '' when it has none. */
  title: string;
  /** Its sections' content, without headings; the whole body when it has no sections. */
  text: string;
}

/** How far before a section's content its heading may start (`## `, `**`, emoji, a colon). */
const headingSlack = 16;
/** A sentence end inside a title: what follows is the report's text run into it. */
const sentenceEnd = /[.!?](?=\s)/;
/** The longest note before the first section that is dropped with it. */
const maxPreamble = 400;
/**
 * A label of up to four words at the start of a line or a sentence ("Expected:", "**Attack vector
 * & preconditions:**") that no section heading took: the field's name, not the reporter's words.
 */
const labelPattern =
  /(^[ \t]{0,4}|[.!?][ \t]{1,4})(?:[^\p{L}\p{N}\s*_`]{1,4}[ \t]{0,2})?[*_]{0,2}\p{L}[\p{L}\p{N}]{0,30}(?:(?:[ \t]{1,2}|[ \t]{0,2}[/&-][ \t]{0,2})[\p{L}\p{N}]{1,30}){0,3}[*_]{0,2}:[*_]{0,2}(?=\s|$)/gmu;

function readTitle(report: Report): string {
  const end = sentenceEnd.exec(report.title);
  const title = (end === null ? report.title : report.title.slice(0, end.index)).trim();
  if (title === '' || mapHeadingToField(title) !== null) return '';
  const opensSection = report.sections.some((section) =>
    report.body.slice(section.span.start, section.span.end).trimStart().startsWith(title),
  );
  return opensSection ? '' : title;
}

/** A line that is only a bold phrase, maybe after an emoji ("📌 **Scope**"): a heading. */
const boldHeadingPattern =
  /^[ \t]{0,4}(?:[^\p{L}\p{N}\s*_`]{1,4}[ \t]{0,2})?\*\*[^*\s]{1,30}(?:[ \t]{1,2}[^*\s]{1,30}){0,4}\*\*:?[ \t]*$/gmu;
/** A heading of more words than a label's (`## Heap overflow in png_read_row`) is the reporter's. */
const maxLabelWords = 4;

const countWords = (text: string): number =>
  text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * The body from its first section on, without the headings of its fields and its label-like
 * headings: a short note before the first section is a greeting or a forwarding note ("Hello
 * security team,", "... wrote:").
 */
function readSectionText(report: Report): string {
  const { body, sections } = report;
  if (sections.length === 0) return body;
  const kept = new Uint8Array(body.length).fill(1);
  const first = Math.min(...sections.map((section) => section.span.start));
  for (const { heading, field, span } of sections) {
    const from = Math.max(0, span.start - heading.length - headingSlack);
    const at = heading === '' ? -1 : body.lastIndexOf(heading, span.start);
    if (at < from) continue;
    if (field !== null || countWords(heading) <= maxLabelWords)
      kept.fill(0, at, Math.max(at + heading.length, span.start));
    const isPreamble = span.start === first && at <= maxPreamble;
    // Front matter (`---` and `key: value` lines) holds fields, not a greeting.
    if (isPreamble && !body.startsWith('---')) kept.fill(0, 0, at);
  }
  const parts: string[] = [];
  let start = -1;
  for (let at = 0; at <= body.length; at += 1) {
    const isKept = at < body.length && kept[at] === 1;
    if (isKept && start === -1) start = at;
    if (!isKept && start !== -1) {
      parts.push(body.slice(start, at));
      start = -1;
    }
  }
  return parts.join('\n').replace(boldHeadingPattern, '').replace(labelPattern, '$1');
}

export function readMatcherText(report: Report): MatcherText {
  return { title: readTitle(report), text: dropSignOff(readSectionText(report)) };
}
