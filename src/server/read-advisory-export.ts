// What the API and the UI share of an advisory export: the format asked for, and the refusal of
// an export in words (423 during the embargo, saying from when; 400 naming each failing field).

import { InputError, isAdvisoryFormat, type AdvisoryFormat } from '../core/index.js';
import type { ExportOutcome } from '../services/manage-advisories.js';
import { describeAdvisoryIssues } from '../services/manage-inbox-advisories.js';

export function readAdvisoryFormat(value: string | undefined): AdvisoryFormat {
  if (!isAdvisoryFormat(value)) throw new InputError('format must be osv, cve5 or csaf');
  return value;
}

/** Why an export was refused: 423 during the embargo, 400 naming each failing field. */
export function describeExportRefusal(
  outcome: Exclude<ExportOutcome, { kind: 'exported' }>,
  format: AdvisoryFormat,
) {
  if (outcome.kind === 'embargoed') {
    return {
      status: 423 as const,
      error: {
        code: 'embargoed',
        message: `the advisory is embargoed until ${outcome.until}; it may be exported from then on (force exports it now, for the CNA or other parties under embargo)`,
        until: outcome.until,
      },
    };
  }
  const what = {
    advisory: 'the advisory is invalid',
    format: `${format} needs more`,
    schema: `the ${format} document fails the official schema`,
  }[outcome.stage];
  return {
    status: 400 as const,
    error: {
      code: 'input',
      message: `${what}: ${describeAdvisoryIssues(outcome.issues)}`,
      stage: outcome.stage,
      issues: outcome.issues.map((issue) => ({ path: issue.path ?? '', message: issue.message })),
    },
  };
}
