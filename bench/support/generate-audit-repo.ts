// Writes a large synthetic repository for bench:audit: source files in nested folders, a few
// extension-less scripts, 50 workflows of realistic size and the usual policy files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function workflow(index: number): string {
  const trigger =
    index % 10 === 0 ? 'pull_request_target' : index % 7 === 0 ? 'issue_comment' : 'pull_request';
  return [
    `name: workflow-${index}`,
    `on: ${trigger}`,
    index % 3 === 0 ? 'permissions: write-all' : 'permissions:\n  contents: read',
    'jobs:',
    ...Array.from({ length: 3 }, (_, job) =>
      [
        `  job-${job}:`,
        '    runs-on: ubuntu-latest',
        '    container:',
        `      image: node:${20 + job}`,
        '    steps:',
        `      - uses: actions/checkout@${index % 2 === 0 ? 'v4' : '11bd71901bbe5b1630ceea73d27597364c9af683'}`,
        '        with:',
        index % 10 === 0
          ? '          ref: ${{ github.event.pull_request.head.sha }}'
          : '          persist-credentials: false',
        '      - uses: actions/setup-node@v4',
        '        with: { node-version: 20 }',
        '      - run: npm ci',
        '      - name: test',
        '        run: |',
        '          npm test',
        `          echo "\${{ github.event.pull_request.title }} ${job}"`,
        '          curl -sSL https://example.org/x.sh | bash',
        '        env:',
        '          TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      ].join('\n'),
    ),
    '',
  ].join('\n');
}

function sourceFile(index: number): string {
  return `// file ${index}\nexport function f${index}(value: number): number {\n  return value * ${index};\n}\n`.repeat(
    8,
  );
}

/** Writes `fileCount` files (including the workflows) under `dir`. */
export function generateAuditRepo(dir: string, fileCount: number, workflowCount: number): void {
  const write = (path: string, content: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (let index = 0; index < workflowCount; index += 1)
    write(`.github/workflows/w${index}.yml`, workflow(index));
  write(
    'SECURITY.md',
    '# Security\n\nEmail security@bench.example. We acknowledge within 3 days.\n',
  );
  write(
    'security-profile.yml',
    'version: 1\nproject: { name: bench }\npolicy:\n  contact: [{ type: email, address: security@bench.example }]\n',
  );
  write('AGENTS.md', '# Agents\n\nRead SECURITY.md.\n');
  write(
    '.github/dependabot.yml',
    'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n',
  );
  write('package.json', '{ "name": "bench" }\n');
  const remaining = fileCount - workflowCount - 5;
  for (let index = 0; index < remaining; index += 1) {
    const folder = `src/m${index % 40}/s${index % 7}`;
    if (index % 200 === 0) write(`scripts/tool-${index}`, '#!/bin/sh\necho hi\n');
    else if (index % 50 === 0) write(`${folder}/README.md`, `# Module ${index}\n`);
    else write(`${folder}/f${index}.ts`, sourceFile(index));
  }
}
