// Reads one frame of a Rust backtrace (`RUST_BACKTRACE=1`, Miri's `inside ...`) as the path of
// the function it names, the way a report names it in prose:
//   6: hyper::proto::h1::io::Buffered<T,B>::parse              -> hyper::proto::h1::io::Buffered::parse
//   7: <hyper::proto::h1::role::Server as hyper::proto::h1::Http1Transaction>::parse
//                                                               -> hyper::proto::h1::role::Server::parse
//   9: tinyhttp::conn::Conn::poll::{{closure}}::h0123456789abcdef -> tinyhttp::conn::Conn::poll
// Generic arguments, the `as Trait` of a trait implementation, closures and the symbol hash are
// dropped; what is left must be a plain `a::b::c` path. Frames of Rust's own runtime (`core::`,
// `std::`, `alloc::`, `rust_begin_unwind`) are not the project's code and give null.

const maxFrameLength = 1_000;
const plainPath = /^[A-Za-z_]\w{0,100}(?:::[A-Za-z_]\w{0,100}){1,20}$/;
const symbolHash = /::h[0-9a-f]{16}$/;
const runtimeCrates =
  /^(?:core|std|alloc|panic_unwind|panic_abort|backtrace|__rust\w*|rust_\w+)(?:::|$)/;

/** Drops every `<...>` group (nested too), keeping what stands outside them. */
function dropAngleGroups(text: string): string | null {
  let depth = 0;
  let kept = '';
  for (const char of text) {
    if (char === '<') depth += 1;
    else if (char === '>') {
      depth -= 1;
      if (depth < 0) return null;
    } else if (depth === 0) kept += char;
  }
  return depth === 0 ? kept : null;
}

/** `<Type as Trait>::rest` -> `Type::rest`; other text unchanged; null when the brackets do not close. */
function resolveQualifiedSelf(symbol: string): string | null {
  if (!symbol.startsWith('<')) return symbol;
  let depth = 0;
  for (let at = 0; at < symbol.length; at += 1) {
    const char = symbol[at]!;
    if (char === '<') depth += 1;
    else if (char === '>') {
      depth -= 1;
      if (depth === 0) {
        const inner = symbol.slice(1, at);
        const asAt = findTopLevelAs(inner);
        const self = asAt === -1 ? inner : inner.slice(0, asAt);
        return `${self.trim()}${symbol.slice(at + 1)}`;
      }
    }
  }
  return null;
}

/** The index of ` as ` outside angle brackets in `inner`, or -1. */
function findTopLevelAs(inner: string): number {
  let depth = 0;
  for (let at = 0; at < inner.length; at += 1) {
    const char = inner[at]!;
    if (char === '<') depth += 1;
    else if (char === '>') depth -= 1;
    else if (depth === 0 && inner.startsWith(' as ', at)) return at;
  }
  return -1;
}

/** The function path a Rust frame's symbol names, or null (not a path, or Rust's runtime). */
export function readRustFrameSymbol(symbol: string): string | null {
  const text = symbol.trim().slice(0, maxFrameLength);
  const resolved = resolveQualifiedSelf(text);
  if (resolved === null) return null;
  const withoutGenerics = dropAngleGroups(resolved);
  if (withoutGenerics === null) return null;
  const path = withoutGenerics
    .replace(symbolHash, '')
    .split('::')
    .filter((segment) => segment !== '' && segment !== '{{closure}}' && segment !== '{{constant}}')
    .join('::');
  if (!plainPath.test(path) || runtimeCrates.test(path)) return null;
  return path;
}
