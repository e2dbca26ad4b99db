// Reads a unified diff (git or plain `diff -u`) into files and hunks, each line with its number
// in the new file, in one linear pass. Binary patches and renames without hunks carry no lines.

import type { ParseResult } from '../model/parse-result.js';
import { checkDependencyText } from './check-dependency-text.js';

export interface DiffLine {
  kind: 'added' | 'context';
  text: string;
  /** 1-based line in the new file. */
  line: number;
  /** 0-based index of the hunk the line belongs to. */
  hunk: number;
}

export interface DiffFile {
  /** The new path (the old one for a deleted file), without `a/` or `b/`. */
  path: string;
  isNew: boolean;
  isDeleted: boolean;
  /** Added and context lines of every hunk, in order; removed lines are left out. */
  lines: DiffLine[];
  /** The text after the second `@@` of each hunk (git's function context), in order. */
  hunkContexts: string[];
}

const hunkHeader = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

function stripPrefix(path: string): string {
  const unquoted = path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1) : path;
  const withoutDate = unquoted.split('\t')[0]!;
  return /^[ab]\//.test(withoutDate) ? withoutDate.slice(2) : withoutDate;
}

export function parseUnifiedDiff(text: string): ParseResult<DiffFile[]> {
  const refused = checkDependencyText(text);
  if (refused) return { ok: false, issues: [refused] };
  const files: DiffFile[] = [];
  let current: DiffFile | null = null;
  let oldPath = '';
  let nextLine = 0;
  // Lines still expected in the current hunk, from its header: a hunk ends by count, so a
  // removed line that reads `--- x` is never taken for a file header.
  let oldLeft = 0;
  let newLeft = 0;
  let hunk = -1;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.replace(/\r$/, '');
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) {
        current?.lines.push({ kind: 'added', text: line.slice(1), line: nextLine, hunk });
        nextLine += 1;
        newLeft -= 1;
        continue;
      }
      if (line.startsWith('-')) {
        oldLeft -= 1;
        continue;
      }
      if (line.startsWith(' ') || line === '') {
        current?.lines.push({ kind: 'context', text: line.slice(1), line: nextLine, hunk });
        nextLine += 1;
        oldLeft -= 1;
        newLeft -= 1;
        continue;
      }
      if (line.startsWith('\\')) continue;
      // Fewer lines than the header promised: the hunk is over, read the line as a header.
      oldLeft = 0;
      newLeft = 0;
    }
    if (line.startsWith('diff --git ')) {
      current = null;
    } else if (line.startsWith('--- ')) {
      oldPath = stripPrefix(line.slice(4));
    } else if (line.startsWith('+++ ')) {
      const newPath = stripPrefix(line.slice(4));
      const isDeleted = newPath === '/dev/null';
      current = {
        path: isDeleted ? oldPath : newPath,
        isNew: oldPath === '/dev/null',
        isDeleted,
        lines: [],
        hunkContexts: [],
      };
      files.push(current);
    } else if (line.startsWith('@@ ') && current) {
      const header = hunkHeader.exec(line);
      if (header === null) {
        return { ok: false, issues: [{ message: 'malformed hunk header', line: index + 1 }] };
      }
      oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      nextLine = Number(header[2]);
      newLeft = header[3] === undefined ? 1 : Number(header[3]);
      current.hunkContexts.push(header[4] ?? '');
      hunk = current.hunkContexts.length - 1;
    }
  }
  if (files.length === 0 && text.trim() !== '') {
    return { ok: false, issues: [{ message: 'not a unified diff (no `+++` file header found)' }] };
  }
  return { ok: true, value: files };
}
