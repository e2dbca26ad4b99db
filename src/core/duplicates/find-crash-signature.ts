// What a quoted crash says about where and how a bug fails: the memory access a sanitizer reports
// (READ or WRITE) and the crash site (the first frame in the project's own code: function, file
// name, line). One bug, found twice, fails the same way at the same place on the same version; two
// bugs in one function read alike but fail differently (an over-read at one line, a write past a
// buffer at another).

import { findSanitizerErrorStart } from '../report/find-sanitizer-traces.js';
import { readAfterNativeFrameNumber } from '../report/read-stack-frame.js';

type MemoryAccess = 'read' | 'write';

interface CrashSite {
  /** Lower-cased function name, as the frame prints it. */
  functionName: string;
  /** Lower-cased file name without folders (`t1.c`). */
  fileName: string;
  line: number;
  /**
   * Lower-cased functions of the frames above the site that print no file and line (a system
   * library's frames, `ycc_rgb_convert (/usr/lib/.../libjpeg.so.8+0x3a1b1)`): where the trace
   * really stops when the reporter's build had no symbols for them.
   */
  unlocatedAbove: string[];
}

export interface CrashSignature {
  accesses: MemoryAccess[];
  /**
   * The Go runtime errors quoted with their numbers (`index out of range [5] with length 3`,
   * `slice bounds out of range [:12] with capacity 8`), and the JavaScript and Python exceptions
   * quoted with a distinctive property name (`cannot read handlesupgrades of undefined`),
   * lower-cased: the numbers and names are the bug's own, so two reports that quote the same one
   * saw the same failure.
   */
  runtimePanics: string[];
  /** The first crash site of the first sanitizer report quoted, or null. */
  site: CrashSite | null;
  /**
   * The first sanitizer report's failure as its error line and top frame say it, whether or not
   * the frames are symbolised with files: the error kind, the access when the report prints one,
   * and the first function in the project's code (`heap-buffer-overflow read in gre_print_opts`),
   * lower-cased; or null.
   */
  sanitizerCrash: string | null;
}

// "READ of size 4 at 0x..." as AddressSanitizer prints it (upper case, so prose "read" is not it).
const accessLinePattern = /\b(READ|WRITE) of size \d+/g;
// A title's own words: "out-of-bounds write", "heap over-read", "OOB read".
const titleAccessPattern =
  /\b(?:out[\s-]of[\s-]bounds?|oob|heap|stack|buffer|invalid)[\s-]+(read|write)\b|\b(over)-?read\b/gi;
