// A sanitizer's allocation stack ("Direct leak ... allocated from:", "allocated by thread T0
// here:") runs through the project's allocation wrapper (`_TIFFmalloc`, `opj_malloc`, `xmalloc`)
// whichever code leaked or overran the memory: the wrapper's frame says where the memory came
// from, not where the bug is. So a leak in a fuzzing harness does not place the report in the
// library whose `malloc` wrapper the harness called.

import type { Fact } from '../model/fact.js';

// `malloc`, `_TIFFmalloc`, `_TIFFCheckMalloc`, `opj_calloc`, `g_malloc0`, `ZSTD_customMalloc`,
// `xrealloc`, `__interceptor_calloc`, `operator new`, `operator new[]`.
const allocationName = /(?:m|c|re|z)alloc|^operator new/i;

/** True when the function allocates memory (a `malloc`-like wrapper or `operator new`). */
export function isAllocationFunction(name: string): boolean {
  return allocationName.test(name);
}

function isInside(inner: Fact, outer: Fact): boolean {
  return inner.span.start >= outer.span.start && inner.span.end <= outer.span.end;
}

/**
 * The cited paths without those of allocation-wrapper frames in a trace or code block (a path
 * after an allocating function on its line), unless nothing else would be left to say where the
 * code is (`isCode` says which cited paths are code).
 */
export function dropAllocationFrames(
  cited: readonly Fact[],
  facts: readonly Fact[],
  isCode: (fact: Fact) => boolean,
): Fact[] {
  const blocks = facts.filter((fact) => fact.kind === 'code-block');
  const allocators = facts.filter(
    (fact) =>
      fact.kind === 'function' &&
      isAllocationFunction(fact.value) &&
      blocks.some((block) => isInside(fact, block)),
  );
  if (allocators.length === 0) return [...cited];
  const isAllocationFrame = (path: Fact): boolean =>
    allocators.some(
      (allocator) =>
        allocator.span.line === path.span.line && allocator.span.end <= path.span.start,
    );
  const kept = cited.filter((fact) => !isAllocationFrame(fact));
  return kept.length < cited.length && kept.some(isCode) ? kept : [...cited];
}
