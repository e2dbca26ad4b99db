// The one list of folder names that hold code a project ships beside its product but that is not
// the product: tests, fuzz harnesses, examples, documentation, benchmarks, and the bundled programs
// and contributions that call the library. Each reader picks the kinds it needs: a bare script run
// from an examples folder, a profile component that is only test code, a sanitizer frame in a fuzz
// harness.

export type SupportFolderKind =
  'tests' | 'fuzzing' | 'examples' | 'docs' | 'benchmarks' | 'bundled-programs';

const folderNamesByKind: Readonly<Record<SupportFolderKind, readonly string[]>> = {
  tests: ['test', 'tests', 'testing', 'testsuite', 'regress', 'regression', 'spec'],
  fuzzing: ['fuzz', 'fuzzing', 'fuzzer', 'fuzzers', 'oss-fuzz'],
  examples: ['example', 'examples', 'demo', 'demos', 'sample', 'samples'],
  docs: ['doc', 'docs'],
  benchmarks: ['bench', 'benches', 'benchmark', 'benchmarks'],
  // Command-line programs and contributed code built on the library (libpng's `contrib/`, zstd's
  // `programs/`): helper code in a trace, but a product of their own to a threat model.
  'bundled-programs': ['programs', 'contrib'],
};

/** Folders of code that is not the product: tests, fuzzing, examples, docs and benchmarks. */
export const notProductFolderKinds: readonly SupportFolderKind[] = [
  'tests',
  'fuzzing',
  'examples',
  'docs',
  'benchmarks',
];

/** Folders of code that drives the library (a caller or callee in its traces) without being it. */
export const helperFolderKinds: readonly SupportFolderKind[] = [
  'tests',
  'fuzzing',
  'examples',
  'benchmarks',
  'bundled-programs',
];

/** A test of one path segment (`Tests`, `oss-fuzz`) against the folder names of `kinds`, ignoring case. */
export function createSupportFolderTest(
  kinds: readonly SupportFolderKind[],
): (segment: string) => boolean {
  const names = new Set(kinds.flatMap((kind) => folderNamesByKind[kind]));
  return (segment) => names.has(segment.toLowerCase());
}
