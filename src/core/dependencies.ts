// The dependency guard's part of the core: parsing manifests, lockfiles and diffs, popularity
// and advisory indexes, and the assessment. A narrow entry point beside triage.ts, so a triage
// loads it only for a report whose body holds a diff (and `thresher deps` without the rest).
// Every name here is also exported, unchanged, by index.ts.

export {
  assessDependencies,
  countPackages,
  dedupeDependencies,
} from './deps/assess-dependencies.js';
export {
  createPopularityIndexes,
  type PopularityIndex,
  type PopularPackage,
} from './deps/create-popularity-index.js';
export { resolveNpmVersion } from './deps/check-package-record.js';
export { joinNpmLists, parsePopularList } from './deps/read-popular-lists.js';
export { normalizeForRegistry } from './deps/fold-package-name.js';
export { createAdvisoryIndex } from './deps/match-vulnerabilities.js';
export { parseDependencyFile } from './deps/parse-dependency-file.js';
export { parseDependencyDiff } from './deps/parse-dependency-diff.js';
export { summarizePackument } from './deps/summarize-packument.js';
