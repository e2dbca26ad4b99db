import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from './parse-workflow.js';

const workflow = `name: ci
on:
  pull_request_target:
  issues: { types: [opened] }
permissions:
  contents: read
jobs:
  build:
    if: github.actor == 'me'
    permissions: write-all
    container:
      image: node:20
      credentials: { username: u, password: p }
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: |
          echo one
          echo "\${{ github.event.issue.title }}"
  call:
    uses: org/repo/.github/workflows/x.yml@main
    secrets: inherit
`;

describe('parseWorkflow', () => {
  it('reads triggers, permissions, jobs and steps with their lines', () => {
    const reading = parseWorkflow('.github/workflows/ci.yml', workflow);
    if (!reading.ok) throw new Error(reading.message);
    const { triggers, permissions, jobs } = reading.workflow;
    expect([...triggers]).toEqual([
      ['pull_request_target', 3],
      ['issues', 4],
    ]);
    expect(permissions).toMatchObject({ kind: 'scopes', line: 6 });
    const [build, call] = jobs;
    expect(build).toMatchObject({
      id: 'build',
      line: 8,
      permissions: { kind: 'all', value: 'write-all', line: 10 },
    });
    expect(build!.condition?.text).toBe("github.actor == 'me'");
    expect(build!.images[0]!.image).toMatchObject({ text: 'node:20', line: 12 });
    expect(build!.images[0]!.literalPassword?.line).toBe(13);
    expect(build!.steps[0]!.uses).toMatchObject({ text: 'actions/checkout@v4', line: 15 });
    expect(build!.steps[0]!.with.get('ref')?.line).toBe(17);
    const run = build!.steps[1]!.run!;
    expect(run.lineOf('github.event.issue.title')).toBe(20);
    expect(call).toMatchObject({
      id: 'call',
      uses: { text: 'org/repo/.github/workflows/x.yml@main' },
      secretsInherit: { line: 23 },
    });
  });

  it('reads the three forms of on:', () => {
    const triggers = (text: string) => {
      const reading = parseWorkflow('w.yml', `on: ${text}\njobs: {}\n`);
      return reading.ok ? [...reading.workflow.triggers.keys()] : reading.message;
    };
    expect(triggers('push')).toEqual(['push']);
    expect(triggers('[push, workflow_run]')).toEqual(['push', 'workflow_run']);
    expect(triggers('{ push: { branches: [main] } }')).toEqual(['push']);
  });

  it('returns a problem with its line for broken YAML, a list, or an alias bomb', () => {
    expect(parseWorkflow('w.yml', 'on: push\njobs:\n  a: [\n')).toMatchObject({
      ok: false,
      line: 4,
    });
    expect(parseWorkflow('w.yml', '- a\n- b\n')).toMatchObject({
      ok: false,
      message: 'a workflow must be a mapping',
    });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(parseWorkflow('w.yml', bomb).ok).toBe(false);
    expect(parseWorkflow('w.yml', `${'['.repeat(10_000)}`).ok).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const reading = parseWorkflow('w.yml', text);
        expect(typeof reading.ok).toBe('boolean');
      }),
    );
  });

  it('never throws on arbitrary YAML-shaped data', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.constantFrom(
            'on',
            'jobs',
            'steps',
            'uses',
            'run',
            'with',
            'permissions',
            'container',
            'services',
            'image',
            'secrets',
            'env',
            'if',
            'x',
          ),
          tie('node'),
          { maxKeys: 5 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(value, (data) => {
        const reading = parseWorkflow('w.yml', JSON.stringify(data));
        expect(typeof reading.ok).toBe('boolean');
      }),
    );
  });
});
