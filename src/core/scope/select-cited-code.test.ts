import { describe, expect, it } from 'vitest';
import { buildFact, buildProfile } from '../../../test/support/build-fact.js';
import { evaluateScope } from './evaluate-scope.js';
import { toCitedPath } from './match-components.js';
import { isCodePath, isRunTimePath, selectCitedCode } from './select-cited-code.js';

describe('selectCitedCode', () => {
  it('tells source files from the files an exploit reads or targets', () => {
    expect(isCodePath('examples/simple_decompression.c')).toBe(true);
    expect(isCodePath('lib/x.S')).toBe(true);
    expect(isCodePath('CMakeLists.txt')).toBe(true);
    expect(isCodePath('/etc/passwd')).toBe(false);
    expect(isCodePath('package.json')).toBe(false);
    expect(isCodePath('out/recovered.bin')).toBe(false);
  });

  it('keeps only source files when the report cites any, and everything otherwise', () => {
    const code = buildFact('file-path', 'examples/demo.c');
    const target = buildFact('file-path', '/etc/passwd');
    const config = buildFact('file-path', 'conf/server.xml');
    expect(selectCitedCode([code, target], toCitedPath)).toEqual([code]);
    expect(selectCitedCode([config, target], toCitedPath)).toEqual([config, target]);
  });

  it('leaves out a temporary file a test script writes beside the script itself', () => {
    const script = buildFact('file-path', 'tests/TESTrun');
    const scratch = buildFact('file-path', '/tmp/tool-tests.out');
    const shm = buildFact('file-path', '/dev/shm/run.lock');
    expect(selectCitedCode([script, scratch, shm], toCitedPath)).toEqual([script]);
    expect(selectCitedCode([scratch], toCitedPath)).toEqual([scratch]);
    expect(isRunTimePath('/var/tmp/x')).toBe(true);
    expect(isRunTimePath('/etc/passwd')).toBe(false);
    expect(isRunTimePath('/tmpfiles/x')).toBe(false);
  });

  it('lets an examples-only exclusion hold when the exploit targets a system file', () => {
    const facts = [
      buildFact('file-path', 'examples/demo.c'),
      buildFact('file-path', '/etc/passwd'),
      buildFact('file-path', 'package.json'),
    ];
    const ruleIds = evaluateScope(buildProfile(), facts).outOfScope.map((match) => match.ruleId);
    expect(ruleIds).toContain('OOS-TEST');
  });
});
