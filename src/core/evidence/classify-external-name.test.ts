import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyExternalFrame,
  classifyExternalName,
  classifyExternalPath,
  classifyOwnedPath,
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
    ['unsafe.Pointer', "Go's standard library"],
    ['ed25519.Verify', "Go's standard library"],
    ['atomic.AddInt64', "Go's standard library"],
    ['Image', "the browser (a page's script)"],
    ['alert()', "the browser (a page's script)"],
    ['java.util.Arrays.copyOf', 'a language standard library'],
    ['kotlinx.io.Buffer.writeSegment', 'a language standard library'],
    ['kotlin.collections.ArrayList.add', 'a language standard library'],
    [
      'Microsoft.Extensions.Http.DefaultHttpClientFactory.CreateClient',
      'a language standard library',
    ],
    ['io.BytesIO', 'a language standard library'],
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
      'context.handle', // a lower-case name after the dot is not a Go export
      'store.Decode', // a package of the project, not the standard library
      'io.ktor.http.cio.CIOMultipartDataBase.partToData', // a JVM package, not Python's io
      'net.minecraft.server.Handler.read',
      'okhttp3.internal.http2.Http2Reader.readSettings',
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

  it('knows the binary of a runtime that a fatal-error dump names in brackets', () => {
    expect(classifyExternalFrame('[node]')).toBe('the Node.js runtime');
    expect(classifyExternalFrame('[/usr/local/bin/node]')).toBe('the Node.js runtime');
    expect(classifyExternalFrame('[libjvm.so+0x6d1a2b]')).toBe('the Java virtual machine');
    expect(classifyExternalFrame('[python3.11]')).toBe('the Python interpreter');
    expect(classifyExternalFrame('[/srv/app/build/Release/ringbuf]')).toBeNull();
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

  it("knows what a package manager installs into the application (Composer's autoloader)", () => {
    expect(classifyExternalPath('vendor/autoload.php')).toBe("a package manager's installed files");
    expect(classifyExternalPath('vendor/composer/installed.json')).toBe(
      "a package manager's installed files",
    );
    expect(classifyExternalPath('vendor/bundle/ruby/3.3.0/gems/x/lib/x.rb')).toBe(
      "a package manager's installed files",
    );
    // A Go module's vendored sources are the project's own folder.
    expect(classifyExternalPath('vendor/golang.org/x/net/http2/frame.go')).toBeNull();
  });

  it('knows a path that climbs out of the folder it is read from (a traversal target)', () => {
    expect(classifyExternalPath('../config/database.php')).toBe(
      'a path outside the repository (../)',
    );
    expect(classifyExternalPath('../../etc/passwd')).toBe('a path outside the repository (../)');
    expect(classifyExternalPath('lib/../config.rb')).toBeNull();
  });
});

describe('classifyOwnedPath', () => {
  const ownerIn = (text: string, path: string): string | null => {
    const start = text.indexOf(path);
    return classifyOwnedPath(text, { start, end: start + path.length });
  };

  it.each([
    ['Our loader setup (in `config/loader.py` of our service):', 'config/loader.py'],
    ['The handler lives in app/views.py in our application.', 'app/views.py'],
    ['See our `settings/prod.py` for the options.', 'settings/prod.py'],
    ['I pasted it from my own app.py below.', 'app.py'],
  ])('%s: the reporter’s', (text, path) => {
    expect(ownerIn(text, path)).toBe("the reporter's own code");
  });

  it.each([
    ['The overflow is in `lib/xmlparse.c` of libexpat.', 'lib/xmlparse.c'],
    ['our analysis shows that `src/networking.c` copies too much', 'src/networking.c'],
    ['We found it in `src/auth.c`; our PoC is attached.', 'src/auth.c'],
  ])('%s: the project’s', (text, path) => {
    expect(ownerIn(text, path)).toBeNull();
  });

  it('reads a bounded window around any span of any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(200), fc.nat(50), (text, start, length) => {
        const owner = classifyOwnedPath(text, { start, end: start + length });
        expect(owner === null || owner === "the reporter's own code").toBe(true);
      }),
    );
  });
});
