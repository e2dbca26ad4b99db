// End to end: `thresher severity` with the shipped model, through the compiled binary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runThresher } from './run-thresher.js';

const folder = mkdtempSync(join(tmpdir(), 'thresher-e2e-severity-'));
const xssText = [
  '# Stored XSS in the admin settings page',
  '',
  '## Summary',
  '',
  'An attacker can store JavaScript in the site title field of the settings page. The script',
  'runs in the browser of other users who open the page, in their session.',
  '',
  '## Severity',
  '',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
].join('\n');
const xss = join(folder, 'xss.md');
writeFileSync(xss, xssText);
const vague = join(folder, 'vague.md');
writeFileSync(vague, '# Bug\n\nqqq zzz.\n');

interface MetricJson {
  value: string;
  confidence: number;
  reasons: Array<{ text: string; start: number; end: number; weight: number }>;
}
interface SeverityJson {
  reports: Array<{
    source: string;
    claimed: { vector: string; rating: string } | null;
    assessed: { rating: string; basis: string; disagreements: Array<{ metric: string }> };
    predicted: {
      vector: string | null;
      score: number | null;
      rating: string;
      metrics: Record<string, MetricJson>;
    };
  }>;
  problems: unknown[];
}

describe('thresher severity', () => {
  it('prints the claimed, assessed and predicted severity as JSON', () => {
    const run = runThresher(['severity', '--format', 'json', xss, vague]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as SeverityJson;
    expect(document.reports.map((report) => report.source)).toEqual([xss, vague]);
    const [first, second] = document.reports;
    expect(first!.claimed).toMatchObject({ rating: 'critical' });
    expect(Object.keys(first!.predicted.metrics)).toEqual([
      'AV',
      'AC',
      'PR',
      'UI',
      'S',
      'C',
      'I',
      'A',
    ]);
    expect(first!.predicted.metrics.UI!.value).toBe('R');
    expect(first!.predicted.vector).toMatch(/^CVSS:3\.1\//);
    expect(first!.assessed.basis).toBe('claimed-adjusted');
    expect(first!.assessed.disagreements.map((item) => item.metric)).toContain('UI');
    for (const metric of Object.values(first!.predicted.metrics)) {
      expect(metric.confidence).toBeGreaterThan(0);
      for (const reason of metric.reasons) expect(xssText).toContain(reason.text);
    }
    expect(second!.predicted).toMatchObject({ rating: 'unknown', vector: null, score: null });
    expect(second!.assessed).toMatchObject({ rating: 'unknown', basis: 'unknown' });
  });

  it('prints a text summary and refuses bad usage with exit code 2', () => {
    const text = runThresher(['severity', xss]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('predicted:');
    expect(text.stdout).toMatch(/UI:R +[01]\.\d\d/);
    expect(runThresher(['severity', '--format', 'xml', xss]).status).toBe(2);
    expect(runThresher(['severity']).status).toBe(2);
    const missing = runThresher(['severity', join(folder, 'missing.md')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.md');
  });
});
