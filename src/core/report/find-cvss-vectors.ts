// Finds CVSS v3.x and v4.0 vectors in text, with or without the `CVSS:x.y/` prefix, and reads
// their metrics. A bare v3 vector is given the `CVSS:3.1/` prefix it was almost certainly meant to have.

export interface CvssVector {
  /** The vector as written, prefixed with `CVSS:3.1/` or `CVSS:4.0/` when it had no prefix. */
  value: string;
  version: '3.0' | '3.1' | '4.0';
  start: number;
  end: number;
  metrics: ReadonlyMap<string, string>;
}

const v3Required = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];
const v4Required = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];

// Both versions start with AV, so a vector is looked for only where "AV:" occurs.
const vectorPattern =
  /(?:CVSS:(3\.0|3\.1|4\.0)\/)?((?:[A-Z]{1,3}:[A-Z]\/){7,40}[A-Z]{1,3}:[A-Z])(?![\w:])/y;
const prefixPattern = /CVSS:\d\.\d\/$/;

function readMetrics(text: string): Map<string, string> | null {
  const metrics = new Map<string, string>();
  for (const part of text.split('/')) {
    const [name, value] = part.split(':') as [string, string];
    if (metrics.has(name)) return null;
    metrics.set(name, value);
  }
  return metrics;
}

export function findCvssVectors(text: string): CvssVector[] {
  const vectors: CvssVector[] = [];
  let reach = 0;
  for (let at = text.indexOf('AV:'); at !== -1; at = text.indexOf('AV:', at + 3)) {
    if (at < reach) continue;
    const start = prefixPattern.test(text.slice(Math.max(0, at - 9), at)) ? at - 9 : at;
    if (start > 0 && /[\w/:.]/.test(text[start - 1]!)) continue;
    vectorPattern.lastIndex = start;
    const match = vectorPattern.exec(text);
    if (match === null) continue;
    reach = start + match[0].length;
    const metrics = readMetrics(match[2]!);
    if (metrics === null) continue;
    const isV4 = v4Required.every((name) => metrics.has(name));
    const isV3 = !metrics.has('AT') && v3Required.every((name) => metrics.has(name));
    const written = match[1] as CvssVector['version'] | undefined;
    let version: CvssVector['version'];
    if (written === '4.0' && isV4) version = '4.0';
    else if ((written === '3.0' || written === '3.1') && isV3) version = written;
    else if (written === undefined && isV3) version = '3.1';
    else if (written === undefined && isV4) version = '4.0';
    else continue;
    vectors.push({
      value: written === undefined ? `CVSS:${version}/${match[2]!}` : match[0],
      version,
      start,
      end: reach,
      metrics,
    });
  }
  return vectors;
}
