// A report often cites code of another product it names beside the project: a path inside a
// package it installs (`nbconvert/filters/markdown_mistune.py` with "nbconvert 7.16"), or a
// setting it attributes to another product ("like Pillow's MAX_IMAGE_PIXELS"). This repository
// not holding them proves nothing, so they are not counted as invented.

import type { CheckedClaim } from '../model/evidence.js';
import { markUnverifiable } from './mark-unverifiable.js';

// "nbconvert 7.16", "phoenix_live_view 1.1.8", "nbconvert==7.16.4", "django-bleach@2.0.0",
// "nbconvert v7.16": a name written with a version is a product the report uses.
const versionedName =
  /(?<![\w.@/-])([A-Za-z][\w+-]{1,40}(?:\.[A-Za-z][\w+-]{0,20})?)(?:[ \t]+v?|==|@)\d+(?:\.\d+)+\b/g;
// "Pillow's MAX_IMAGE_PIXELS", "OpenSSL's `SSL_read`": a name given to another product.
const possessiveBefore = /([A-Za-z][\w.+-]{1,40})['’]s[ \t]+`?$/;

/** Lower case with `-`, `_` and `.` dropped: `django-bleach` and `django_bleach` are one name. */
function foldName(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, '');
}

/** The names the report writes with a version (`nbconvert 7.16`), folded. */
function findVersionedProducts(body: string, isOwnName: (name: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const match of body.slice(0, 200_000).matchAll(versionedName)) {
    const name = match[1];
    if (name && name.length >= 3 && !isOwnName(name)) names.add(foldName(name));
  }
  return names;
}

/**
 * Re-reads as unverifiable each contradicted file whose folder is a product the report names
 * with a version, and each contradicted name the report gives to another product by a
 * possessive ("Pillow's MAX_IMAGE_PIXELS"); `isOwnName` tells the project's own names and parts.
 */
export function judgeOtherProductNames(
  checked: readonly CheckedClaim[],
  body: string,
  isOwnName: (name: string) => boolean,
): CheckedClaim[] {
  let products: Set<string> | null = null;
  return checked.map((entry) => {
    if (entry.status !== 'contradicted') return entry;
    const { claim } = entry;
    if (claim.kind === 'file' || claim.kind === 'line') {
      products ??= findVersionedProducts(body, isOwnName);
      const folders = (claim.path ?? claim.text).split('/').slice(0, -1);
      const product = folders.find((folder) => products!.has(foldName(folder)));
      if (product === undefined) return entry;
      return markUnverifiable(
        entry,
        `${product} is a product the report names with its own version, not this repository`,
      );
    }
    if (claim.kind !== 'symbol') return entry;
    const before = body.slice(Math.max(0, claim.span.start - 45), claim.span.start);
    const owner = possessiveBefore.exec(before)?.[1];
    if (owner === undefined || isOwnName(owner) || !/[A-Z\d]|^lib/.test(owner)) return entry;
    return markUnverifiable(entry, `the report gives ${claim.text} to ${owner}, another product`);
  });
}
