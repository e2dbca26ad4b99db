// The pure decisions of the evidence check that sit between reading the repository and judging a
// claim: which names to search, which files to read for a symbol or a snippet, how an option is
// spelt in code, which code a line claim quotes, and which lines a proof cites.

import type { CheckedClaim, CodeClaim } from '../model/evidence.js';
import { evidenceThresholds } from './evidence-thresholds.js';
import { findBlockEnd } from './find-block-end.js';
import { orderSymbolFiles } from './judge-symbol-claim.js';

/** A line of code found by a search: where, and what it says. */
export interface CodeHit {
  path: string;
  line: number;
  text: string;
}

export interface LineRange {
  start: number;
  end: number;
}

/** The symbols the report names in this project (not another project's), each once. */
export function listSymbolsToSearch(claims: readonly CodeClaim[]): string[] {
  return [
    ...new Set(
      claims
        .filter((claim) => claim.kind === 'symbol' && claim.externalTo === undefined)
        .map((claim) => claim.symbol ?? claim.text),
    ),
  ];
}

/** One search for every symbol, split back per symbol (a line naming two counts for both). */
export function groupHitsBySymbol<Hit extends CodeHit>(
  symbols: readonly string[],
  hits: readonly Hit[],
): Map<string, Hit[]> {
  const grouped = new Map<string, Hit[]>(symbols.map((symbol) => [symbol, []]));
  for (const hit of hits) {
    for (const symbol of symbols) {
      if (hit.text.includes(symbol)) grouped.get(symbol)!.push(hit);
    }
  }
  return grouped;
}

const rustPathSegment = /^[A-Za-z_]\w{0,100}$/;
const typeSegment = /^[A-Z]/;

/**
 * The module folders a Rust path names, as file-path suffixes to look for: `hyper::proto::h1::
 * role::Server::parse` names `proto/h1/role` (and `hyper/proto/h1/role`, the crate folder kept):
 * the function and the types before it (capitalised) are dropped, and the crate name may or may
 * not be a folder. Empty for a name without `::` or without a module.
 */
export function listRustModuleFiles(name: string): string[] {
  if (!name.includes('::')) return [];
  const segments = name.split('::');
  if (!segments.every((segment) => rustPathSegment.test(segment))) return [];
  const modules = segments.slice(0, -1);
  while (modules.length > 0 && typeSegment.test(modules[modules.length - 1]!)) modules.pop();
  const dropped = modules.filter((segment) => !['crate', 'self', 'super'].includes(segment));
  if (dropped.length === 0) return [];
  const suffixes = [dropped.join('/')];
  if (dropped.length >= 2) suffixes.push(dropped.slice(1).join('/'));
  return suffixes;
}

/** Whether `path` is the file of one of `modules` (`src/proto/h1/role.rs`, `.../role/mod.rs`). */
function isModuleFile(path: string, modules: readonly string[]): boolean {
  const stem = path.replace(/\.rs$/, '').replace(/\/mod$/, '');
  if (stem === path) return false;
  return modules.some((module) => stem === module || stem.endsWith(`/${module}`));
}

/**
 * The file names a JVM or .NET method's class suggests (`a.b.Parser.read`, `Parser::read` aside):
 * `Parser`, and for Kotlin's file facade `ParserKt` (`Parser_jvmKt`) the file `Parser`
 * (`Parser.jvm`). Empty when the name has no capitalised class before the method.
 */
function listClassFileStems(name: string): string[] {
  const segments = name.replace(/\(\)$/, '').split('.');
  if (segments.length < 2 || name.includes('::')) return [];
  const owner = segments[segments.length - 2]!;
  if (!/^[A-Z][\w$]{0,100}$/.test(owner)) return [];
  // A nested class (`Outer$Inner`) lives in its outer class's file.
  const dollar = owner.indexOf('$');
  const stems = [dollar === -1 ? owner : owner.slice(0, dollar)];
  if (/[^_]Kt$/.test(owner)) stems.push(owner.slice(0, -2).replace(/_/g, '.'));
  return stems;
}

