// Follows a range of lines forward through a file's later diffs (like `git log -L`, but from an
// old revision towards HEAD) to find the first change that touched those lines.

/** One hunk of a zero-context diff: `@@ -oldStart,oldCount +newStart,newCount @@`. */
export interface DiffHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/**
 * Index of the first diff (oldest first) that changes or deletes lines `start..end` or inserts
 * right above, between or right below them, moving the range with the lines added or removed above it; -1 when none does or
 * the range is deleted by a rename the diffs do not show.
 */
export function findFirstRangeChange(
  range: { start: number; end: number },
  diffs: ReadonlyArray<readonly DiffHunk[]>,
): number {
  let { start, end } = range;
  for (let index = 0; index < diffs.length; index += 1) {
    let shiftStart = 0;
    let shiftEnd = 0;
    for (const hunk of diffs[index]!) {
      const growth = hunk.newCount - hunk.oldCount;
      if (hunk.oldCount === 0) {
        // Pure insertion after old line `oldStart`: a guard added right above, inside or right
        // below the cited lines changes them as much as an edit does.
        if (hunk.oldStart >= start - 1 && hunk.oldStart <= end) return index;
        if (hunk.oldStart < start) shiftStart += growth;
        if (hunk.oldStart < end) shiftEnd += growth;
        continue;
      }
      const last = hunk.oldStart + hunk.oldCount - 1;
      if (hunk.oldStart <= end && last >= start) return index;
      if (last < start) shiftStart += growth;
      if (last < end) shiftEnd += growth;
    }
    start += shiftStart;
    end += shiftEnd;
  }
  return -1;
}

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The hunks of a zero-context unified diff's text. */
export function readDiffHunks(diff: string): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  for (const line of diff.split('\n')) {
    const match = hunkHeader.exec(line);
    if (match === null) continue;
    hunks.push({
      oldStart: Number.parseInt(match[1]!, 10),
      oldCount: match[2] === undefined ? 1 : Number.parseInt(match[2], 10),
      newStart: Number.parseInt(match[3]!, 10),
      newCount: match[4] === undefined ? 1 : Number.parseInt(match[4], 10),
    });
  }
  return hunks;
}
