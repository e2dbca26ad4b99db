// Dependency manifests and Dockerfiles: what an update tool or a scanner has to look after.

const manifestNames = new Set([
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'setup.py',
  'pipfile',
  'go.mod',
  'cargo.toml',
  'gemfile',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'composer.json',
  'mix.exs',
  'pubspec.yaml',
  'packages.config',
]);

export function isManifest(path: string): boolean {
  const name = (path.split('/').at(-1) ?? '').toLowerCase();
  return manifestNames.has(name) || name.endsWith('.csproj') || isDockerfile(path);
}

export function isDockerfile(path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.dockerfile$/i.test(name);
}

export function isIgnoredForManifests(path: string): boolean {
  return /(?:^|\/)(?:vendor|third_party|test|tests|fixtures|examples?)\//i.test(path);
}
