// Extracts facts from a report, structure first (vectors, code, traces, known sections), then prose;
// every fact keeps the span of body text it came from. Vocabulary and policy: docs/facts.md.

import type { Fact } from '../model/fact.js';
import type { Report } from '../model/report.js';
import type { WorkLimit } from '../model/work-limit.js';
import { attributeActors } from './attribute-actors.js';
import { createFactSink } from './create-fact-sink.js';
import { extractAiDisclosureFacts } from './extract-ai-disclosure-facts.js';
import { extractCodeFacts } from './extract-code-facts.js';
import { extractCommitFacts } from './extract-commit-facts.js';
import { extractLocationFacts } from './extract-location-facts.js';
import { extractPhraseFacts } from './extract-phrase-facts.js';
import { extractReproductionFacts } from './extract-reproduction-facts.js';
import { extractSeverityFacts } from './extract-severity-facts.js';
import { extractTraceFacts } from './extract-trace-facts.js';
import { addApplicationFaultFrames } from './find-application-fault-frame.js';
import { extractVectorFacts } from './extract-vector-facts.js';
import { extractScannerRowVersions, extractVersionFacts } from './extract-version-facts.js';
import { extractWeaknessFacts } from './extract-weakness-facts.js';
import { findCodeBlocks } from './find-code-blocks.js';
import { findSanitizerTraces } from './find-sanitizer-traces.js';
import { maskNonProse } from './mask-non-prose.js';

const maxCodeBlocks = 1_000;

export interface FactOptions {
  /** The project's own names (`deriveProjectNames`), so its version banners count. */
  projectNames?: readonly string[];
  /** The settings the profile's rules name (`deriveProfileSettingNames`), lower-cased. */
  profileSettings?: readonly string[];
}

/** The facts of a report, and the bounds that were hit while reading them. */
export function extractReportFacts(
  report: Report,
  options: FactOptions = {},
): { facts: Fact[]; limits: WorkLimit[] } {
  const sink = createFactSink(report);
  const { body, sections } = report;
  const allBlocks = findCodeBlocks(body);
  // Prose patterns run over a copy with code blocks and HTML comments blanked; offsets are kept.
  const prose = maskNonProse(body, allBlocks);
  // Code is read in the first blocks only: no report needs more, a hostile one has millions.
  const blocks = allBlocks.length > maxCodeBlocks ? allBlocks.slice(0, maxCodeBlocks) : allBlocks;
  if (blocks.length < allBlocks.length) {
    sink.noteLimit({
      scope: 'facts',
      limit: maxCodeBlocks,
      message: `only the first ${maxCodeBlocks} code blocks were read (the report has ${allBlocks.length})`,
    });
  }

  extractVectorFacts(sink, body);
  extractCodeFacts(sink, body, prose, blocks, options.profileSettings);
  // A sanitizer report pasted indented or quoted is a trace like a fenced one.
  for (const trace of findSanitizerTraces(body, blocks))
    sink.add('code-block', 'sanitizer-trace', trace.start, trace.end);
  extractTraceFacts(sink, body, blocks, options.projectNames);
  addApplicationFaultFrames(sink, body, options.projectNames ?? []);
  extractPhraseFacts(sink, prose);
  extractSeverityFacts(sink, prose, sections);
  extractWeaknessFacts(sink, prose);
  extractVersionFacts(sink, prose, options.projectNames);
  extractScannerRowVersions(sink, body, blocks, options.projectNames ?? []);
  extractCommitFacts(sink, body);
  extractLocationFacts(sink, prose, options.projectNames);
  extractReproductionFacts(sink, body, prose, blocks, sections);

  extractAiDisclosureFacts(sink, prose, sections);
  return { facts: attributeActors(report, sink.list(), blocks), limits: sink.limits() };
}

export function extractFacts(report: Report, options: FactOptions = {}): Fact[] {
  return extractReportFacts(report, options).facts;
}
