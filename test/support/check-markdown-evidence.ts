// Checks what one Markdown report says about the code against a repository, as the evidence
// service does for `thresher evidence`: parse, extract facts, check.
import type { GitRepoReader } from '../../src/adapters/git/create-git-repo-reader.js';
import { extractFacts, type EvidenceSummary } from '../../src/core/index.js';
import { parseReportText } from '../../src/core/report/parse-report.js';
import { checkEvidence } from '../../src/services/check-evidence.js';

/** The evidence summary of one Markdown report checked against `reader`'s repository. */
export async function checkMarkdownEvidence(
  markdown: string,
  reader: GitRepoReader,
): Promise<EvidenceSummary> {
  const parsed = parseReportText('report.md', markdown, 'markdown');
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  const report = parsed.value[0]!;
  return checkEvidence(report, extractFacts(report), reader);
}
