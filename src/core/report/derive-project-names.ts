// The names a report may use for the project itself, from its profile: "Apache Tomcat" is also
// "tomcat", "libexpat" also "expat", "Node.js" also "node" and "nodejs". A version right after one
// of them (`Apache Tomcat/11.0.5`, `jq-1.7.1`, `expat_2.6.2`) is the project's own version, even
// where the same word would otherwise name another tool ("node 20" in a Python project's report).

/** Words too generic to stand for a project on their own. */
const genericWords = new Set([
  'apache',
  'the',
  'project',
  'server',
  'library',
  'framework',
  'core',
]);

export function deriveProjectNames(project: { name: string; repository?: string }): string[] {
  const names = new Set<string>();
  const add = (name: string): void => {
    const lower = name.trim().toLowerCase();
    if (lower.length >= 2 && !genericWords.has(lower)) names.add(lower);
  };
  const candidates = [project.name];
  const repository = trimTrailingSlashes(project.repository?.replace(/\.git$/, '') ?? '');
  if (repository) candidates.push(repository.slice(repository.lastIndexOf('/') + 1));
  for (const candidate of candidates) {
    add(candidate);
    for (const word of candidate.split(/[\s/]+/)) if (word.length >= 4) add(word);
    const folded = candidate.toLowerCase();
    if (folded.endsWith('.js')) {
      add(folded.slice(0, -3));
      add(folded.replace(/\./g, ''));
    }
    if (/^lib[a-z]/.test(folded)) add(folded.slice(3));
  }
  return [...names];
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end -= 1;
  return path.slice(0, end);
}
