// Finds the unified diffs inside a report or pull-request body: fenced ```diff / ```patch blocks,
// or a bare `diff --git` / `--- a/` ... `+++ b/` patch pasted as text.

/** Each diff found, as text a diff parser reads; [] when the body holds none. */
export function findUnifiedDiffs(body: string): string[] {
  const lines = body.split(/\r?\n/);
  const diffs: string[] = [];
  let fence: { marker: string; isDiff: boolean; lines: string[] } | null = null;
  let bare: string[] | null = null;
  const closeBare = (): void => {
    if (bare && bare.some((line) => line.startsWith('+++ '))) diffs.push(bare.join('\n'));
    bare = null;
  };
  for (const line of lines) {
    if (fence) {
      if (line.trimStart().startsWith(fence.marker)) {
        if (fence.isDiff || fence.lines.some((entry) => entry.startsWith('+++ ')))
          diffs.push(fence.lines.join('\n'));
        fence = null;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const opening = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (opening) {
      closeBare();
      const info = opening[2]!.toLowerCase();
      fence = { marker: opening[1]!, isDiff: info === 'diff' || info === 'patch', lines: [] };
      continue;
    }
    if (bare) {
      if (
        /^(?:[ +\-@\\]|diff |index |new file|deleted file|similarity|rename )/.test(line) ||
        line === ''
      )
        bare.push(line);
      else closeBare();
    } else if (line.startsWith('diff --git ') || line.startsWith('--- ')) {
      bare = [line];
    }
  }
  closeBare();
  return diffs;
}
