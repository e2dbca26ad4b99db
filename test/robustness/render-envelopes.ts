// The styles that wrap a report in an envelope: an RFC 5322 e-mail with a quoted-printable body,
// HackerOne's API report object and a GitHub repository security advisory. Severity and weakness
// move into the structured fields those formats have; their sections stay in the text too when
// they say more than a vector, a rating or a CWE id.

import cvssCalculator from 'ae-cvss-calculator';
import {
  encodeHeaderWords,
  encodeQuotedPrintable,
  formatAddress,
  formatRfc5322Date,
} from './encode-mime.js';
import { classifyLabel, type ReportSpec, type SpecSection } from './report-spec.js';

const defaultDate = '2025-01-15T09:00:00Z';

export function renderEmail(spec: ReportSpec, body: string): string {
  const from = spec.reporter
    ? formatAddress(
        spec.reporter.name,
        spec.reporter.email ?? `${toLogin(spec.reporter.name)}@example.net`,
      )
    : 'Reporter <reporter@example.net>';
  const headers = [
    `From: ${from}`,
    'To: security@example.org',
    `Subject: ${encodeHeaderWords(spec.title)}`,
    `Date: ${formatRfc5322Date(spec.date ?? defaultDate)}`,
    `Message-ID: <${hashText(spec.title).toString(36)}.${hashText(body).toString(36)}@example.net>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${encodeQuotedPrintable(body)}\r\n`;
}

interface CvssClaim {
  vector: string | null;
  rating: 'critical' | 'high' | 'medium' | 'low' | 'none' | null;
  score: number | null;
  /** Whether the section says more than the vector, rating and score. */
  hasProse: boolean;
}

function readCvssClaim(text: string): CvssClaim {
  const vector = /CVSS:[34]\.\d(?:\/[A-Za-z]{1,3}:[A-Za-z])+/.exec(text)?.[0] ?? null;
  const word = /\b(critical|high|medium|moderate|low|none)\b/i.exec(text)?.[1]?.toLowerCase();
  const scoreText = /\b(10(?:\.0)?|\d\.\d)\b/.exec(text.replace(vector ?? '', ''))?.[1];
  const score = scoreText === undefined ? scoreVector(vector) : Number(scoreText);
  const rating = word === undefined ? null : word === 'moderate' ? 'medium' : word;
  return {
    vector,
    rating: (rating as CvssClaim['rating']) ?? (score === null ? null : rateScore(score)),
    score,
    hasProse: hasProse(text, [vector ?? '', word ?? '', scoreText ?? '', 'cvss', 'score']),
  };
}

/** The base score of a CVSS vector, as the report's form would compute it; null when invalid. */
function scoreVector(vector: string | null): number | null {
  if (vector === null) return null;
  try {
    if (vector.startsWith('CVSS:4.0/'))
      return new cvssCalculator.Cvss4P0(vector).calculateScores().overall;
    const cvss = vector.startsWith('CVSS:3.1/')
      ? new cvssCalculator.Cvss3P1(vector)
      : new cvssCalculator.Cvss3P0(vector);
    return cvss.calculateScores().base ?? null;
  } catch {
    return null;
  }
}

function rateScore(score: number): CvssClaim['rating'] {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  return score < 9 ? 'high' : 'critical';
}

function readCweIds(text: string): { ids: string[]; hasProse: boolean } {
  const ids = [...text.matchAll(/\bCWE-(\d+)\b/gi)].map((match) => `CWE-${match[1]}`);
  return { ids, hasProse: hasProse(text, [...ids, 'cwe']) };
}

/** Whether anything but the given tokens, punctuation and numbers is left: words a form would lose. */
function hasProse(text: string, tokens: readonly string[]): boolean {
  let rest = text.toLowerCase();
  for (const token of tokens) if (token !== '') rest = rest.split(token.toLowerCase()).join(' ');
  return (rest.match(/[a-z]{3,}/g) ?? []).length > 0;
}

interface StructuredParts {
  bodySections: SpecSection[];
  cvss: CvssClaim | null;
  cweIds: string[];
}

/** Takes severity and weakness out into structured fields, keeping sections that say more. */
function splitStructured(spec: ReportSpec): StructuredParts {
  const bodySections: SpecSection[] = [];
  let cvss: CvssClaim | null = null;
  const cweIds: string[] = [];
  for (const section of spec.sections) {
    const kind = classifyLabel(section.label);
    if (kind === 'severity') {
      const claim = readCvssClaim(section.text);
      if (claim.vector !== null || claim.rating !== null) {
        cvss ??= claim;
        if (!claim.hasProse) continue;
      }
    } else if (kind === 'weakness') {
      const weakness = readCweIds(section.text);
      if (weakness.ids.length > 0) {
        cweIds.push(...weakness.ids.filter((id) => !cweIds.includes(id)));
        if (!weakness.hasProse) continue;
      }
    }
    bodySections.push(section);
  }
  return { bodySections, cvss, cweIds };
}

const ghsaAlphabet = '23456789cfghjmpqrvwx';

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A stable, well-formed GHSA id for a title (GHSA-xxxx-xxxx-xxxx). */
function makeGhsaId(title: string): string {
  let state = hashText(title);
  const groups: string[] = [];
  for (let group = 0; group < 3; group += 1) {
    let part = '';
    for (let index = 0; index < 4; index += 1) {
      state = Math.imul(state ^ (state >>> 13), 0x5bd1e995) >>> 0;
      part += ghsaAlphabet[state % ghsaAlphabet.length];
    }
    groups.push(part);
  }
  return `GHSA-${groups.join('-')}`;
}

function toLogin(name: string): string {
  const login = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return login === '' ? 'reporter' : login;
}

function toIsoDateTime(date: string | undefined): string {
  const value = date ?? defaultDate;
  return /T/.test(value) ? new Date(value).toISOString() : `${value}T09:00:00Z`;
}

/** The description a GitHub private vulnerability report holds: `### Label` sections. */
export function renderGithubAdvisory(spec: ReportSpec): string {
  const { bodySections, cvss, cweIds } = splitStructured(spec);
  const login = spec.reporter ? toLogin(spec.reporter.name) : 'reporter';
  const advisory = {
    ghsa_id: makeGhsaId(spec.title),
    cve_id: null,
    summary: spec.title,
    description: bodySections
      .map((section) => `### ${section.label}\n\n${section.text}`)
      .join('\n\n'),
    severity: cvss?.rating ?? null,
    cvss: cvss?.vector ? { vector_string: cvss.vector, score: cvss.score } : null,
    cwe_ids: cweIds,
    state: 'triage',
    author: { login, type: 'User' },
    credits: [{ login, type: 'reporter' }],
    submission: { accepted: false },
    created_at: toIsoDateTime(spec.date),
  };
  return `${JSON.stringify(advisory, null, 2)}\n`;
}

const cvssMetricNames: Record<string, [string, Record<string, string>]> = {
  AV: ['attack_vector', { N: 'network', A: 'adjacent', L: 'local', P: 'physical' }],
  AC: ['attack_complexity', { L: 'low', H: 'high' }],
  PR: ['privileges_required', { N: 'none', L: 'low', H: 'high' }],
  UI: ['user_interaction', { N: 'none', R: 'required' }],
  S: ['scope', { U: 'unchanged', C: 'changed' }],
  C: ['confidentiality', { N: 'none', L: 'low', H: 'high' }],
  I: ['integrity', { N: 'none', L: 'low', H: 'high' }],
  A: ['availability', { N: 'none', L: 'low', H: 'high' }],
};

/** HackerOne's per-metric severity attributes for a CVSS 3.x vector. */
function readCvssMetrics(vector: string): Record<string, string> {
  const metrics: Record<string, string> = {};
  for (const part of vector.split('/').slice(1)) {
    const [key = '', value = ''] = part.split(':');
    const metric = cvssMetricNames[key];
    const name = metric?.[1][value];
    if (metric && name) metrics[metric[0]] = name;
  }
  return metrics;
}

/** The shape of HackerOne's API report object (`GET /v1/reports/{id}`), wrapped in `data`. */
export function renderHackerOneReport(spec: ReportSpec): string {
  const { bodySections, cvss, cweIds } = splitStructured(spec);
  const id = String(2_000_000 + (hashText(spec.title) % 900_000));
  const component = spec.sections.find((section) => classifyLabel(section.label) === 'component');
  const relationships: Record<string, unknown> = {};
  if (spec.reporter) {
    relationships.reporter = {
      data: {
        id: String(hashText(spec.reporter.name) % 1_000_000),
        type: 'user',
        attributes: { username: toLogin(spec.reporter.name), name: spec.reporter.name },
      },
    };
  }
  if (cvss !== null) {
    relationships.severity = {
      data: {
        id: String(hashText(`${id}-severity`) % 100_000),
        type: 'severity',
        attributes: {
          rating: cvss.rating ?? 'none',
          author_type: 'User',
          ...(cvss.score === null ? {} : { score: cvss.score }),
          ...(cvss.vector === null ? {} : readCvssMetrics(cvss.vector)),
        },
      },
    };
  }
  const [cwe] = cweIds;
  if (cwe !== undefined) {
    relationships.weakness = {
      data: {
        id: cwe.slice(4),
        type: 'weakness',
        attributes: { name: cwe, external_id: cwe.toLowerCase() },
      },
    };
  }
  relationships.structured_scope = {
    data: {
      id: String(hashText(`${id}-scope`) % 100_000),
      type: 'structured-scope',
      attributes: {
        asset_identifier:
          component && !component.text.includes('\n') ? component.text : 'source code',
        asset_type: 'SOURCE_CODE',
        eligible_for_submission: true,
      },
    },
  };
  const report = {
    data: {
      id,
      type: 'report',
      attributes: {
        title: spec.title,
        state: 'new',
        created_at: toIsoDateTime(spec.date),
        vulnerability_information: bodySections
          .map((section) => `## ${section.label}:\n\n${section.text}`)
          .join('\n\n'),
      },
      relationships,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
