// A Python traceback whose failing statement is in the reporter's own application: the project's
// installed package called the application (a server handing it the request, a library calling
// its callback), and the innermost frame, the one that raised, is a file of the application
// (`File "/srv/shop/app/routes.py", line 41, in search`), outside every installed package and
// Python's own library. The flaw shown is then the application's code, read as `requires-config:
// caller-callback` with the caller as actor, as when a report says "the bug is in our callback".
// Not read: a traceback without a frame of the project, an innermost frame in an installed
// package, Python's library, a test or support folder, or a reporter's script named as one
// (`poc.py`, `exploit.py`), a failed `assert` (a check the reporter wrote), and a file that failed
// to compile (a `SyntaxError`, a frame with no function running): no statement of it ran.

import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';
import { readStackFrame } from './read-stack-frame.js';
import { createSupportFolderTest, notProductFolderKinds } from './support-folders.js';

const tracebackStart = /^[ \t>]*Traceback \(most recent call last\):[ \t]*$/gm;
// A frame's running code named in angle brackets (`File "app.py", line 3, in <module>`), which
// the shared frame reader gives no function name.
const runningModuleCode = /^,[ \t]*in[ \t]+<\w{1,40}>/;
// The exception line that closes a traceback: `sqlite3.OperationalError: near "1": ...`.
const exceptionLine = /^[ \t>]*([A-Za-z_][\w.]{0,100})(?::|$)/;
const maxTracebackLines = 400;
const installedPackages = /\/(?:site|dist)-packages\//;
// Python's own library: `/usr/lib/python3.11/json/decoder.py`, `C:\Python312\Lib\x.py`.
const pythonLibrary = /(?:^|\/)(?:lib|Lib)\/python\d(?:\.\d{1,2})?\/|\/Python\d{2,3}\/Lib\//;
const reporterScript = /(?:^|\/)(?:poc|exploit|repro\w*|reproduce\w*|test\w*|crash\w*)\.py$/i;
const isSupportFolder = createSupportFolderTest(notProductFolderKinds);

/** The width of a line's indentation, quote markers (`> `) left out. */
function indentOf(line: string): number {
  const content = line.replace(/^(?:[ \t]*>)+/, '');
  return content.length - content.trimStart().length;
}

interface Frame {
  path: string;
  isRunning: boolean;
  start: number;
  end: number;
}

/** Whether an installed file belongs to the project's own package (`site-packages/gunicorn/...`). */
function isProjectFile(path: string, projectNames: readonly string[]): boolean {
  const match = installedPackages.exec(path);
  if (match === null) return false;
  const top = path
    .slice(match.index + match[0].length)
    .split('/', 1)[0]!
    .replace(/\.py$/, '');
  return projectNames.some((name) => name.toLowerCase() === top.toLowerCase());
}

function isApplicationFile(path: string, projectNames: readonly string[]): boolean {
  if (!path.startsWith('/') || !path.endsWith('.py')) return false;
  if (installedPackages.test(path) || pythonLibrary.test(path) || reporterScript.test(path))
    return false;
  const folders = path.split('/').slice(1, -1);
  if (folders.some((folder) => isSupportFolder(folder))) return false;
  // A checkout of the project itself (`/home/u/gunicorn/gunicorn/arbiter.py`) is not an application.
  return !folders.some((folder) => projectNames.some((name) => name.toLowerCase() === folder));
}

/** Adds a `caller-callback` fact for each traceback that fails in the application's own code. */
export function addApplicationFaultFrames(
  sink: FactSink,
  body: string,
  projectNames: readonly string[],
): void {
  if (projectNames.length === 0 || !body.includes('Traceback (most recent call last)')) return;
  forEachMatch(tracebackStart, body, (match) => {
    const frames: Frame[] = [];
    const indent = indentOf(match[0]);
    let at = match.index + match[0].length + 1;
    let exception: string | null = null;
    for (let read = 0; read < maxTracebackLines && at < body.length; read += 1) {
      const newline = body.indexOf('\n', at);
      const end = newline === -1 ? body.length : newline;
      const line = body.slice(at, end);
      const frame = readStackFrame(line);
      if (frame?.kind === 'python' && frame.location !== null) {
        // `  File "/path/x.py", line 41, in search`: the path, and whether a function ran (none
        // when the file failed to compile: `File "settings.py", line 88`).
        const afterLineNumber = line.slice(frame.lineNumber?.end ?? frame.location.end);
        frames.push({
          path: frame.location.text,
          isRunning: frame.functionName !== null || runningModuleCode.test(afterLineNumber),
          start: at + frame.location.start,
          end: at + frame.location.end,
        });
      } else if (line.trim() !== '' && indentOf(line) <= indent) {
        // The first line indented no deeper than `Traceback` is the exception that closes it.
        exception = exceptionLine.exec(line)?.[1] ?? null;
        break;
      }
      at = end + 1;
    }
    const innermost = frames.at(-1);
    if (innermost === undefined || !innermost.isRunning || exception === null) return;
    if (/(?:AssertionError|SyntaxError|IndentationError|TabError)$/.test(exception)) return;
    if (!frames.some((frame) => isProjectFile(frame.path, projectNames))) return;
    if (!isApplicationFile(innermost.path, projectNames)) return;
    sink.add('requires-config', 'caller-callback', innermost.start, innermost.end, {
      actor: 'user',
    });
  });
}
