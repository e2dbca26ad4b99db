// Patterns shared by the rules that read SECURITY.md and security.txt: contacts, private
// reporting, and durations such as "within 3 business days". Every pattern runs on one line cut to
// a bounded length (see scan-lines.ts) and has no nested quantifiers.

import { trimEndCharacters } from '../text/trim-characters.js';

export const emailPattern =
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
export const urlPattern = /https?:\/\/[^\s<>()"'`\]]{1,500}/g;
/** GitHub private vulnerability reporting, linked or named. */
export const privateReportingPattern =
  /security\/advisories\/new|private vulnerability report|privately report|report a vulnerability|security advisor(?:y|ies)/i;
export const publicIssuePattern = /open (?:a|an) (?:new )?(?:github )?issue|file (?:a|an) issue/i;
const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const amount = String.raw`(\d{1,4}|${Object.keys(numberWords).join('|')})(?:\s*\(\d{1,4}\))?\)?`;
/** "3 days", "48 hours", "1-2 weeks", "three (3) business days", "(5) working days". */
const durationPattern = new RegExp(
  String.raw`\b${amount}(?:\s*(?:-|to|–)\s*${amount})?\s*(?:business\s+|working\s+|calendar\s+)?(hours?|hrs?|h|days?|d|weeks?|months?)\b`,
  'gi',
);

function toNumber(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  return numberWords[text.toLowerCase()] ?? Number(text);
}

export interface Duration {
  days: number;
  text: string;
}

/** Every duration on a line, in days (hours / 24, weeks * 7, months * 30; a range takes its end). */
export function findDurations(line: string): Duration[] {
  return [...line.matchAll(durationPattern)].map((match) => {
    const amount = toNumber(match[2] ?? match[1]);
    const unit = (match[3] ?? '').toLowerCase();
    const factor = unit.startsWith('h')
      ? 1 / 24
      : unit.startsWith('w')
        ? 7
        : unit.startsWith('m')
          ? 30
          : 1;
    return { days: amount * factor, text: match[0] };
  });
}

/**
 * E-mail addresses on a line, lower-cased, with trailing dots removed; an address ends in a
 * top-level domain of letters ("-@0.0" is none).
 */
export function findEmails(line: string): string[] {
  return [...line.matchAll(emailPattern)]
    .map((match) => trimEndCharacters(match[0].toLowerCase(), '.'))
    .filter((email) => /\.[a-z]{2,63}$/.test(email));
}

export function findUrls(line: string): string[] {
  return [...line.matchAll(urlPattern)].map((match) => trimEndCharacters(match[0], '.,;:'));
}
