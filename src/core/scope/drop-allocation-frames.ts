// A sanitizer's allocation stack ("Direct leak ... allocated from:", "allocated by thread T0
// here:") runs through the project's allocation wrapper (`_TIFFmalloc`, `opj_malloc`, `xmalloc`)
// whichever code leaked or overran the memory: the wrapper's frame says where the memory came
// from, not where the bug is. So a leak in a fuzzing harness does not place the report in the
// library whose `malloc` wrapper the harness called.

import type { Fact } from '../model/fact.js';
import { readFunctionBeforeLocation } from '../report/read-stack-frame.js';

// `malloc`, `_TIFFmalloc`, `_TIFFCheckMalloc`, `opj_calloc`, `g_malloc0`, `ZSTD_customMalloc`,
// `xrealloc`, `__interceptor_calloc`, `operator new`, `operator new[]`.
const allocationName = /(?:m|c|re|z)alloc|^operator new/i;

/** True when the function allocates memory (a `malloc`-like wrapper or `operator new`). */
export function isAllocationFunction(name: string): boolean {
  return allocationName.test(name);
}

/**
 * The cited paths without those of allocation-wrapper frames (`in _TIFFmalloc libtiff/tif_unix.c:334`:
 * a path right after an allocating function, read from `body` when given, else from the function
 * facts), unless nothing else would be left to say where the code is (`isCode` says which cited
 * paths are code).
 */
export function dropAllocationFrames(
  cited: readonly Fact[],
  facts: readonly Fact[],
  isCode: (fact: Fact) => boolean,
  body?: string,
): Fact[] {
  const allocators = facts.filter(
    (fact) => fact.kind === 'function' && isAllocationFunction(fact.value),
  );
  const isAllocationFrame = (path: Fact): boolean => {
    if (body !== undefined) {
      // The end of a frame just before its path: "#1 0x5b0c12 in _TIFFmalloc " (fenced, indented
      // or run into a paragraph).
      const before = readFunctionBeforeLocation(
        body.slice(Math.max(0, path.span.start - 120), path.span.start),
      );
      if (before !== null) return isAllocationFunction(before);
    }
    return allocators.some(
      (allocator) =>
        allocator.span.end <= path.span.start && path.span.start - allocator.span.end <= 1,
    );
  };
  const kept = cited.filter((fact) => !isAllocationFrame(fact));
  return kept.length < cited.length && kept.some(isCode) ? kept : [...cited];
}
