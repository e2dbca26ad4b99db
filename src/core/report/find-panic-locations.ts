// Where a Rust program says it panicked: `thread 'main' panicked at src/proto/h1/role.rs:998:22:`
// (Rust 1.73 and later, the message on the next line) or `thread 'main' panicked at 'index out of
// bounds', src/lib.rs:10:5` (older releases, the message first). The location names the exact
// expression that failed (file, line and column), as a sanitizer's first frame names a crash
// site. Paths are kept as printed (a registry checkout such as
// `/home/u/.cargo/registry/src/index.crates.io-.../hyper-1.10.1/src/proto/h1/role.rs` too).

export interface PanicLocation {
  /** The file as printed. */
  path: string;
  /** The file name without folders, lower-cased (`role.rs`). */
  fileName: string;
  line: number;
  column: number;
  /** Offsets of the whole `panicked at ...:line:col` text. */
  start: number;
  end: number;
}

// Bounded repeats: one line of output, not a scan across the document.
const panicLocationPattern =
  /\bpanicked at (?:'(?:[^'\\\n]|\\.){0,500}', |"(?:[^"\\\n]|\\.){0,500}", )?([^\s'",()]{1,300}\.rs):(\d{1,7}):(\d{1,5})/g;
const maxScanned = 200_000;
const maxLocations = 50;

/** The panic locations quoted in `text`, in order. */
export function findPanicLocations(text: string): PanicLocation[] {
  const locations: PanicLocation[] = [];
  for (const match of text.slice(0, maxScanned).matchAll(panicLocationPattern)) {
    const path = match[1]!;
    locations.push({
      path,
      fileName: path.slice(path.lastIndexOf('/') + 1).toLowerCase(),
      line: Number(match[2]),
      column: Number(match[3]),
      start: match.index,
      end: match.index + match[0].length,
    });
    if (locations.length >= maxLocations) break;
  }
  return locations;
}
