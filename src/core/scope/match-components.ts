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

/** Builds a matcher that also accepts a path cited with a leading repository folder. */
export function createPathMatcher(globs: readonly string[]): (path: string) => boolean {
  const isMatch = picomatch([...globs], { dot: true });
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
