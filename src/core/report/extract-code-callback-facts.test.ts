import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import {
  findCallerCallbacks,
  findOversizedLengths,
  findRequestChosenRoots,
  findUnguardedMerges,
} from './extract-code-callback-facts.js';
import { extractFacts } from './extract-facts.js';
import { measureGrowth } from '../../../test/support/measure-work.js';

function callbacksOf(markdown: string): Array<{ actor?: string; quote: string }> {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === 'requires-config' && fact.value === 'caller-callback')
    .map((fact) => ({ quote: fact.quote, ...(fact.actor ? { actor: fact.actor } : {}) }));
}

const fenced = (info: string, code: string, leadIn = 'Setup:'): string =>
  `# Summary\n\nAny client can open a socket from another site.\n\n${leadIn}\n\n\`\`\`${info}\n${code}\n\`\`\`\n`;

describe('the caller’s callbacks written as code', () => {
  it.each([
    [
      'python',
      'class EchoHandler(WebSocketHandler):\n    def check_origin(self, origin):\n        return True',
    ],
    ['python', 'server = Server(authorize=lambda user, action: True)'],
    ['javascript', 'const wss = new WebSocketServer({ port: 8080, verifyClient: () => true });'],
    ['js', 'new Server({ verifyClient: (info, cb) => cb(true) })'],
    ['js', 'const hooks = {\n  authorize(request) { return true; }\n};'],
    [
      'js',
      "fastify.get('/calc', async (request) => {\n  return { result: eval(request.query.expr) }\n})",
    ],
    ['js', "app.get('/ping', (req, res) => {\n  execSync(`ping -c 1 ${req.query.host}`)\n})"],
    ['python', '@app.route("/run")\ndef run():\n    return os.system("ls " + request.args["dir"])'],
    [
      'python',
      '@web.middleware\nasync def auth(request, handler):\n    if request.raw_path.startswith("/public"):\n        return await handler(request)\n    raise web.HTTPUnauthorized()',
    ],
    [
      'js',
      "app.use((req, res, next) => {\n  if (req.path.startsWith('/admin') && !req.user) return res.status(403).end();\n  next();\n});",
    ],
    [
      'kotlin',
      'jwt("auth-jwt") {\n    verifier(jwtVerifier)\n    validate { credential -> JWTPrincipal(credential.payload) }\n}',
    ],
  ])('%s: %s is the caller’s callback', (info, code) => {
    const found = callbacksOf(fenced(info, code));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((fact) => fact.actor === 'user')).toBe(true);
  });

  it.each([
    [
      'python',
      'async def echo(request):\n    return web.Response(text="ok")\n\napp = web.Application()\napp.router.add_get("/", echo)',
    ],
    ['python', 'def check_origin(self, origin):\n    return origin in ALLOWED'],
    ['js', "app.use(express.static('public'));"],
    ['python', 'app = web.Application(middlewares=[compress])\nweb.run_app(app)'],
    ['js', 'const options = { allowHalfOpen: true };'],
    ['js', "const total = eval('1 + 2')\nreturn reply.send(request.query.expr)"],
    ['python', 'cursor.execute(query, (request.args["id"],))'],
    [
      'kotlin',
      'validate { credential ->\n    if (credential.payload.audience.contains(audience)) JWTPrincipal(credential.payload) else null\n}',
    ],
  ])('%s: %s is no callback fact', (info, code) => {
    expect(callbacksOf(fenced(info, code))).toEqual([]);
  });

  it('leaves a block the report introduces as the library’s own code alone', () => {
    const code = 'def check_origin(self, origin):\n    return True';
    expect(callbacksOf(fenced('python', code, 'The library’s code in src/server.py:'))).toEqual([]);
  });

  it('reads a middleware run into a paragraph only with its refusal close after it', () => {
    const flat =
      '# Bypass\n\nSetup: @web.middleware async def auth(request, handler): if request.raw_path.startswith("/public"): return await handler(request) raise web.HTTPUnauthorized() app = web.Application(middlewares=[auth])\n';
    expect(callbacksOf(flat).length).toBeGreaterThan(0);
    const far = `# Note\n\nWe use app.use( for logging. ${'Nothing else here. '.repeat(40)}Then a HTTPForbidden page.\n`;
    expect(callbacksOf(far)).toEqual([]);
  });

  it('reads request input handed to eval in linear time', () => {
    const build = (size: number): string =>
      'eval( `'.repeat(size / 7) + 'eval("x" + '.repeat(size / 20) + 'eval(request.query.x)';
    expect(findCallerCallbacks(build(100)).length).toBe(1);
    const growth = measureGrowth(build, (code) => findCallerCallbacks(code));
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(5);
  });

  it('finds every span inside the code it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat({ max: 1000 }), (code, offset) => {
        for (const found of findCallerCallbacks(code, offset)) {
          expect(found.start).toBeGreaterThanOrEqual(offset);
          expect(found.end).toBeLessThanOrEqual(offset + code.length);
          expect(found.start).toBeLessThan(found.end);
        }
      }),
    );
  });
});

