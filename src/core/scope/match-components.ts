// Maps the code locations a report cites to the threat model's components by their path globs.

import picomatch from 'picomatch';
import type { Fact } from '../model/fact.js';
import type { ThreatComponent } from '../model/security-profile.js';

export interface ComponentMatch {
  component: ThreatComponent;
  facts: Fact[];
}

const pathKinds = new Set(['file-path', 'line-reference', 'diff']);

/** The repository path a path-like fact names, without `:line` or `#L..` suffixes. */
export function toCitedPath(fact: Fact): string {
  return fact.value.replace(/#L\d+(?:-L?\d+)?$/, '').replace(/(?::\d+){1,2}(?:-\d+)?$/, '');
}

export function listCitedPaths(facts: readonly Fact[]): Fact[] {
  return facts.filter((fact) => pathKinds.has(fact.kind) && toCitedPath(fact).length > 0);
}

// Compiling globs costs more than matching them; profiles are few and long-lived.
const compiledGlobs = new Map<string, (path: string) => boolean>();

function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let isMatch = compiledGlobs.get(key);
  if (!isMatch) {
    if (compiledGlobs.size > 1000) compiledGlobs.clear();
    isMatch = picomatch([...globs], { dot: true });
    compiledGlobs.set(key, isMatch);
  }
  return isMatch;
}

/** Builds a matcher that also accepts a path cited with a leading repository folder. */
export function createPathMatcher(globs: readonly string[]): (path: string) => boolean {
  const isMatch = compileGlobs(globs);
  return (path) => {
    const clean = path.replace(/^\.?\//, '');
    if (isMatch(clean)) return true;
    const withoutFirstFolder = clean.replace(/^[^/]+\//, '');
    return withoutFirstFolder !== clean && isMatch(withoutFirstFolder);
  };
}

export function matchComponents(
  facts: readonly Fact[],
  components: readonly ThreatComponent[],
): ComponentMatch[] {
  const cited = listCitedPaths(facts);
  const matches: ComponentMatch[] = [];
  for (const component of components) {
    const isMatch = createPathMatcher(component.paths);
    const matching = cited.filter((fact) => isMatch(toCitedPath(fact)));
    if (matching.length > 0) matches.push({ component, facts: matching });
  }
  return matches;
}
