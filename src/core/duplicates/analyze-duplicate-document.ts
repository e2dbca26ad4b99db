// Reduces a DuplicateDocument to the canonical keys the index matches on: search terms, aliases,
// package keys, versions, code locations, CWEs, date and near-copy shingles.

import type { DuplicateDocument } from '../model/duplicate.js';
import { derivePackageKeys, type PackageKeys } from './derive-package-keys.js';
import { extractVersionKeys, type VersionKeys } from './extract-version-keys.js';
import { hashShingles } from './hash-shingles.js';
import { maxMatchingChars, normalizeForMatching } from './normalize-for-matching.js';
import { tokenizeForMatching } from './tokenize-for-matching.js';

export interface DocumentAnalysis {
  terms: string[];
  aliases: string[];
  packages: PackageKeys[];
  versions: VersionKeys;
  functions: string[];
  paths: string[];
  fileNames: string[];
  cwes: string[];
  /** Milliseconds since the epoch, or null. */
  time: number | null;
  shingles: Uint32Array;
}

const aliasPattern =
  /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|(?:PYSEC|RUSTSEC|GO|OSV|GSD|RUBYSEC|BIT-[a-z0-9-]+?)-\d{4}-\d+)\b/gi;

/** Upper-cased CVE/GHSA/OSV-style id; GHSA ids keep their lowercase body as GitHub writes them. */
function normalizeAlias(alias: string): string {
  const a = normalizeForMatching(alias).trim();
  return /^ghsa-/i.test(a) ? `GHSA-${a.slice(5).toLowerCase()}` : a.toUpperCase();
}

function normalizeFunction(name: string): string {
  return normalizeForMatching(name)
    .trim()
    .replace(/\(.*\)$/s, '')
    .replace(/^[`'"]+|[`'"]+$/g, '')
    .toLowerCase();
}

function normalizePath(path: string): string {
  return normalizeForMatching(path)
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/|[ab]\/)/, '')
    .replace(/(?::\d+)+$/, '')
    .toLowerCase();
}

function normalizeCwe(cwe: string): string | null {
  const digits = /(\d+)/.exec(cwe);
  return digits ? `CWE-${Number(digits[1])}` : null;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v.length > 0))];
}

export function analyzeDuplicateDocument(doc: DuplicateDocument): DocumentAnalysis {
  const text = doc.text.length > maxMatchingChars ? doc.text.slice(0, maxMatchingChars) : doc.text;
  const title = doc.title.slice(0, 2_000);
  const packages = doc.packages
    .slice(0, 50)
    .map(derivePackageKeys)
    .filter((k): k is PackageKeys => k !== null);
  const packageText = doc.packages
    .slice(0, 50)
    .map((p) => `${p.name} ${p.name.replace(/[/._@-]+/g, ' ')}`)
    .join('\n');
  const terms = tokenizeForMatching(`${title}\n${text}\n${packageText}`);
  const fromText = [...`${title}\n${text}`.matchAll(aliasPattern)].map((m) => m[0]);
  const paths = unique(doc.paths.slice(0, 200).map(normalizePath));
  const fileNames = unique(
    paths.map((p) => p.slice(p.lastIndexOf('/') + 1)).filter((name) => /\.[a-z0-9]+$/.test(name)),
  );
  const time = doc.published ? Date.parse(doc.published) : Number.NaN;
  return {
    terms,
    aliases: unique([...doc.aliases.slice(0, 200), ...fromText.slice(0, 200)].map(normalizeAlias)),
    packages,
    versions: extractVersionKeys(
      doc.packages.slice(0, 50).flatMap((p) => p.versions.slice(0, 100)),
      `${title}\n${text}`,
    ),
    functions: unique(doc.functions.slice(0, 200).map(normalizeFunction)),
    paths,
    fileNames,
    cwes: unique(
      doc.cwes
        .slice(0, 50)
        .map(normalizeCwe)
        .filter((c): c is string => c !== null),
    ),
    time: Number.isFinite(time) ? time : null,
    shingles: hashShingles(`${title}\n${text}`),
  };
}
