// Reads a pip requirements file: requirement lines (extras, markers, hashes, continuations),
// `-r` includes (returned for the caller to read), editable and URL lines with `#egg=`.

import type { Dependency, DependencyFile, DependencyInclude } from '../model/dependency.js';
import type { ParseResult } from '../model/parse-result.js';
import { checkDependencyText, dependencyFileLimits } from './check-dependency-text.js';
import { parsePep508Requirement, readOriginOfUrl } from './parse-pep508-requirement.js';

interface LogicalLine {
  text: string;
  line: number;
}

/** Joins `\` continuations and drops comments; each logical line keeps its first line number. */
function readLogicalLines(text: string): LogicalLine[] {
  const lines = text.split(/\r?\n/);
  const logical: LogicalLine[] = [];
  let pending: LogicalLine | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    let line = lines[index]!;
    const comment = line.search(/(?:^|\s)#/);
    if (comment !== -1) line = line.slice(0, comment);
    const continues = line.endsWith('\\');
    if (continues) line = line.slice(0, -1);
    pending = pending
      ? { text: `${pending.text} ${line}`, line: pending.line }
      : { text: line, line: index + 1 };
    if (!continues) {
      if (pending.text.trim() !== '') logical.push(pending);
      pending = null;
    }
  }
  if (pending && pending.text.trim() !== '') logical.push(pending);
  return logical;
}

const includeOption = /^(?:-r|--requirement)(?:\s*=\s*|\s+|(?=\S))(\S+)/;
const editableOption = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S+)/;

/** `git+https://host/x.git#egg=name` -> name, or null. */
function readEggName(url: string): string | null {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  return egg ? egg[1]! : null;
}

/** One requirement line, or null when it declares no named dependency. */
export function readRequirementLine(
  raw: string,
  file: string,
  line: number,
): Dependency | DependencyInclude | null {
  const text = raw.trim();
  const include = includeOption.exec(text);
  if (include) return { path: include[1]!, line };
  const editable = editableOption.exec(text);
  const urlLike = editable ? editable[1]! : /^(?:[a-z]+\+)?[a-z]+:\/\//i.test(text) ? text : null;
  if (urlLike !== null) {
    const egg = readEggName(urlLike);
    if (egg === null) return null;
    return {
      ecosystem: 'pypi',
      name: egg,
      version: '',
      isExact: false,
      scope: 'prod',
      origin: readOriginOfUrl(urlLike),
      location: { file, line },
    };
  }
  if (text.startsWith('-') || text.startsWith('.') || text.startsWith('/')) return null;
  // Per-requirement options (`--hash=...`) follow the requirement.
  const optionAt = text.search(/\s--?[a-z]/);
  const requirement = parsePep508Requirement(optionAt === -1 ? text : text.slice(0, optionAt));
  if (requirement === null) return null;
  return {
    ecosystem: 'pypi',
    name: requirement.name,
    version: requirement.specifier,
    isExact: requirement.isExact,
    scope: 'prod',
    origin: requirement.origin,
    location: { file, line },
  };
}

export function parseRequirementsFile(text: string, file: string): ParseResult<DependencyFile> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const dependencies: Dependency[] = [];
  const includes: DependencyInclude[] = [];
  for (const logical of readLogicalLines(text)) {
    const read = readRequirementLine(logical.text, file, logical.line);
    if (read === null) continue;
    if ('path' in read) includes.push(read);
    else dependencies.push(read);
    if (dependencies.length >= dependencyFileLimits.maxDependencies) break;
  }
  return { ok: true, value: { format: 'requirements.txt', dependencies, includes } };
}
