// Generates a realistic package-lock.json (v3) of `count` packages: mostly popular names, a few
// unknown ones (made from syllables, deterministic), with versions, integrity and nesting.

const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'qui', 'zen', 'dor', 'pha', 'nyx', 'bel'];

function unknownName(index: number): string {
  let name = '';
  let value = index * 7919 + 13;
  for (let part = 0; part < 3; part += 1) {
    name += syllables[value % syllables.length];
    value = Math.floor(value / syllables.length) + part * 31;
  }
  return `${name}-util-${index}`;
}

export function generateLockfile(popularNames: readonly string[], count: number): string {
  const unknown = Math.round(count * 0.05);
  const names = [
    ...popularNames.slice(0, count - unknown),
    ...Array.from({ length: unknown }, (_, index) => unknownName(index)),
  ];
  const packages: Record<string, unknown> = { '': { name: 'generated-app', version: '1.0.0' } };
  names.forEach((name, index) => {
    const version = `${1 + (index % 7)}.${index % 13}.${index % 5}`;
    const nested = index % 10 === 0 ? `node_modules/${names[(index + 1) % names.length]}/` : '';
    packages[`${nested}node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`,
      integrity: `sha512-${Buffer.from(`${name}@${version}`).toString('base64').padEnd(86, 'A')}==`,
      ...(index % 3 === 0 ? { dev: true } : {}),
      ...(index % 4 === 0
        ? { dependencies: { [names[(index + 2) % names.length]!]: `^${version}` } }
        : {}),
    };
  });
  return `${JSON.stringify({ name: 'generated-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
