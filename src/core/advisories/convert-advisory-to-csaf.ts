// Writes an advisory as a CSAF 2.0 security advisory: a product tree (vendor > package > version
// ranges in `vers` syntax, listed and fixed versions), one vulnerability with its product status,
// CVSS v3 scores, CWE, remediation, acknowledgments. CSAF 2.0 has no CVSS 4.0 and one CWE per
// vulnerability: the rest goes into notes, so nothing is silently dropped.

import type { Advisory, AdvisoryAffected, AdvisoryRange } from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';
import { scoreCvssBase } from '../severity/score-cvss-base.js';
import { readRangeEvent } from './check-advisory-ranges.js';
import { findCveId } from './convert-advisory-to-cve5.js';

/** The `vers` versioning scheme of each OSV ecosystem. */
const versSchemes: Record<string, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
  Maven: 'maven',
  NuGet: 'nuget',
  Hex: 'hex',
  Pub: 'pub',
  Debian: 'deb',
  Alpine: 'alpine',
};

type Json = Record<string, unknown>;

export interface CsafOptions {
  /** Thresher's version, for `tracking.generator`. */
  generatorVersion: string;
  /** Exported before the embargo ends (with --force): marked TLP:AMBER instead of TLP:WHITE. */
  isEmbargoed: boolean;
}

interface ProductBranch {
  branch: Json;
  affectedIds: string[];
  fixedIds: string[];
}

/** What a CSAF document needs that the advisory lacks, naming the advisory's field. */
export function checkCsafExport(advisory: Advisory): ParseIssue[] {
  const issues: ParseIssue[] = [];
  if (advisory.publisher.url === null) {
    issues.push({
      path: 'publisher.url',
      message:
        "CSAF names the publisher by a URL (document.publisher.namespace): set the project's URL",
    });
  }
  if (advisory.affected.length === 0) {
    issues.push({
      path: 'affected',
      message: 'a CSAF advisory needs at least one affected product',
    });
  }
  return issues;
}

export function convertAdvisoryToCsaf(
  advisory: Advisory,
  cweNames: ReadonlyMap<string, string>,
  options: CsafOptions,
): Json {
  let nextId = 1;
  const createId = (): string => `CSAFPID-${String(nextId++).padStart(4, '0')}`;
  const products = advisory.affected.map((affected) => buildProductBranch(affected, createId));
  const affectedIds = products.flatMap((product) => product.affectedIds);
  const fixedIds = products.flatMap((product) => product.fixedIds);
  const published = advisory.timeline.published;
  const initial = published ?? advisory.modified;
  const current = initial > advisory.modified ? initial : advisory.modified;
  const isFinal = published !== null;
  const version = isFinal ? '1' : '0';
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: advisory.summary,
      publisher: {
        category: 'vendor',
        name: advisory.publisher.name,
        namespace: advisory.publisher.url ?? '',
      },
      distribution: describeDistribution(advisory, options.isEmbargoed),
      ...describeAggregateSeverity(advisory),
      notes: [{ category: 'summary', title: 'Summary', text: advisory.summary }],
      tracking: {
        id: advisory.id,
        status: isFinal ? 'final' : 'draft',
        version,
        initial_release_date: initial,
        current_release_date: current,
        revision_history: [
          { date: current, number: version, summary: isFinal ? 'Initial release.' : 'Draft.' },
        ],
        generator: {
          engine: { name: 'Thresher', version: options.generatorVersion },
          date: advisory.modified,
        },
      },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: advisory.publisher.name,
          branches: products.map((p) => p.branch),
        },
      ],
    },
    vulnerabilities: [buildVulnerability(advisory, cweNames, affectedIds, fixedIds)],
  };
}

function describeDistribution(advisory: Advisory, isEmbargoed: boolean): Json {
  const tlp = { label: isEmbargoed ? 'AMBER' : 'WHITE', url: 'https://www.first.org/tlp/' };
  if (!isEmbargoed || advisory.embargoUntil === null) return { tlp };
  return {
    tlp,
    text: `Embargoed until ${advisory.embargoUntil}: do not share beyond the recipients before then.`,
  };
}

function describeAggregateSeverity(advisory: Advisory): Json {
  const { rating, cvss } = advisory.severity;
  const scored = cvss.map(scoreCvssBase).find((score) => score !== null);
  const text = rating ?? scored?.rating ?? null;
  return text === null ? {} : { aggregate_severity: { text } };
}

function buildProductBranch(affected: AdvisoryAffected, createId: () => string): ProductBranch {
  const { name, ecosystem, purl } = affected.package;
  const scheme = ecosystem === null ? null : (versSchemes[ecosystem.split(':', 1)[0]!] ?? null);
  const affectedIds: string[] = [];
  const fixedIds: string[] = [];
  const helper = purl === null ? {} : { product_identification_helper: { purl } };
  const leaf = (category: string, version: string, ids: string[], label: string): Json => {
    const id = createId();
    ids.push(id);
    return {
      category,
      name: version,
      product: { name: `${name} ${label}`, product_id: id, ...helper },
    };
  };
  const ranges = affected.ranges.map((range) => describeRange(range, scheme));
  if (ranges.length === 0 && affected.versions.length === 0)
    ranges.push(`vers:${scheme ?? 'generic'}/*`);
  const branches = [
    ...ranges.map((range) => leaf('product_version_range', range, affectedIds, range)),
    ...affected.versions.map((version) => leaf('product_version', version, affectedIds, version)),
    ...affected.fixedVersions.map((version) => leaf('product_version', version, fixedIds, version)),
  ];
  return { branch: { category: 'product_name', name, branches }, affectedIds, fixedIds };
}

