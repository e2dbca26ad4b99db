// Decides whether an advisory may be exported and builds the standard document: the embargo is
// checked first (every format here is public), then what the format needs from the advisory.
// Schema validation of the result is the caller's next step (it needs the schema files).

import type { Advisory, AdvisoryFormat } from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';
import { checkCsafExport, convertAdvisoryToCsaf } from './convert-advisory-to-csaf.js';
import { checkCve5Export, convertAdvisoryToCve5 } from './convert-advisory-to-cve5.js';
import { checkOsvExport, convertAdvisoryToOsv } from './convert-advisory-to-osv.js';

export interface ExportContext {
  /** `CWE-122` -> its name in the CWE catalogue, for the advisory's CWEs that have one. */
  cweNames: ReadonlyMap<string, string>;
  generatorVersion: string;
  /** The current time, as a canonical advisory timestamp. */
  now: string;
  /** Export even though the embargo has not ended. */
  force: boolean;
}

export type PreparedExport =
  | { kind: 'document'; document: Record<string, unknown>; isEmbargoed: boolean }
  | { kind: 'invalid'; issues: ParseIssue[] }
  | { kind: 'embargoed'; until: string };

/** The end of the embargo when it is still in force at `now`, else null. */
export function findEmbargo(advisory: Advisory, now: string): string | null {
  return advisory.embargoUntil !== null && advisory.embargoUntil > now
    ? advisory.embargoUntil
    : null;
}

export function prepareAdvisoryExport(
  advisory: Advisory,
  format: AdvisoryFormat,
  context: ExportContext,
): PreparedExport {
  const embargo = findEmbargo(advisory, context.now);
  if (embargo !== null && !context.force) return { kind: 'embargoed', until: embargo };
  const isEmbargoed = embargo !== null;
  if (format === 'osv') {
    const issues = checkOsvExport(advisory);
    if (issues.length > 0) return { kind: 'invalid', issues };
    return { kind: 'document', document: convertAdvisoryToOsv(advisory), isEmbargoed };
  }
  if (format === 'cve5') {
    const issues = checkCve5Export(advisory);
    if (issues.length > 0) return { kind: 'invalid', issues };
    return {
      kind: 'document',
      document: convertAdvisoryToCve5(advisory, context.cweNames),
      isEmbargoed,
    };
  }
  const issues = checkCsafExport(advisory);
  if (issues.length > 0) return { kind: 'invalid', issues };
  const document = convertAdvisoryToCsaf(advisory, context.cweNames, {
    generatorVersion: context.generatorVersion,
    isEmbargoed,
  });
  return { kind: 'document', document, isEmbargoed };
}
