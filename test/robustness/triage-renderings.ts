// Renders every corpus report that has sections in every writing style and triages each
// rendering on its own through the real triage service (files on disk, format routed by
// extension, as `thresher triage` reads them). A rendering varies when its disposition, the
// rules it cites or the requirements it finds differ from the canonical Markdown rendering's.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { SecurityProfile } from '../../src/core/index.js';
import { createServices, type Services } from '../../src/create-services.js';
import { createDefaultConfig } from '../../src/config/load-config.js';
import type { CorpusProject } from '../corpus/read-corpus.js';
import { renderReport, reportStyles, type ReportStyle } from './render-report.js';
import type { ReportSpec } from './report-spec.js';
import { specFromReport } from './spec-from-report.js';

export const canonicalStyle: ReportStyle = 'markdown-headings';

/** What the metamorphic relation compares. */
export interface RenderingVerdict {
  disposition: string;
  rules: string[];
  /** Names of the requirements (required or recommended) the report was found to meet. */
  found: string[];
}

export interface RenderingOutcome {
  /** `project/file`. */
  report: string;
  style: ReportStyle;
  verdict: RenderingVerdict;
  /** Empty when the rendering triages like the canonical one. */
  changes: string[];
}

/** Markdown and plain-text reports whose spec has at least two sections. */
export async function listSpecReports(
  project: CorpusProject,
): Promise<{ report: string; spec: ReportSpec }[]> {
  const reports: { report: string; spec: ReportSpec }[] = [];
  for (const file of project.reportFiles) {
    if (!['.md', '.txt'].includes(extname(file))) continue;
    const spec = specFromReport(await readFile(join(project.reportsDir, file), 'utf8'));
    if (spec.title === '') spec.title = file;
    if (spec.sections.length >= 2) reports.push({ report: `${project.slug}/${file}`, spec });
  }
  return reports;
}

/** Triages the canonical rendering and every other style of each report. */
export async function triageRenderings(
  project: CorpusProject,
  profile: SecurityProfile,
): Promise<RenderingOutcome[]> {
  const services = createServices(createDefaultConfig());
  const workDir = await mkdtemp(join(tmpdir(), 'thresher-robustness-'));
  try {
    const outcomes: RenderingOutcome[] = [];
    let counter = 0;
    for (const { report, spec } of await listSpecReports(project)) {
      const verdicts = new Map<ReportStyle, RenderingVerdict>();
      for (const style of reportStyles) {
        const rendered = renderReport(spec, style);
        counter += 1;
        const file = join(workDir, `${counter}-${style}${rendered.extension}`);
        await writeFile(file, rendered.text);
        verdicts.set(style, await triageFile(services, profile, file));
      }
      const canonical = verdicts.get(canonicalStyle)!;
      for (const [style, verdict] of verdicts) {
        if (style === canonicalStyle) continue;
        outcomes.push({ report, style, verdict, changes: describeChanges(canonical, verdict) });
      }
    }
    return outcomes;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function triageFile(
  services: Services,
  profile: SecurityProfile,
  file: string,
): Promise<RenderingVerdict> {
  const input = await services.intake.readFiles([file]);
  const triaged = await services.triage.triage({ profile, reports: input.reports });
  const outcome = { ...triaged, problems: [...input.problems, ...triaged.problems] };
  const [result] = outcome.queue;
  if (result === undefined) {
    const message = outcome.problems[0]?.message ?? 'no report';
    return { disposition: `not read (${message})`, rules: [], found: [] };
  }
  return {
    disposition: result.verdict,
    rules: [...result.rules].sort(),
    found: result.requirements
      .filter((check) => check.isPresent)
      .map((check) => check.name)
      .sort(),
  };
}

/** `disposition in-scope -> needs-info`, `rules [IN-LIB] -> []`, `requirements lost: impact`. */
export function describeChanges(canonical: RenderingVerdict, variant: RenderingVerdict): string[] {
  const changes: string[] = [];
  if (variant.disposition !== canonical.disposition)
    changes.push(`disposition ${canonical.disposition} -> ${variant.disposition}`);
  if (variant.rules.join() !== canonical.rules.join())
    changes.push(`rules [${canonical.rules.join(', ')}] -> [${variant.rules.join(', ')}]`);
  const lost = canonical.found.filter((name) => !variant.found.includes(name));
  const gained = variant.found.filter((name) => !canonical.found.includes(name));
  if (lost.length > 0) changes.push(`requirements lost: ${lost.join(', ')}`);
  if (gained.length > 0) changes.push(`requirements gained: ${gained.join(', ')}`);
  return changes;
}
