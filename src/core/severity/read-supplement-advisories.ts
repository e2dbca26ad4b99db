// Supplementary training advisories for the severity model, read from CVE JSON 5 records (the
// format of CVEProject/cvelistV5 and cisagov/vulnrichment): the English description and the CVSS
// 3.x vector a CNA or an ADP (CISA's Vulnrichment) assigned. Pure: the caller reads the files.
// Records about a CVE the development data's sources hold, records whose text is one of its
// texts, and records naming an excluded project are left out, so that no advisory of the
// development file, nor of the part of its sources kept apart for evaluation, is trained on.

export interface SupplementAdvisory {
  id: string;
  /** `cve-adp` or `cve-cna`: who assigned the vector. */
  source: string;
  assigner: string;
  package: string;
  title: string;
  text: string;
  cvss: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

const baseMetricValues: ReadonlyArray<[string, string]> = [
  ['AV', 'NALP'],
  ['AC', 'LH'],
  ['PR', 'NLH'],
  ['UI', 'NR'],
  ['S', 'UC'],
  ['C', 'NLH'],
  ['I', 'NLH'],
  ['A', 'NLH'],
];

/**
 * The base vector of a CVSS 3.x vector string in the usual metric order, or '' (temporal and
 * environmental metrics, which some CNAs append, are dropped; metrics may come in any order).
 */
export function readCvss3BaseVector(vectorString: string): string {
  const [prefix, ...parts] = vectorString.trim().split('/');
  if (prefix !== 'CVSS:3.0' && prefix !== 'CVSS:3.1') return '';
  const metrics = new Map(parts.map((part) => part.split(':') as [string, string | undefined]));
  const base: string[] = [];
  for (const [metric, allowed] of baseMetricValues) {
    const value = metrics.get(metric);
    if (value === undefined || value.length !== 1 || !allowed.includes(value)) return '';
    base.push(`${metric}:${value}`);
  }
  return `${prefix}/${base.join('/')}`;
}

/** The CVSS 3.x base vector among a container's metrics, or ''. */
function readContainerVector(container: unknown): string {
  if (!isObject(container)) return '';
  for (const metric of asArray(container.metrics)) {
    if (!isObject(metric)) continue;
    for (const key of ['cvssV3_1', 'cvssV3_0']) {
      const cvss = metric[key];
      const vector = isObject(cvss) ? readCvss3BaseVector(asString(cvss.vectorString)) : '';
      if (vector !== '') return vector;
    }
  }
  return '';
}

const statedVectorPattern = /\(?CVSS:3\.[01]\/[A-Z:/]+\)?/g;
const statedScorePattern = /CVSS (?:v?3\.[01] )?Base Score:? ?\d+(?:\.\d)?(?: \([^)]*\))?\.?/g;
const statedVectorLabelPattern = /CVSS Vector: ?\.?/g;

/**
 * The text without the CVSS vector or base score it states (Oracle's descriptions end with both):
 * the model must learn the metrics from what the text says, not copy a vector it quotes.
 */
export function removeStatedCvss(text: string): string {
  return text
    .replace(statedVectorPattern, '')
    .replace(statedScorePattern, '')
    .replace(statedVectorLabelPattern, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * The advisory a CVE JSON 5 record gives, or null (not published, no English description, no
 * CVSS 3.x vector). An ADP's vector (CISA's) is preferred to the CNA's: on the CVEs both this and
 * the development data hold, CISA's agreed with it more often (docs/severity.md).
 */
export function readCveRecordAdvisory(record: unknown): SupplementAdvisory | null {
  if (!isObject(record) || !isObject(record.cveMetadata) || !isObject(record.containers))
    return null;
  const metadata = record.cveMetadata;
  const id = asString(metadata.cveId);
  if (!id || (metadata.state !== undefined && metadata.state !== 'PUBLISHED')) return null;
  const cna = record.containers.cna;
  if (!isObject(cna)) return null;
  const description = asArray(cna.descriptions).find(
    (entry) => isObject(entry) && asString(entry.lang).toLowerCase().startsWith('en'),
  );
  const text = removeStatedCvss(isObject(description) ? asString(description.value) : '');
  if (text === '') return null;
  const adpVector = asArray(record.containers.adp)
    .map(readContainerVector)
    .find((vector) => vector !== '');
  const cnaVector = readContainerVector(cna);
  const cvss = adpVector ?? cnaVector;
  if (cvss === '') return null;
  const affected = asArray(cna.affected).find(isObject);
  return {
    id,
    source: adpVector ? 'cve-adp' : 'cve-cna',
    assigner: asString(metadata.assignerShortName),
    package: affected ? asString(affected.product) : '',
    title: asString(cna.title).trim(),
    text,
    cvss,
  };
}

const cveIdPattern = /CVE-\d{4}-\d{4,}/g;

/** Every CVE id a text names. */
export function collectCveIds(text: string): string[] {
  return text.match(cveIdPattern) ?? [];
}

/** Lower case, punctuation and spacing folded: texts equal under this are the same text. */
export function normaliseAdvisoryText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SupplementExclusions {
  /** CVE ids held by the development data's sources (all of them, not only the development file). */
  cveIds: ReadonlySet<string>;
  /** Normalised texts of the development file. */
  texts: ReadonlySet<string>;
  /** Project names no supplementary record may mention (whole words, any case). */
  projectWords: readonly string[];
}

export interface SupplementSelection {
  kept: SupplementAdvisory[];
  leftOut: { sharedCve: number; sharedText: number; excludedProject: number; repeatedText: number };
}

/** The advisories to train on, in the order given, each text once. */
export function selectSupplementAdvisories(
  advisories: Iterable<SupplementAdvisory>,
  exclusions: SupplementExclusions,
): SupplementSelection {
  const leftOut = { sharedCve: 0, sharedText: 0, excludedProject: 0, repeatedText: 0 };
  const projectPattern =
    exclusions.projectWords.length === 0
      ? null
      : new RegExp(
          `(?:^|[^\\p{L}\\p{N}])(?:${exclusions.projectWords.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:$|[^\\p{L}\\p{N}])`,
          'iu',
        );
  const seen = new Set<string>();
  const kept: SupplementAdvisory[] = [];
  for (const advisory of advisories) {
    if (
      exclusions.cveIds.has(advisory.id) ||
      collectCveIds(advisory.text).some((id) => exclusions.cveIds.has(id))
    ) {
      leftOut.sharedCve += 1;
      continue;
    }
    const normalised = normaliseAdvisoryText(advisory.text);
    if (exclusions.texts.has(normalised)) {
      leftOut.sharedText += 1;
      continue;
    }
    const mentions = [advisory.assigner, advisory.package, advisory.title, advisory.text].join(
      '\n',
    );
    if (projectPattern?.test(mentions)) {
      leftOut.excludedProject += 1;
      continue;
    }
    if (seen.has(normalised)) {
      leftOut.repeatedText += 1;
      continue;
    }
    seen.add(normalised);
    kept.push(advisory);
  }
  return { kept, leftOut };
}
