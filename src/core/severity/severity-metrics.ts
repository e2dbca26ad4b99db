// The CVSS v3.1 base metrics the severity model predicts, their values, and their words.

export const severityMetrics = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
export type SeverityMetric = (typeof severityMetrics)[number];

/** Values of each metric, in the order FIRST's specification lists them. */
export const severityMetricValues: Record<SeverityMetric, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['N', 'L', 'H'],
  I: ['N', 'L', 'H'],
  A: ['N', 'L', 'H'],
};

/** The rating bands the model also predicts directly, lowest first. */
export const ratingBands = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type RatingBand = (typeof ratingBands)[number];

/** Reads the eight base metrics of a CVSS 3.x vector; null when one is missing or unknown. */
export function readSeverityMetrics(vector: string): Record<SeverityMetric, string> | null {
  const parts = vector.trim().split('/');
  if (parts[0] !== 'CVSS:3.1' && parts[0] !== 'CVSS:3.0') return null;
  const found = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [metric, value] = part.split(':');
    if (metric !== undefined && value !== undefined) found.set(metric, value);
  }
  const metrics = {} as Record<SeverityMetric, string>;
  for (const metric of severityMetrics) {
    const value = found.get(metric);
    if (value === undefined || !severityMetricValues[metric].includes(value)) return null;
    metrics[metric] = value;
  }
  return metrics;
}

export function formatSeverityVector(metrics: Record<SeverityMetric, string>): string {
  return `CVSS:3.1/${severityMetrics.map((metric) => `${metric}:${metrics[metric]}`).join('/')}`;
}