// After a native frame's "#N": "0x55d1c3 in fn path/file.c:212:7", "fn path/file.c:212"
// (symbolised without an address), "0x4f in fn(int) (libx.so+0x12)". Read token by token.
const locationPattern = /^\(?([^\s():]+):(\d{1,7})/;
// Frames in the sanitizer runtime, the C library or the system are not where a project's bug is.
const runtimeFilePattern = /(?:sanitizer|asan|ubsan|msan|interceptor|libc|glibc|^\/usr\/|^\/lib)/i;

function findAccesses(title: string, text: string): MemoryAccess[] {
  const found = new Set<MemoryAccess>();
  for (const match of text.slice(0, 200_000).matchAll(accessLinePattern)) {
    found.add(match[1] === 'READ' ? 'read' : 'write');
  }
  for (const match of title.slice(0, 2_000).matchAll(titleAccessPattern)) {
    found.add(match[2] !== undefined || match[1]!.toLowerCase() === 'read' ? 'read' : 'write');
  }
  return [...found];
}

function isRuntimeFrame(functionName: string, path: string): boolean {
  return functionName.startsWith('__') || runtimeFilePattern.test(path);
}

/** The function and location of one stack frame line, or null when it gives no file and line. */
function readFrame(line: string): { functionName: string; path: string; line: number } | null {
  const frame = readFrameFunction(line);
  if (frame === null) return null;
  for (const token of frame.module.split(' ')) {
    const location = locationPattern.exec(token);
    if (location !== null) {
      return { functionName: frame.functionName, path: location[1]!, line: Number(location[2]) };
    }
  }
  return null;
}

// "==12==ERROR: AddressSanitizer: heap-buffer-overflow on address ...", "SEGV on unknown address".
const sanitizerKindPattern =
  /\b(?:Address|Memory|HWAddress|Thread)Sanitizer:\s+(?:attempting\s+)?([A-Za-z][\w-]{2,40})/;
// The C library's own functions that sanitizers intercept: the bug is in their caller.
const libraryFunctionPattern =
  /^(?:mem(?:cpy|move|set|cmp|chr)|str(?:n?cpy|n?cat|n?cmp|len|nlen|chr|rchr|dup|ndup|str)|v?s?n?printf|f?puts|fwrite|fread|malloc|calloc|realloc|free|wcs\w*)$/;

/** The function of one stack frame line, with or without a file, or null. */
function readFrameFunction(line: string): { functionName: string; module: string } | null {
  const afterNumber = readAfterNativeFrameNumber(line);
  if (afterNumber === null) return null;
  const tokens = afterNumber
    .trim()
    .split(/[ \t]+/)
    .slice(0, 11);
  let at = 0;
  if (tokens[at]?.startsWith('0x') === true) at += 1;
  if (tokens[at] === 'in') at += 1;
  // "0x55d1c3 in fn", "in fn" (no address), "fn".
  const token = tokens[at];
  const functionName = token?.slice(0, token.includes('(') ? token.indexOf('(') : undefined);
  if (functionName === undefined || !/^[A-Za-z_][\w:~<>]*$/.test(functionName)) return null;
  return { functionName, module: tokens.slice(at + 1).join(' ') };
}

/** The first sanitizer report's error kind, access and top project function, or null. */
function findSanitizerCrash(text: string, accesses: readonly MemoryAccess[]): string | null {
  const bounded = text.slice(0, 200_000);
  const start = findSanitizerErrorStart(bounded);
  if (start === null) return null;
  const lines = bounded.slice(start).split('\n').slice(0, 200);
  const kind = sanitizerKindPattern.exec(lines[0]!.slice(0, 1_000))?.[1]?.toLowerCase();
  if (kind === undefined) return null;
  for (const line of lines.slice(1)) {
    const frame = readFrameFunction(line.slice(0, 1_000));
    if (frame === null) continue;
    if (isRuntimeFrame(frame.functionName, frame.module)) continue;
    if (libraryFunctionPattern.test(frame.functionName)) continue;
    const access = accesses.length === 1 ? ` ${accesses[0]!}` : '';
    return `${kind}${access} in ${frame.functionName.toLowerCase()}`;
  }
  return null;
}

/** The first frame in the project's code after the first sanitizer error line, or null. */
function findCrashSite(text: string): CrashSite | null {
  const bounded = text.slice(0, 200_000);
  const start = findSanitizerErrorStart(bounded);
  if (start === null) return null;
  const unlocatedAbove: string[] = [];
  for (const line of bounded.slice(start).split('\n').slice(0, 2_000)) {
    const bounded = line.slice(0, 1_000);
    const frame = readFrame(bounded);
    if (frame === null) {
      const unlocated = readFrameFunction(bounded);
      if (unlocated !== null && !isRuntimeFrame(unlocated.functionName, unlocated.module))
        unlocatedAbove.push(unlocated.functionName.toLowerCase());
      continue;
    }
    if (isRuntimeFrame(frame.functionName, frame.path)) continue;
    const fileName = frame.path.slice(frame.path.lastIndexOf('/') + 1).toLowerCase();
    return {
      functionName: frame.functionName.toLowerCase(),
      fileName,
      line: frame.line,
      unlocatedAbove,
    };
  }
  return null;
}

// `panic: runtime error: index out of range [5] with length 3`, and the slice forms.
const runtimePanicPattern =
  /\bruntime error: ((?:index out of range \[-?\d{1,12}\] with length \d{1,12})|(?:slice bounds out of range \[[\d:]{1,30}\] with (?:length|capacity) \d{1,12}))/gi;

// A JavaScript or Python exception that names the property or attribute it failed on:
// `TypeError: Cannot read properties of undefined (reading 'handlesUpgrades')`, the older `Cannot
// read property 'x' of null`, `Cannot set properties of undefined (setting 'x')`, `x.y is not a
// function`, `AttributeError: 'NoneType' object has no attribute 'x'`. The name is the failing
// expression's own, like a Go panic's numbers, when it is distinctive: at least eight characters
// and not a member every object, string, array or function has (`toString`, `length`), which
// many different bugs fail on.
const namedExceptionPattern =
  /\bTypeError: (?:Cannot (read|set) propert(?:y|ies) of (undefined|null) \((?:reading|setting) '([\w$]{1,80})'\)|Cannot (read|set) property '([\w$]{1,80})' of (undefined|null)|((?:[\w$]{1,40}\.){0,3}([\w$]{1,80})) is not a function)|\bAttributeError: '(\w{1,60})' object has no attribute '(\w{1,80})'/g;
const minimumNamedLength = 8;
const builtInMemberHolders: readonly object[] = [
  Object.prototype,
  String.prototype,
  Array.prototype,
  Function.prototype,
];

function isDistinctiveName(name: string): boolean {
  return (
    name.length >= minimumNamedLength &&
    !builtInMemberHolders.some((holder) => name in holder) &&
    !name.startsWith('__')
  );
}

function readNamedException(match: RegExpMatchArray): string | null {
  const [, readSet, missing, name, oldReadSet, oldName, oldMissing, callee, calleeName] = match;
  if (name !== undefined && isDistinctiveName(name))
    return `cannot ${readSet!} ${name} of ${missing!}`;
  if (oldName !== undefined && isDistinctiveName(oldName))
    return `cannot ${oldReadSet!} ${oldName} of ${oldMissing!}`;
  if (callee !== undefined && isDistinctiveName(calleeName!)) return `${callee} is not a function`;
  const [objectType, attribute] = [match[9], match[10]];
  if (attribute !== undefined && isDistinctiveName(attribute))
    return `${objectType!} has no attribute ${attribute}`;
  return null;
}

function findRuntimePanics(text: string): string[] {
  const found = new Set<string>();
  const bounded = text.slice(0, 200_000);
  for (const match of bounded.matchAll(runtimePanicPattern)) found.add(match[1]!.toLowerCase());
  for (const match of bounded.matchAll(namedExceptionPattern)) {
    const exception = readNamedException(match);
    if (exception !== null) found.add(exception.toLowerCase());
  }
  return [...found];
}

export function findCrashSignature(title: string, text: string): CrashSignature {
  const accesses = findAccesses(title, text);
  return {
    accesses,
    site: findCrashSite(text),
    runtimePanics: findRuntimePanics(text),
    sanitizerCrash: findSanitizerCrash(text, accesses),
  };
}

/** The sanitizer failure both crash signatures quote (kind, access, top function), or null. */
export function findSharedSanitizerCrash(
  ours: CrashSignature,
  theirs: CrashSignature,
): string | null {
  return ours.sanitizerCrash !== null && ours.sanitizerCrash === theirs.sanitizerCrash
    ? ours.sanitizerCrash
    : null;
}

/** The Go runtime errors, with their numbers, that both crash signatures quote. */
export function findSharedRuntimePanics(ours: CrashSignature, theirs: CrashSignature): string[] {
  return ours.runtimePanics.filter((panic) => theirs.runtimePanics.includes(panic));
}

/**
 * Why two crash signatures are two bugs, or null when they agree or say too little: disjoint
 * memory accesses (one reads past a buffer, the other writes), or crash sites at different
 * functions (in one file or in two; not when one site is a frame the other trace printed above its
 * own site without a file), or at different lines of one function when both name the same version
 * (`isSameVersion`: line numbers move between releases).
 */
export function describeCrashConflict(
  ours: CrashSignature,
  theirs: CrashSignature,
  isSameVersion: boolean,
): string | null {
  if (
    ours.accesses.length > 0 &&
    theirs.accesses.length > 0 &&
    !ours.accesses.some((access) => theirs.accesses.includes(access))
  ) {
    return `a ${ours.accesses.join('/')} against a ${theirs.accesses.join('/')}`;
  }
  const [a, b] = [ours.site, theirs.site];
  if (a === null || b === null) return null;
  // One build printed the top frames without files (no symbols for a system library), so its
  // first located frame is further down: the other trace stopping in one of those frames stops
  // at the same place.
  if (a.unlocatedAbove.includes(b.functionName) || b.unlocatedAbove.includes(a.functionName))
    return null;
  // Two sanitizer traces that stop in different functions of different files are two crashes.
  if (a.fileName !== b.fileName) {
    return a.functionName === b.functionName
      ? null
      : `crashes in ${a.functionName} (${a.fileName}) / ${b.functionName} (${b.fileName})`;
  }
  if (a.functionName !== b.functionName) {
    return `crashes in ${a.functionName} / ${b.functionName} (${a.fileName})`;
  }
  if (isSameVersion && a.line !== b.line) {
    return `crashes at ${a.fileName}:${a.line} / ${b.fileName}:${b.line}`;
  }
  return null;
}
