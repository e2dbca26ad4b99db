// The documents `thresher audit` prints: the stable JSON, SARIF for code scanning, and a text
// summary grouped by category. Shared by every front end.

import { readinessRules, type AuditReport, type CheckResult } from '../core/index.js';
import type { InputProblem } from '../services/ports.js';
import { renderSarifLog } from './render-sarif-log.js';

export interface AuditDocument {
  report: AuditReport;
  fileCount: number;
  problems: InputProblem[];
  toolVersion: string;
}

export function renderAuditJson(document: AuditDocument): string {
  const json = {
    checks: document.report.checks.map((check) => ({
      id: check.id,
      status: check.status,
      file: check.file,
      lines: check.lines,
      evidence: check.evidence,
      fix: check.fix,
      title: check.title,
      category: check.category,
      exemption: check.exemption ?? null,
    })),
    summary: document.report.summary,
    files: document.fileCount,
    problems: document.problems,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const maxLocations = 20;

export function renderAuditSarif(document: AuditDocument): string {
  return renderSarifLog({
    toolName: 'thresher',
    toolVersion: document.toolVersion,
    informationUri: 'urn:thresher:docs:audit-checks',
    rules: readinessRules.map((rule) => ({
      id: rule.id,
      name: toPascalCase(rule.id),
      shortDescription: rule.title,
    })),
    results: document.report.checks
      .filter((check) => check.status === 'fail' || check.status === 'warn')
      .map((check) => ({
        ruleId: check.id,
        level: check.status === 'fail' ? 'error' : 'warning',
        message: `${check.evidence.join('; ') || check.title}${check.fix === null ? '' : ` Fix: ${check.fix}`}${describeExemption(check)}`,
        locations:
          check.file === null
            ? []
            : check.lines.length === 0
              ? [{ path: check.file }]
              : check.lines
                  .slice(0, maxLocations)
                  .map((line) => ({ path: check.file ?? '', startLine: line })),
      })),
  });
}

function describeExemption(check: CheckResult): string {
  const exemption = check.exemption;
  if (exemption === undefined) return '';
  return ` (exemption expired on ${exemption.expires}: ${exemption.reason})`;
}

function toPascalCase(id: string): string {
  return id
    .split(/[.-]/)
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
}

const marks = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const;

export function renderAuditText(document: AuditDocument, options: { verbose: boolean }): string {
  const { summary, checks } = document.report;
  const lines = [
    `${checks.length} results from ${readinessRules.length} checks over ${document.fileCount} files: ${summary.fail} fail, ${summary.warn} warn, ${summary.pass} pass, ${summary.skip} skip`,
  ];
  let category = '';
  for (const check of checks) {
    if (
      !options.verbose &&
      (check.status === 'pass' || (check.status === 'skip' && check.exemption === undefined))
    )
      continue;
    if (check.category !== category) {
      category = check.category;
      lines.push('', category);
    }
    const where =
      check.file === null
        ? ''
        : `${check.file}${check.lines.length > 0 ? `:${check.lines.slice(0, 5).join(',')}` : ''}`;
    lines.push(`  ${marks[check.status]}  ${check.id.padEnd(32)} ${where}`);
    for (const evidence of check.evidence.slice(0, 8)) lines.push(`        ${evidence}`);
    if (check.evidence.length > 8) lines.push(`        ... and ${check.evidence.length - 8} more`);
    if (check.exemption !== undefined) {
      const state = check.exemption.isExpired
        ? `EXPIRED exemption (${check.exemption.expires}) no longer applies`
        : `exempt until ${check.exemption.expires} (was ${check.exemption.originalStatus})`;
      lines.push(`        ${state}: ${check.exemption.reason}`);
    }
    if (check.fix !== null) lines.push(`        fix: ${check.fix}`);
  }
  if (!options.verbose && summary.pass > 0)
    lines.push('', `${summary.pass} passing results hidden (--verbose shows them).`);
  return `${lines.join('\n')}\n`;
}
