// Reads one PEP 508 requirement (`name[extras] >=1,<2 ; marker` or `name @ url`) by scanning,
// never with a backtracking pattern.

import type { DependencyOrigin } from '../model/dependency.js';
import { trimEndCharacters } from '../text/trim-characters.js';

export interface Pep508Requirement {
  name: string;
  extras: string[];
  /** The version specifier (`>=1,<2`, `==2.31.0`), or the URL of a direct reference. */
  specifier: string;
  origin: DependencyOrigin;
  isExact: boolean;
  marker: string;
}

function isNameCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

/** True for one exact pin: `==1.2.3` or `===1.2.3`, without wildcards or further clauses. */
export function isExactPypiSpecifier(specifier: string): boolean {
  const trimmed = specifier.trim();
  return /^===?\s*[A-Za-z0-9][A-Za-z0-9.+!_-]*$/.test(trimmed) && !trimmed.includes('*');
}

export function readOriginOfUrl(url: string): DependencyOrigin {
  const lower = url.trim().toLowerCase();
  if (/^(?:git|hg|svn|bzr)\+/.test(lower)) return 'git';
  if (lower.startsWith('file:') || lower.startsWith('.') || lower.startsWith('/')) return 'path';
  return 'url';
}

/** Null when the text does not start with a valid project name. */
export function parsePep508Requirement(text: string): Pep508Requirement | null {
  const source = text.trim();
  let end = 0;
  while (end < source.length && isNameCharacter(source.charCodeAt(end))) end += 1;
  const name = trimEndCharacters(source.slice(0, end), '-._');
  if (name === '' || !/^[A-Za-z0-9]/.test(name)) return null;
  let rest = source.slice(end).trimStart();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return null;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((extra) => extra.trim())
      .filter((extra) => extra !== '');
    rest = rest.slice(close + 1).trimStart();
  }
  const semicolon = rest.indexOf(';');
  const marker = semicolon === -1 ? '' : rest.slice(semicolon + 1).trim();
  let body = (semicolon === -1 ? rest : rest.slice(0, semicolon)).trim();
  if (body.startsWith('@')) {
    const url = body.slice(1).trim();
    return { name, extras, specifier: url, origin: readOriginOfUrl(url), isExact: false, marker };
  }
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1).trim();
  if (body !== '' && !/^[<>=!~]/.test(body)) return null;
  return {
    name,
    extras,
    specifier: body,
    origin: 'registry',
    isExact: isExactPypiSpecifier(body),
    marker,
  };
}