/** `vers:npm/>=2.2.0|<2.4.2`; GIT ranges as words, since `vers` has no commit scheme. */
function describeRange(range: AdvisoryRange, scheme: string | null): string {
  const events = range.events.map(readRangeEvent);
  if (range.type === 'GIT') {
    return events
      .map(({ kind, version }) => `${kind === 'lastAffected' ? 'last affected' : kind} ${version}`)
      .join(', ')
      .concat(range.repo === null ? '' : ` in ${range.repo}`);
  }
  const constraints = events.flatMap(({ kind, version }) => {
    if (kind === 'introduced') return version === '0' ? [] : [`>=${version}`];
    return [`${kind === 'lastAffected' ? '<=' : '<'}${version}`];
  });
  const versScheme = scheme ?? (range.type === 'SEMVER' ? 'semver' : 'generic');
  return `vers:${versScheme}/${constraints.length > 0 ? constraints.join('|') : '*'}`;
}

function buildVulnerability(
  advisory: Advisory,
  cweNames: ReadonlyMap<string, string>,
  affectedIds: string[],
  fixedIds: string[],
): Json {
  const cveId = findCveId(advisory);
  const otherIds = [advisory.id, ...advisory.aliases].filter((id) => id !== cveId);
  const namedCwe = advisory.cwes.find((cwe) => cweNames.has(cwe));
  const otherCwes = advisory.cwes.filter((cwe) => cwe !== namedCwe);
  const notes: Json[] = [
    {
      category: 'description',
      title: 'Details',
      text: advisory.details.trim() === '' ? advisory.summary : advisory.details,
    },
  ];
  if (otherCwes.length > 0) {
    notes.push({
      category: 'other',
      title: 'Further weaknesses',
      text: otherCwes
        .map((cwe) => `${cwe}${cweNames.has(cwe) ? ` ${cweNames.get(cwe)}` : ''}`)
        .join('\n'),
    });
  }
  const { scores, v4Notes } = convertScores(advisory.severity.cvss, affectedIds);
  notes.push(...v4Notes);
  const { rating, text } = advisory.severity;
  return {
    ...(cveId === null ? {} : { cve: cveId }),
    ...(otherIds.length > 0
      ? { ids: otherIds.map((id) => ({ system_name: describeIdSystem(id), text: id })) }
      : {}),
    title: advisory.summary,
    ...(namedCwe === undefined ? {} : { cwe: { id: namedCwe, name: cweNames.get(namedCwe) } }),
    notes,
    ...(advisory.timeline.reported === null ? {} : { discovery_date: advisory.timeline.reported }),
    ...(advisory.timeline.published === null ? {} : { release_date: advisory.timeline.published }),
    product_status: {
      ...(affectedIds.length > 0 ? { known_affected: affectedIds } : {}),
      ...(fixedIds.length > 0 ? { fixed: fixedIds } : {}),
    },
    ...(scores.length > 0 ? { scores } : {}),
    ...(rating !== null || text !== null
      ? {
          threats: [
            {
              category: 'impact',
              details: text ?? `Severity: ${rating}`,
              product_ids: affectedIds,
            },
          ],
        }
      : {}),
    ...describeRemediation(advisory, affectedIds),
    ...(advisory.references.length > 0
      ? {
          references: advisory.references.map((reference) => ({
            category: 'external',
            summary: reference.type.toLowerCase(),
            url: reference.url,
          })),
        }
      : {}),
    ...describeAcknowledgments(advisory),
  };
}

function convertScores(
  vectors: readonly string[],
  productIds: string[],
): { scores: Json[]; v4Notes: Json[] } {
  const scores: Json[] = [];
  const v4Notes: Json[] = [];
  for (const vector of vectors) {
    const scored = scoreCvssBase(vector);
    if (scored === null) continue;
    if (scored.version === '4.0') {
      v4Notes.push({
        category: 'other',
        title: 'CVSS 4.0',
        text: `${vector} (score ${scored.baseScore}, ${scored.rating})`,
      });
    } else if (productIds.length > 0) {
      scores.push({
        products: productIds,
        cvss_v3: {
          version: scored.version,
          vectorString: vector,
          baseScore: scored.baseScore,
          baseSeverity: scored.rating.toUpperCase(),
        },
      });
    }
  }
  return { scores, v4Notes };
}

function describeRemediation(advisory: Advisory, affectedIds: string[]): Json {
  const fixed = [...new Set(advisory.affected.flatMap((affected) => affected.fixedVersions))];
  if (fixed.length === 0 || affectedIds.length === 0) return {};
  return {
    remediations: [
      {
        category: 'vendor_fix',
        details: `Update to ${fixed.join(' or ')} or later.`,
        product_ids: affectedIds,
      },
    ],
  };
}

function describeAcknowledgments(advisory: Advisory): Json {
  const byRole = new Map<string, string[]>();
  for (const credit of advisory.credits) {
    const role = credit.type.toLowerCase().replace(/_/g, ' ');
    byRole.set(role, [...(byRole.get(role) ?? []), credit.name]);
  }
  if (byRole.size === 0) return {};
  return { acknowledgments: [...byRole].map(([role, names]) => ({ names, summary: role })) };
}

/** `GHSA-xxxx` -> `GHSA`; the advisory's own id names the project. */
function describeIdSystem(id: string): string {
  const prefix = /^([A-Za-z]+)-/.exec(id)?.[1];
  return prefix ?? 'Thresher';
}
