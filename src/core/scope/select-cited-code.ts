// Which cited paths say where the code is. A report that cites source files (`lib/x.c`,
// `examples/demo.js`) also names files its exploit reads, writes or targets: `/etc/passwd`,
// `package.json`, `out/recovered.bin`, the harness's `seek-test.json`. Those are the payload's
// objects, not the code at fault, so when any source file is cited the other files are left out
// of `components:` and `paths-only:`; a report that cites only such files keeps them all.

import type { Fact } from '../model/fact.js';

const codeExtensions = new Set(
  (
    'c h cc cpp cxx c++ hpp hh hxx ipp inl m mm s asm js mjs cjs jsx ts mts cts tsx py pyi pyx rb go rs java ' +
    'kt kts scala groovy swift php pl pm sh bash zsh fish ps1 lua cs fs vb ex exs erl hrl clj dart zig nim ' +
    'sql vue svelte proto tf gradle cmake mk'
  ).split(' '),
);

/** True when the path's file name ends in a programming-language extension (`x.c`, `y.ts`, `z.S`). */
export function isCodePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^(?:Makefile|CMakeLists\.txt|meson\.build|BUILD(?:\.bazel)?|Dockerfile)$/.test(name))
    return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && codeExtensions.has(name.slice(dot + 1).toLowerCase());
}

/**
 * The cited path facts that say where the code is: all of them when none is source code,
 * otherwise the source files and diffs only.
 */
export function selectCitedCode(cited: readonly Fact[], toPath: (fact: Fact) => string): Fact[] {
  const isCode = (fact: Fact): boolean => fact.kind === 'diff' || isCodePath(toPath(fact));
  return cited.some(isCode) ? cited.filter(isCode) : [...cited];
}