/** Whether `path` holds the class: `Parser.kt`, `Parser.java`, `Parser.cs`, or a part of it (`Parser.Async.cs`, `Parser.jvm.kt`). */
function isClassFile(path: string, stems: readonly string[]): boolean {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const match = /^(.+)\.(?:kt|kts|java|cs|scala|groovy)$/.exec(file);
  if (match === null) return false;
  return stems.some((stem) => match[1] === stem || match[1]!.startsWith(`${stem}.`));
}

/**
 * The files to read for a symbol's definition: source files first, at most a few. With the name
 * as the report wrote it (`name`), the files of the Rust modules it names come first, and so do
 * the files of the class a JVM or .NET name qualifies the method with.
 */
export function pickSymbolFiles(hits: readonly CodeHit[], name?: string): string[] {
  const ordered = orderSymbolFiles([...new Set(hits.map((hit) => hit.path))]);
  const modules = name === undefined ? [] : listRustModuleFiles(name);
  const stems = name === undefined ? [] : listClassFileStems(name);
  const first =
    modules.length > 0
      ? ordered.filter((path) => isModuleFile(path, modules))
      : stems.length > 0
        ? ordered.filter((path) => isClassFile(path, stems))
        : [];
  const rest = ordered.filter((path) => !first.includes(path));
  return [...first, ...rest].slice(0, evidenceThresholds.maxCandidateFilesPerSymbol);
}

/**
 * The files to read for a quoted snippet: the one the report cites first, then those the most
 * probe lines lead to (ties in the order the search found them).
 */
export function pickSnippetFiles(hits: readonly CodeHit[], citedPath: string | null): string[] {
  const counts = new Map<string, number>();
  if (citedPath) counts.set(citedPath, Number.MAX_SAFE_INTEGER);
  for (const hit of hits) counts.set(hit.path, (counts.get(hit.path) ?? 0) + 1);
  return [...counts]
    .sort((first, second) => second[1] - first[1])
    .slice(0, evidenceThresholds.maxCandidateFilesPerSnippet)
    .map(([path]) => path);
}

/** How an option (`--strict`) is written in code: as given, or as a quoted name. */
export function spellOption(claim: CodeClaim): { name: string; spellings: string[] } {
  const name = claim.text.replace(/^-+/, '');
  return { name, spellings: [claim.text, `"${name}"`, `'${name}'`] };
}

/** The code a report quotes right after a line reference (`path:line` then a snippet). */
export function findQuotedCode(claim: CodeClaim, claims: readonly CodeClaim[]): string | undefined {
  const snippet = claims.find(
    (other) =>
      other.kind === 'snippet' &&
      other.path === claim.path &&
      other.lines?.start === claim.lines?.start,
  );
  return snippet?.text;
}

/**
 * Whether to ask the history if the cited code changed after the checked revision: only for a
 * verified proof with a path, and only when a release was checked (HEAD has no later change).
 */
export function isLaterChangeWanted(checked: CheckedClaim, isDefaultRevision: boolean): boolean {
  return !isDefaultRevision && checked.status === 'verified' && Boolean(checked.proof.path);
}

/**
 * The lines a proof cites, to follow in the history: a line claim's own lines, a definition's
 * whole block, or as many lines as the proof's snippet shows. `text` is the cited file's text
 * (null when it could not be read: the proof's line alone). Null when the proof has no place.
 */
export function locateCitedLines(checked: CheckedClaim, text: string | null): LineRange | null {
  const { path, line } = checked.proof;
  if (path === undefined || line === undefined) return null;
  if (checked.claim.kind === 'line' && checked.claim.lines && !checked.proof.similarity)
    return checked.claim.lines;
  if (text === null) return { start: line, end: line };
  if (checked.claim.kind === 'symbol') return { start: line, end: findBlockEnd(text, line) };
  const shown = (checked.proof.snippet ?? '').split('\n').length;
  return { start: line, end: line + Math.max(0, shown - 1) };
}
