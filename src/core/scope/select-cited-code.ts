// Which cited paths say where the code is. A report that cites source files (`lib/x.c`,
// `examples/demo.js`) also names files its exploit reads, writes or targets: `/etc/passwd`,
// `package.json`, `out/recovered.bin`, the harness's `seek-test.json`. Those are the payload's
// objects, not the code at fault, so when any source file is cited the other files are left out
// of `components:` and `paths-only:`. A report that cites no source file keeps the others,
// except that a run-time file under a temporary or system folder (`/tmp/tool-test.out`,
// `/var/tmp`, `/dev/shm/x`) is left out beside a repository path: a test script without an
// extension (`tests/TESTrun`) writing its temporary file is the script's bug, not the folder's.

import type { Fact } from '../model/fact.js';
import { codeFileExtensions } from '../text/code-file-extensions.js';

// Assembly and `.c++` files are code too, though the file-path reader does not take them from prose.
const codeExtensions = new Set([...codeFileExtensions, 'c++', 's', 'asm']);

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
  if (cited.some(isCode)) return cited.filter(isCode);
  const inRepository = cited.filter((fact) => !isRunTimePath(toPath(fact)));
  return inRepository.length > 0 ? inRepository : [...cited];
}

const runTimeFolder = /^\/(?:tmp|var\/tmp|dev\/shm|dev|proc|run)(?:\/|$)/;

/** True for an absolute path in a temporary or system folder a program writes at run time. */
export function isRunTimePath(path: string): boolean {
  return runTimeFolder.test(path);
}
