import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { isAllocationFunction } from './drop-allocation-frames.js';
import { evaluateScope } from './evaluate-scope.js';
import { listCitedPaths, toCitedPath } from './match-components.js';

const leakInHarness = [
  'The fuzzing harness forgets to free its buffer on the error path.',
  '',
  '```',
  '==311==ERROR: LeakSanitizer: detected memory leaks',
  'Direct leak of 4096 byte(s) in 1 object(s) allocated from:',
  '    #0 0x4a2f1d in malloc',
  '    #1 0x5b0c12 in th_malloc src/http/alloc.c:33',
  '    #2 0x4f8a0e in LLVMFuzzerTestOneInput test/fuzz/fuzz_parser.c:41',
  '```',
].join('\n');

const citedPathsOf = (text: string): string[] => [
  ...new Set(listCitedPaths(extractFacts(buildTestReport(text))).map(toCitedPath)),
];

describe('allocation frames', () => {
  it('knows malloc-like wrappers and operator new', () => {
    for (const name of ['malloc', '_TIFFmalloc', '_TIFFCheckMalloc', 'opj_calloc', 'g_malloc0']) {
      expect(isAllocationFunction(name)).toBe(true);
    }
    expect(isAllocationFunction('xrealloc')).toBe(true);
    expect(isAllocationFunction('operator new[]')).toBe(true);
    for (const name of ['TIFFReadDirectory', 'free', '_TIFFfree', 'opj_alloc_tile', 'dealloc']) {
      expect(isAllocationFunction(name)).toBe(false);
    }
  });

  it('leaves the wrapper’s frame out of where the code is when the trace names its caller', () => {
    expect(citedPathsOf(leakInHarness)).toEqual(['test/fuzz/fuzz_parser.c']);
  });

  it('keeps the wrapper’s frame when it is the only code the report cites', () => {
    const onlyWrapper = leakInHarness.replace(
      '    #2 0x4f8a0e in LLVMFuzzerTestOneInput test/fuzz/fuzz_parser.c:41\n',
      '',
    );
    expect(citedPathsOf(onlyWrapper)).toEqual(['src/http/alloc.c']);
  });

  it('keeps a path named after an allocator in prose', () => {
    const prose = 'The overflow is in `th_malloc()` in src/http/alloc.c, called from tests/x.c.';
    expect(citedPathsOf(prose)).toContain('src/http/alloc.c');
  });

  it('reads the frame from the text when the trace is run into one paragraph', () => {
    const paragraph = leakInHarness.replace(/```\n?/g, '').replace(/\n+/g, ' ');
    const facts = extractFacts(buildTestReport(paragraph));
    const body = buildTestReport(paragraph).body;
    expect([...new Set(listCitedPaths(facts, body).map(toCitedPath))]).toEqual([
      'test/fuzz/fuzz_parser.c',
    ]);
  });

  it('lets a tests-only exclusion hold on a harness leak allocated through the library', () => {
    const facts = extractFacts(buildTestReport(leakInHarness));
    const ids = evaluateScope(buildProfile(), facts).outOfScope.map((match) => match.ruleId);
    expect(ids).toContain('OOS-TEST');
  });
});
