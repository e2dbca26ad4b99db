import { describe, expect, it } from 'vitest';
import {
  classifyExternalFrame,
  classifyExternalName,
  classifyExternalPath,
} from './classify-external-name.js';

describe('classifyExternalName', () => {
  it.each([
    ['memcpy', 'the C library'],
    ['strlcpy', 'the C library'],
    ['SIZE_MAX', 'the C library or the compiler'],
    ['O_NOFOLLOW', 'the operating system'],
    ['ASAN_OPTIONS', 'a tool setting (environment variable)'],
    ['NO_PROXY', 'a tool setting (environment variable)'],
    ['__interceptor_memcpy', 'a system or sanitizer runtime'],
    ['__libc_start_main', 'a system or sanitizer runtime'],
    ['std::vector::push_back', 'a language standard library'],
    ['os.path.join', 'a language standard library'],
    ['child_process.exec', 'a language standard library'],
    ['JSON.parse', 'a language standard library'],
  ])('%s belongs to %s', (name, owner) => {
    expect(classifyExternalName(name)).toBe(owner);
  });

  it('keeps project names, and near misses of system names, as claims to check', () => {
    for (const name of [
      'XML_ParseBuffer',
      'O_NOFOLOW',
      'jv_parse',
      'CURLOPT_URL',
      'Parser.readChunk',
    ])
      expect(classifyExternalName(name)).toBeNull();
  });
});

describe('classifyExternalFrame and classifyExternalPath', () => {
  it('knows system libraries and runtimes in stack frames', () => {
    expect(classifyExternalFrame('(/lib/x86_64-linux-gnu/libc.so.6+0x29d90)')).toBe(
      'a system library',
    );
    expect(classifyExternalFrame('/usr/lib/x86_64-linux-gnu/libasan.so.8')).toBe(
      'a system library',
    );
    expect(classifyExternalFrame('node:internal/modules/cjs/loader:1105:14')).toBe(
      'the Node.js runtime',
    );
    expect(classifyExternalFrame('/usr/lib/python3.11/json/decoder.py')).toContain('Python');
    expect(classifyExternalFrame('src/jv.c:120:5')).toBeNull();
  });

  it('knows system paths and build outputs', () => {
    expect(classifyExternalPath('/usr/bin/time')).toBe('the system');
    expect(classifyExternalPath('./src/jq')).toBe('a build output');
    expect(classifyExternalPath('./xmlwf/xmlwf')).toBe('a build output');
    expect(classifyExternalPath('build/lib/libexpat.so.1')).toBe('a build output');
    expect(classifyExternalPath('a.out')).toBe('a build output');
    expect(classifyExternalPath('src/jv.c')).toBeNull();
    expect(classifyExternalPath('./buildconf.sh')).toBeNull();
  });
});
