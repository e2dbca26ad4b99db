// The triage core's cost per report as a multiple of markdown-it parsing the same report alone:
// both run on each report in turn, in alternating order, for many iterations. Each side's time
// per report is the median over the iterations (robust to the preemptions of a busy machine);
// the ratio is the sum of the triage medians over the sum of the markdown-it medians.

import markdownIt from 'markdown-it';
import { extractFacts, triageFacts, type SecurityProfile } from '../../src/core/index.js';
import { parseReportText } from '../../src/core/report/parse-report.js';

export interface RatioInput {
  name: string;
  text: string;
  profile: SecurityProfile;
}

export interface RatioFigures {
  ratio: number;
  iterations: number;
  /** Mean over the reports of each side's median time, in microseconds. */
  triageMicroseconds: number;
  markdownMicroseconds: number;
}

function triageCore({ name, text, profile }: RatioInput): number {
  const parsed = parseReportText(name, text, 'markdown');
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.message}`);
  let count = 0;
  for (const report of parsed.value) {
    triageFacts(report, extractFacts(report), profile);
    count += 1;
  }
  return count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function measureParseRatio(inputs: readonly RatioInput[], iterations: number): RatioFigures {
  const markdown = markdownIt();
  const triageTimes = inputs.map((): number[] => []);
  const markdownTimes = inputs.map((): number[] => []);
  const warmup = Math.max(10, Math.floor(iterations / 10));
  for (let iteration = 0; iteration < warmup + iterations; iteration += 1) {
    inputs.forEach((input, index) => {
      const order = iteration % 2 === 0 ? ['markdown', 'triage'] : ['triage', 'markdown'];
      for (const side of order) {
        const start = process.hrtime.bigint();
        if (side === 'markdown') markdown.parse(input.text, {});
        else triageCore(input);
        const microseconds = Number(process.hrtime.bigint() - start) / 1000;
        if (iteration < warmup) continue;
        (side === 'markdown' ? markdownTimes : triageTimes)[index]!.push(microseconds);
      }
    });
  }
  const triageMedians = triageTimes.map(median);
  const markdownMedians = markdownTimes.map(median);
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  return {
    ratio: sum(triageMedians) / sum(markdownMedians),
    iterations,
    triageMicroseconds: sum(triageMedians) / inputs.length,
    markdownMicroseconds: sum(markdownMedians) / inputs.length,
  };
}
