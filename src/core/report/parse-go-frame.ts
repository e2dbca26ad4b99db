// Reads the frames of a Go goroutine trace (a panic, a fatal error, a `-race` report). A frame is
// a call line followed by its file line:
//
//   github.com/org/proj/v2/server.(*client).parse(0xc000231808, {0xc0004c2000, 0x2f, 0x1000})
//   	/home/u/go/pkg/mod/github.com/org/proj/v2@v2.12.4/server/parser.go:140 +0x38e
//   created by github.com/org/proj/v2/server.(*Server).startGoRoutine in goroutine 1851
//
// The call names the package's import path, an optional receiver type and the function. A package
// whose import path does not start with a domain (`runtime`, `testing`, `net/http`, `main`) is Go's
// standard library or the reporter's own program, never the project's.

export interface GoFrame {
  /** `github.com/org/proj/v2/server` */
  importPath: string;
  /** `client` for `(*client).parse`, null for a plain function. */
  receiver: string | null;
  /** Whether the receiver is a pointer (`(*client)`). */
  isPointerReceiver: boolean;
  /** `parse` */
  name: string;
  /** Offset of the function name (the receiver's, when there is one) in the line. */
  nameStart: number;
  /** True for the standard library and `main`: not the project's code. */
  isStandardOrMain: boolean;
}

const frameHead = /^([ \t]*(?:created by[ \t]+)?)([\w.~-]+(?:\/[\w.~-]+)*)/;
const goFunction =
  /^([\w-]+)\.(?:\((\*?)([A-Za-z_]\w*)\)\.)?([A-Za-z_]\w*)((?:\.func\d+|\.\d+)*)(?:\(|[ \t]+in[ \t]+goroutine[ \t]+\d)/;
/** The line under a frame: a tab or spaces, a `.go` file, its line and usually `+0x…`. */
export const goFileLine = /^[ \t]+\S+\.go:\d+(?:[ \t]+\+0x[0-9a-f]+)?[ \t]*$/;

/** The frame on a call line, or null when the line is not one. Check `goFileLine` on the next line. */
export function parseGoFrame(line: string): GoFrame | null {
  if (line.length > 2000) return null;
  const head = frameHead.exec(line);
  if (head === null) return null;
  // The package's last element and what follows it: `server.(*client).parse(…`.
  const headText = head[2]!;
  const lastSlash = headText.lastIndexOf('/');
  const directory = lastSlash === -1 ? '' : headText.slice(0, lastSlash + 1);
  const tailStart = head[1]!.length + directory.length;
  const call = goFunction.exec(line.slice(tailStart));
  if (call === null) return null;
  const importPath = directory + call[1]!;
  const receiver = call[3] ?? null;
  const firstElement = importPath.split('/')[0]!;
  const nameOffset =
    receiver === null ? call[1]!.length + 1 : call[1]!.length + 2 + (call[2] ?? '').length;
  return {
    importPath,
    receiver,
    isPointerReceiver: call[2] === '*',
    name: call[4]!,
    nameStart: tailStart + nameOffset,
    isStandardOrMain: !firstElement.includes('.'),
  };
}

/**
 * Whether an import path (`github.com/nats-io/nats-server/v2/server`) or a module path is one of
 * the project's: one of its elements is a name of the project. With no names known, any
 * non-standard package counts, as frames of other languages do.
 */
export function isProjectImportPath(importPath: string, projectNames: readonly string[]): boolean {
  if (projectNames.length === 0) return true;
  return importPath
    .toLowerCase()
    .split('/')
    .some((element) => projectNames.includes(element));
}

// `…/pkg/mod/github.com/org/proj/v2@v2.12.4/server/mqtt.go`: a file in Go's module cache, inside
// the module `github.com/org/proj/v2` at a version. The module cache spells capitals as `!x`.
const moduleElement = /^[\w.~!-]+$/;

/**
 * A file in Go's module cache: the module and the file's path inside it
 * (`{ module: 'github.com/org/proj/v2', path: 'server/mqtt.go' }`), or null for other paths.
 */
export function splitModuleCachePath(path: string): { module: string; path: string } | null {
  const marker = path.startsWith('pkg/mod/') ? 0 : path.indexOf('/pkg/mod/') + 1;
  if (marker === 0 && !path.startsWith('pkg/mod/')) return null;
  const rest = path.slice(marker + 'pkg/mod/'.length);
  const at = rest.indexOf('@v');
  if (at <= 0) return null;
  const slash = rest.indexOf('/', at);
  if (slash === -1 || slash === rest.length - 1) return null;
  const module = rest.slice(0, at);
  if (!module.split('/').every((element) => moduleElement.test(element))) return null;
  return {
    module: module.replace(/!([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    path: rest.slice(slash + 1),
  };
}

/** How Go prints a method: `(*client).parse` for a pointer receiver, `client.parse`, or `parse`. */
export function formatGoFunction(
  receiver: string | null,
  isPointer: boolean,
  name: string,
): string {
  if (receiver === null) return name;
  return isPointer ? `(*${receiver}).${name}` : `${receiver}.${name}`;
}
