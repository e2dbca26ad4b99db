// Parses the text of a `security-profile.yml` into the core model, returning every problem found
// (YAML and schema alike) with its line, column and field path. Pure: no file system, no process.

import { isMap } from 'yaml';
import {
  readYamlDocument,
  type ParseIssue,
  type ParseResult,
  type SecurityProfile,
  type YamlReading,
} from '../core/triage.js';
import { describeSchemaIssue } from './describe-schema-issue.js';
import { findTextProblem } from './find-text-problem.js';
import { locateYamlPath } from './locate-yaml-path.js';
import { securityProfileFileSchema, securityProfileSchema } from './security-profile-schema.js';

const maxListedIssues = 100;

/** Every problem is returned, top to bottom (at most 100); the text is never run as code. */
export function parseSecurityProfile(text: string): ParseResult<SecurityProfile> {
  const textProblem = findTextProblem(text);
  if (textProblem !== undefined) return { ok: false, issues: [textProblem] };
  try {
    return parseYamlProfile(readYamlDocument(text));
  } catch (error) {
    // Nesting is bounded before composing; this is the last line of defence against the stack.
    if (error instanceof RangeError) {
      return { ok: false, issues: [{ message: 'the profile is nested too deeply to read' }] };
    }
    throw error;
  }
}

function parseYamlProfile(reading: YamlReading): ParseResult<SecurityProfile> {
  const { document, lineCounter, data } = reading;
  if (document === undefined || data === undefined) return { ok: false, issues: reading.issues };
  const topLevelProblem = findTopLevelProblem(document.contents, data);
  if (topLevelProblem !== undefined) {
    const issue = {
      message: topLevelProblem,
      ...locateYamlPath(document, lineCounter, [], 'value'),
    };
    return { ok: false, issues: sortByPosition([...reading.issues, issue]) };
  }
  const parsed = securityProfileSchema.safeParse(data);
  const schemaIssues = (parsed.error?.issues ?? [])
    .flatMap((issue) => describeSchemaIssue(issue, data, securityProfileFileSchema))
    .slice(0, maxListedIssues + 1)
    .map(({ message, path, target }) => ({
      message,
      path: formatIssuePath(path),
      ...locateYamlPath(document, lineCounter, path, target),
    }));
  const issues = limitIssues(sortByPosition([...reading.issues, ...schemaIssues]));
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, issues };
}

// Nobody reads thousands of problems, and locating each one costs time on hostile input.
function limitIssues(issues: ParseIssue[]): ParseIssue[] {
  if (issues.length <= maxListedIssues) return issues;
  const notice = { message: `too many problems; only the first ${maxListedIssues} are listed` };
  return [...issues.slice(0, maxListedIssues), notice];
}

function findTopLevelProblem(contents: unknown, data: unknown): string | undefined {
  if (data === null || data === undefined) return 'the profile is empty';
  if (isMap(contents)) return undefined;
  const found = Array.isArray(data) ? 'a list' : 'a single value';
  return `the profile must be a mapping with keys such as version, project and policy; found ${found}`;
}

/** `threat-model.out-of-scope[2].when.impact`; keys that are not plain words are quoted. */
function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (!/^[A-Za-z0-9_-]+$/.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

// Top to bottom, as an author fixes them; the sort is stable, so ties keep their found order.
function sortByPosition(issues: ParseIssue[]): ParseIssue[] {
  return [...issues].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
