// Reads one YAML document defensively: bounded nesting and alias expansion, no custom tags, and every
// syntax problem returned as a positioned issue instead of thrown.

import { Composer, LineCounter, Parser, isScalar, visit } from 'yaml';
import type { CST, Document, YAMLError } from 'yaml';
import type { ParseIssue } from '../model/parse-result.js';

export interface YamlReading {
  /** The first document; absent only when the input was refused before composing. */
  document?: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain JavaScript data; absent when it could not be built safely. */
  data?: unknown;
  issues: ParseIssue[];
}

// Real configuration files nest a handful of levels. The limit keeps the composer's recursion far
// from the stack limit, where V8 can fail hard instead of throwing a RangeError.
const maxDepth = 64;
// Allows ordinary anchors and aliases but stops "billion laughs" expansion early.
const maxAliasCount = 100;

const composeOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  strict: true,
  // yaml's own duplicate-key check is quadratic in the keys of a mapping; findKeyProblems is not.
  uniqueKeys: false,
  logLevel: 'error',
} as const;

/** Parses `text` as a single YAML document with plain (core schema) values. */
export function readYamlDocument(text: string): YamlReading {
  const lineCounter = new LineCounter();
  const position = (offset: number) => toPosition(lineCounter, offset);
  // The CST parser is iterative, so measuring its output is safe even for hostile nesting.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const tooDeep = findTooDeepOffset(tokens);
  if (tooDeep !== undefined) {
    return {
      lineCounter,
      issues: [{ message: `the YAML nests deeper than ${maxDepth} levels`, ...position(tooDeep) }],
    };
  }
  const [document, ...extraDocuments] = Array.from(
    new Composer(composeOptions).compose(tokens, true, text.length),
  );
  if (document === undefined) {
    return { lineCounter, issues: [{ message: 'the YAML has no document' }] };
  }
  const issues = [...document.errors, ...document.warnings].map((error) =>
    describeYamlError(error, position),
  );
  issues.push(
    ...findKeyProblems(document).map(({ message, offset }) => ({ message, ...position(offset) })),
  );
  // A tab in the indentation makes the YAML parser misread the structure and report only its
  // consequences ("expected a mapping"); the cause is then the one problem worth showing.
  const tab = issues.length > 0 ? findTabIndentation(text) : null;
  if (tab !== null) {
    return {
      lineCounter,
      issues: [
        {
          message: 'a tab is used for indentation; YAML allows only spaces there',
          ...position(tab),
        },
      ],
    };
  }
  const extra = extraDocuments[0];
  if (extra !== undefined) {
    issues.push({
      message: 'expected a single YAML document, found a second one',
      ...position(extra.range[0]),
    });
  }
  const conversion = convertToData(document);
  if ('data' in conversion) return { document, lineCounter, data: conversion.data, issues };
  const conversionIssue = {
    message: conversion.problem,
    ...position(findFirstAliasOffset(document)),
  };
  return { document, lineCounter, issues: [...issues, conversionIssue] };
}

/** The offset of the first tab in a line's leading whitespace (before any content), or null. */
function findTabIndentation(text: string): number | null {
  let isLineStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) isLineStart = true;
    else if (isLineStart && code === 0x09) return index;
    else if (code !== 0x20) isLineStart = false;
  }
  return null;
}

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function findTooDeepOffset(tokens: CST.Token[]): number | undefined {
  const pending = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > maxDepth) return next.token.offset;
    for (const child of childTokens(next.token))
      pending.push({ token: child, depth: next.depth + 1 });
  }
  return undefined;
}

function childTokens(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value === undefined ? [] : [token.value];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return token.items.flatMap((item) => [item.key, item.value]).filter((child) => child != null);
    default:
      return [];
  }
}

function describeYamlError(
  error: YAMLError,
  position: (offset: number) => { line: number; column: number },
): ParseIssue {
  const where = position(error.pos[0]);
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = error.message
      .replace(/^Unresolved tag: /, '')
      .replace(/^tag:yaml\.org,2002:/, '!!');
    return { message: `unsupported YAML tag ${tag}: only plain values are allowed`, ...where };
  }
  return { message: `invalid YAML: ${error.message}`, ...where };
}

// Keys must be plain values (a list or mapping as a key has no place in a profile) and unique.
function findKeyProblems(document: Document.Parsed): { message: string; offset: number }[] {
  const problems: { message: string; offset: number }[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        const offset = (isScalar(key) ? key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
        if (!isScalar(key)) {
          problems.push({
            message: 'a mapping key must be a plain value, not a list or mapping',
            offset,
          });
          continue;
        }
        const name = String(key.value);
        if (seen.has(name)) problems.push({ message: `duplicate key "${name}"`, offset });
        seen.add(name);
      }
    },
  });
  return problems;
}

// Building data is where aliases expand, so this is where an alias bomb is caught.
function convertToData(document: Document.Parsed): { data: unknown } | { problem: string } {
  try {
    return { data: document.toJS({ maxAliasCount }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (reason.includes('Excessive alias count')) {
      return {
        problem: `the YAML expands aliases too often (limit ${maxAliasCount}); is it an alias bomb?`,
      };
    }
    return { problem: `the YAML cannot be read: ${reason}` };
  }
}

function findFirstAliasOffset(document: Document.Parsed): number {
  let offset = document.range[0];
  visit(document, {
    Alias(_key, alias) {
      offset = alias.range?.[0] ?? offset;
      return visit.BREAK;
    },
  });
  return offset;
}
