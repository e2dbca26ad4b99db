// Finds where a field path (from a schema issue) is written in a YAML document. A path that does
// not exist, such as a missing required key, resolves to the deepest mapping or list that does.

import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Pair } from 'yaml';

/** Whether to point at a mapping entry's key (unknown keys) or at its value (everything else). */
export type PathTarget = 'key' | 'value';

export function locateYamlPath(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  target: PathTarget,
): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(findOffset(document, path, target));
  return { line, column: col };
}

function findOffset(
  document: Document.Parsed,
  path: readonly PropertyKey[],
  target: PathTarget,
): number {
  let node: unknown = document.contents;
  let offset = startOf(node) ?? document.range[0];
  for (const [index, segment] of path.entries()) {
    const pair = isMap(node) ? findPair(node.items, segment) : undefined;
    if (pair !== undefined) {
      const keyStart = startOf(pair.key) ?? offset;
      if (index === path.length - 1 && target === 'key') return keyStart;
      // An empty value (`name:`) has no text of its own, so its key stands in for it.
      offset = startOfWritten(pair.value) ?? keyStart;
      node = pair.value;
      continue;
    }
    const item: unknown =
      isSeq(node) && typeof segment === 'number' ? node.items[segment] : undefined;
    const itemStart = startOf(item);
    if (itemStart === undefined) return offset;
    offset = itemStart;
    node = item;
  }
  return offset;
}

function findPair(
  pairs: Pair<unknown, unknown>[],
  segment: PropertyKey,
): Pair<unknown, unknown> | undefined {
  return pairs.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment));
}

function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function startOfWritten(node: unknown): number | undefined {
  if (!isNode(node) || node.range == null) return undefined;
  const [start, end] = node.range;
  return end > start ? start : undefined;
}
