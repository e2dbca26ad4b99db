// Unified diffs of what `thresher init` would write, through jsdiff.

import { createTwoFilesPatch } from 'diff';

export function renderFileDiff(path: string, previous: string | null, next: string): string {
  return createTwoFilesPatch(
    previous === null ? '/dev/null' : `a/${path}`,
    `b/${path}`,
    previous ?? '',
    next,
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, '');
}
