import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyContext, findExpressions } from './classify-expression.js';

describe('classifyContext', () => {
  it.each([
    ['github.event.issue.title', 'untrusted'],
    ['github.event.pull_request.body', 'untrusted'],
    ['github.event.comment.body', 'untrusted'],
    ['github.event.pull_request.head.ref', 'untrusted'],
    ['github.event.pull_request.head.label', 'untrusted'],
    ['github.event.head_commit.author.email', 'untrusted'],
    ['github.event.commits[0].message', 'untrusted'],
    ['github.event.pages[1].page_name', 'untrusted'],
    ['github.event.workflow_run.head_branch', 'untrusted'],
    ['github.head_ref', 'untrusted'],
    ['github.event', 'untrusted'],
    ['github.event.pull_request.head.sha', 'safe'],
    ['github.event.issue.number', 'safe'],
    ['github.event.comment.author_association', 'safe'],
    ['github.event.repository.full_name', 'maybe'],
    ['github.event.inputs.name', 'maybe'],
    ['inputs.name', 'maybe'],
    ['steps.build.outputs.version', 'maybe'],
    ['needs.build.result', 'safe'],
    ['github.sha', 'safe'],
    ['secrets.TOKEN', 'safe'],
    ['matrix.os', 'safe'],
  ])('%s is %s', (context, trust) => {
    expect(classifyContext(context)).toBe(trust);
  });
});

describe('findExpressions', () => {
  it('finds each expression with its contexts and the worst trust', () => {
    const found = findExpressions(
      'echo "${{ github.sha }}" ${{ format(\'{0}\', github.event.issue.title) }} ${{ toJSON(github.event) }}',
    );
    expect(found.map((expression) => [expression.text, expression.trust])).toEqual([
      ['github.sha', 'safe'],
      ["format('{0}', github.event.issue.title)", 'untrusted'],
      ['toJSON(github.event)', 'untrusted'],
    ]);
  });

  it('stops at an unterminated expression', () => {
    expect(findExpressions('${{ github.event.issue.title')).toEqual([]);
  });

  it('never throws and stays within the text on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const found = findExpressions(`${text}\${{ ${text} }}`);
        for (const expression of found)
          expect(text.length + 10).toBeGreaterThanOrEqual(expression.text.length);
      }),
    );
  });

  it('scans a megabyte of expression starts quickly (linear work)', () => {
    const hostile = '${{ github.'.repeat(100_000) + 'a'.repeat(100_000);
    expect(findExpressions(hostile)).toEqual([]);
  });
});
