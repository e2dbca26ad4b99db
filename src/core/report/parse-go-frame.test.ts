import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatGoFunction,
  goFileLine,
  isProjectImportPath,
  parseGoFrame,
  splitModuleCachePath,
} from './parse-go-frame.js';

describe('parseGoFrame', () => {
  it('reads a method with a pointer receiver, its import path and where its name starts', () => {
    const line = 'github.com/acme/relay/v3/broker.(*session).readFrame(0xc000231808, {0x0, 0x0})';
    const frame = parseGoFrame(line);
    expect(frame).toMatchObject({
      importPath: 'github.com/acme/relay/v3/broker',
      receiver: 'session',
      isPointerReceiver: true,
      name: 'readFrame',
      isStandardOrMain: false,
    });
    expect(line.slice(frame!.nameStart, frame!.nameStart + 'session'.length)).toBe('session');
  });

  it('reads a plain function, a closure and the goroutine that created another', () => {
    expect(parseGoFrame('example.org/kv/store.decodeKey(...)')).toMatchObject({
      importPath: 'example.org/kv/store',
      receiver: null,
      name: 'decodeKey',
    });
    expect(parseGoFrame('\texample.org/kv/store.(*Tree).walk.func2()')).toMatchObject({
      receiver: 'Tree',
      name: 'walk',
    });
    expect(
      parseGoFrame('created by example.org/kv/store.(*Server).serve in goroutine 12'),
    ).toMatchObject({ receiver: 'Server', name: 'serve' });
  });

  it('marks the standard library and main as not the project', () => {
    expect(parseGoFrame('runtime.goexit({})')?.isStandardOrMain).toBe(true);
    expect(parseGoFrame('net/http.(*conn).serve(0xc0001)')?.isStandardOrMain).toBe(true);
    expect(parseGoFrame('main.main()')?.isStandardOrMain).toBe(true);
  });

  it('is null for lines that are not calls', () => {
    expect(parseGoFrame('panic({0x9d8c60?, 0xc00001c0d8?})')).toBeNull();
    expect(parseGoFrame('goroutine 1 [running]:')).toBeNull();
    expect(parseGoFrame('The server stops.')).toBeNull();
  });

  it('never throws and stays inside the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (line) => {
        const frame = parseGoFrame(line);
        if (frame !== null) {
          expect(frame.nameStart).toBeGreaterThanOrEqual(0);
          expect(frame.nameStart).toBeLessThan(line.length);
          expect(line).toContain(frame.name);
        }
      }),
    );
  });
});

describe('goFileLine', () => {
  it('holds on the file line under a frame, not on prose', () => {
    expect(
      goFileLine.test('\t/home/u/go/pkg/mod/example.org/kv@v1.2.3/store/tree.go:88 +0x1a5'),
    ).toBe(true);
    expect(goFileLine.test('        /src/kv/store/tree.go:88')).toBe(true);
    expect(goFileLine.test('see store/tree.go:88 for it')).toBe(false);
  });
});

describe('splitModuleCachePath and isProjectImportPath', () => {
  it('splits a module-cache path into the module and the path inside it', () => {
    expect(
      splitModuleCachePath('/home/u/go/pkg/mod/example.org/kv/v2@v2.4.0/store/tree.go'),
    ).toEqual({ module: 'example.org/kv/v2', path: 'store/tree.go' });
    expect(
      splitModuleCachePath('/root/go/pkg/mod/github.com/!burnt!sushi/toml@v1.3.2/decode.go'),
    ).toEqual({
      module: 'github.com/BurntSushi/toml',
      path: 'decode.go',
    });
    expect(splitModuleCachePath('/home/u/src/kv/store/tree.go')).toBeNull();
  });

  it('knows the project by one of its names in the import path', () => {
    expect(isProjectImportPath('example.org/kv/v2/store', ['kv'])).toBe(true);
    expect(isProjectImportPath('github.com/klauspost/compress/flate', ['kv'])).toBe(false);
    expect(isProjectImportPath('github.com/klauspost/compress/flate', [])).toBe(true);
  });

  it('formats methods the way Go prints them', () => {
    expect(formatGoFunction('client', true, 'parse')).toBe('(*client).parse');
    expect(formatGoFunction('client', false, 'parse')).toBe('client.parse');
    expect(formatGoFunction(null, false, 'parse')).toBe('parse');
  });

  it('never throws on any path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (path) => {
        const split = splitModuleCachePath(path);
        if (split !== null) expect(path.endsWith(split.path)).toBe(true);
      }),
    );
  });
});