describe('the caller’s own recursive merge (a prototype-pollution sink)', () => {
  const jsMerge =
    'function deepMerge(target, source) {\n  for (const key in source) {\n    if (typeof source[key] === "object") {\n      target[key] = target[key] || {};\n      deepMerge(target[key], source[key]);\n    } else {\n      target[key] = source[key];\n    }\n  }\n}\n\nio.on("connection", (socket) => {\n  socket.on("update", (patch) => deepMerge(settings, patch));\n});';

  it.each([
    ['js', jsMerge],
    [
      'js',
      'const merge = (a, b) => {\n  Object.keys(b).forEach((k) => {\n    if (isObject(b[k])) merge(a[k], b[k]);\n    else a[k] = b[k];\n  });\n};',
    ],
    [
      'python',
      'def merge(dst, src):\n    for key, value in src.items():\n        if isinstance(value, dict):\n            merge(dst[key], value)\n        else:\n            dst[key] = value',
    ],
  ])('%s: a merge without a guard is the caller’s callback', (info, code) => {
    const found = callbacksOf(fenced(info, code, 'Our service merges the update:'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((fact) => fact.actor === 'user')).toBe(true);
  });

  it.each([
    // A guard against the prototype keys.
    jsMerge.replace(
      'for (const key in source) {',
      'for (const key in source) {\n    if (key === "__proto__") continue;',
    ),
    jsMerge.replace(
      'for (const key in source) {',
      'for (const key in source) {\n    if (!Object.hasOwn(source, key)) continue;',
    ),
    // A shallow copy: no recursion through the key, so no prototype is reached.
    'function copy(target, source) {\n  for (const key in source) target[key] = source[key];\n}',
    // A loop that only reads.
    'function count(source) {\n  let n = 0;\n  for (const key in source) n += count(source[key]);\n  return n;\n}',
  ])('%s is no merge fact', (code) => {
    expect(findUnguardedMerges(code)).toEqual([]);
  });

  it('leaves a merge the report introduces as the library’s own code alone', () => {
    expect(callbacksOf(fenced('js', jsMerge, 'The library’s code in lib/utils.js:'))).toEqual([]);
  });

  it('reads the merge run into one paragraph, its body ending at its closing brace', () => {
    const flat = `# Pollution\n\nOur service: ${jsMerge.replace(/\n\s*/g, ' ')} Reproduce: 1. Connect. 2. socket.emit("settings:update", JSON.parse('{"__proto__": {"isAdmin": true}}')) 3. Every object has isAdmin.\n`;
    expect(callbacksOf(flat).length).toBeGreaterThan(0);
  });

  it('finds every merge span inside the code it was given', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('', jsMerge, 'for (const k in b) {', 'function m(a, b) {', '{ } } {'),
        fc.nat({ max: 1000 }),
        (text, inserted, offset) => {
          const code = text + inserted + text;
          for (const found of findUnguardedMerges(code, offset)) {
            expect(found.start).toBeGreaterThanOrEqual(offset);
            expect(found.end).toBeLessThanOrEqual(offset + code.length);
            expect(found.start).toBeLessThan(found.end);
          }
        },
      ),
    );
  });

  it('reads many loops in linear time', () => {
    const build = (size: number): string =>
      'function m(a, b) {\n' + 'for (const k in b) { a[k] = 1; }\n'.repeat(size / 34);
    const growth = measureGrowth(build, (code) => findUnguardedMerges(code));
    expect(growth.ratio, `work ${growth.small} -> ${growth.large}`).toBeLessThan(5);
  });
});

describe('the confinement root the caller takes from the request', () => {
  it('reads a root keyword given request input, directly or through a variable', () => {
    const throughVariable = [
      "@route('/theme/<name>')",
      'def theme(name):',
      '    folder = request.query.folder',
      '    return static_file(name, root=folder)',
    ].join('\n');
    expect(findRequestChosenRoots(throughVariable)).toHaveLength(1);
    expect(
      findRequestChosenRoots('send_from_directory(directory=request.args["d"], path=p)'),
    ).toHaveLength(1);
  });

  it('leaves a root the application fixed alone, and comparisons', () => {
    const fixed = [
      'def theme(name):',
      '    folder = request.query.folder',
      "    return static_file(name, root='./themes')",
    ].join('\n');
    expect(findRequestChosenRoots(fixed)).toEqual([]);
    expect(findRequestChosenRoots('check(root == request.query.folder)')).toEqual([]);
  });

  it('reads a bounded amount of work on long code', () => {
    const build = (size: number) =>
      `folder = request.query.x\n${'f(root=other)\n'.repeat(size / 14)}`;
    const growth = measureGrowth(build, (code) => findRequestChosenRoots(code));
    expect(growth.ratio).toBeLessThan(5);
  });
});

describe('a length larger than the C array the caller passes', () => {
  it('reads a literal length larger than the array declared beside the call', () => {
    const code = [
      'char value[64];',
      'ExifEntry *e = get_entry(ed, TAG);',
      'exif_entry_get_value(e, value, 1024);',
    ].join('\n');
    expect(findOversizedLengths(code).map(({ start, end }) => code.slice(start, end))).toEqual([
      ', value, 1024)',
    ]);
    expect(findCallerCallbacks(code)).toHaveLength(1);
  });

  it('leaves a length that fits, and a length given by sizeof, alone', () => {
    expect(findOversizedLengths('char value[64];\nget_value(e, value, 64);')).toEqual([]);
    expect(findOversizedLengths('char value[64];\nget_value(e, value, sizeof value);')).toEqual([]);
    expect(findOversizedLengths('get_value(e, value, 1024);')).toEqual([]);
  });

  it('reads a bounded amount of work on long code', () => {
    const build = (size: number) => `char v[4];\n${'f(e, v, 2);\n'.repeat(size / 12)}`;
    const growth = measureGrowth(build, (code) => findOversizedLengths(code));
    expect(growth.ratio).toBeLessThan(5);
  });
});
