import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import {
  listsOnlyNarrowAddresses,
  findCodeChoices,
  findCodeSettings,
  findConfigLineSettings,
  readUnsafeSetting,
} from './extract-code-setting-facts.js';
import { parseReportText } from './parse-report.js';
import { extractFacts } from './extract-facts.js';

function settingsOf(markdown: string): Array<{ value: string; actor?: string; quote: string }> {
  return extractFacts(buildTestReport(markdown))
    .filter((fact) => fact.kind === 'requires-config')
    .map((fact) => ({
      value: fact.value,
      quote: fact.quote,
      ...(fact.actor ? { actor: fact.actor } : {}),
    }));
}

const fenced = (info: string, code: string, leadIn = 'Our client code:'): string =>
  `# Summary\n\nTraffic can be read on the network.\n\n${leadIn}\n\n\`\`\`${info}\n${code}\n\`\`\`\n`;

describe('the caller’s unsafe settings written as code', () => {
  it.each([
    ['python', 'requests.post(url, json=body, verify=False, timeout=10)', 'verify=False'],
    [
      'javascript',
      'const agent = new https.Agent({ rejectUnauthorized: false });',
      'rejectUnauthorized: false',
    ],
    ['js', "spawnHelper({ apiBase: 'https://x', verifySsl: false })", 'verifySsl: false'],
    ['ini', '[remote]\nssl_verify = false', 'ssl_verify = false'],
    ['yaml', 'client:\n  insecure: true', 'insecure: true'],
    ['go', 'cfg := &tls.Config{InsecureSkipVerify: true}', 'InsecureSkipVerify: true'],
    ['python', 'ctx.check_hostname = False', 'ctx.check_hostname = False'],
    ['python', 'pool = PoolManager(cert_reqs="CERT_NONE")', 'cert_reqs="CERT_NONE"'],
    ['json', '{ "tlsVerify": "off" }', '"tlsVerify": "off"'],
  ])('%s: %s is verification-disabled, the caller’s', (info, code, quote) => {
    expect(settingsOf(fenced(info, code))).toContainEqual({
      value: 'verification-disabled',
      actor: 'user',
      quote,
    });
  });

  it.each([
    ['python', 'Image.MAX_IMAGE_PIXELS = None', 'max_image_pixels'],
    ['js', 'axios.get(url, { maxContentLength: -1 })', 'maxcontentlength'],
    ['python', 'env = Environment(autoescape=False)', 'autoescape'],
    ['python', 'parser = XMLParser(resolve_entities=True, strict=False)', 'strict'],
    ['js', 'marked.setOptions({ sanitize: false })', 'sanitize'],
    ['js', 'render(html, { dangerouslyAllowHtml: true })', 'dangerouslyallowhtml'],
  ])('%s: %s names the setting', (info, code, setting) => {
    expect(settingsOf(fenced(info, code)).map((fact) => fact.value)).toContain(setting);
  });

  it('reads an indented snippet like a fenced block', () => {
    const body =
      'Our tool sets up its session like this:\n\n    session = requests.Session()\n    session.verifySsl = False\n\nAnyone on the network reads the token.\n';
    expect(settingsOf(body)).toContainEqual({
      value: 'verification-disabled',
      actor: 'user',
      quote: 'session.verifySsl = False',
    });
  });

  it.each([
    ['a safe value', 'requests.get(url, verify=True)'],
    ['a CA bundle path', 'requests.get(url, verify="/etc/ssl/ca.pem")'],
    ['None, the default of verify', 'def get(url, verify=None): ...'],
    ['a comparison', 'if verify == False:\n    warn()'],
    ['a limit that is set', 'Image.MAX_IMAGE_PIXELS = 200_000_000'],
    ['a limit of 0 (stricter)', 'session.max_redirects = 0'],
    ['an unrelated name', 'retries = False\ncolor = None'],
    ['the default, said in a comment', 's.trust_env = True\ns.strict = False  # the default'],
  ])('leaves out %s', (_name, code) => {
    expect(settingsOf(fenced('python', code))).toEqual([]);
  });

  it('leaves out a setting the same snippet also turns back on', () => {
    const code = 's.get(a, verify=False)\ns.get(b, verify="/etc/ssl/corp.pem")';
    expect(settingsOf(fenced('python', code))).toEqual([]);
  });

  it('leaves out diffs and the library’s own code', () => {
    const diff =
      '--- a/src/x.py\n+++ b/src/x.py\n@@ -1,2 +1,2 @@\n-    verify=True\n+    verify=False';
    expect(settingsOf(fenced('diff', diff))).toEqual([]);
    expect(
      settingsOf(fenced('python', 'verify = False', 'In src/requests/adapters.py line 410:')),
    ).toEqual([]);
    expect(
      settingsOf(fenced('python', 'strict = False', 'The library’s own code does this:')),
    ).toEqual([]);
  });

  it('leaves out a setting written in prose that a sentence places in the library’s code', () => {
    expect(
      settingsOf(
        'Tags resolve in lib/yaml/constructor.py (`find_python_name()` with `unsafe=True`).',
      ),
    ).toEqual([]);
    expect(
      settingsOf('The crash needs the caller to pass `unsafe=True` to lib/x.py’s `load()`.').map(
        (fact) => fact.value,
      ),
    ).toContain('unsafe');
  });

  it('leaves them all out when the report says the bug holds with the protection on', () => {
    const body = `${fenced('python', 'requests.get(url, proxies=p, verify=False)')}\n\`verify=False\` is only there because my local test servers use self-signed certificates.\n`;
    expect(settingsOf(body).filter((fact) => fact.actor === 'user')).toEqual([]);
  });
});

describe('C# and Kotlin callbacks, switches and blocks the caller writes', () => {
  const valuesOf = (language: string, code: string) =>
    settingsOf(fenced(language, code)).map((fact) => fact.value);

  it.each([
    [
      'csharp',
      'var options = new RestClientOptions(url) {\n    RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true\n};',
    ],
    ['csharp', 'handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;'],
    ['kotlin', 'val client = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()'],
    [
      'kotlin',
      'trustManager = object : X509TrustManager {\n    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}\n}',
    ],
  ])(
    'a callback that accepts every certificate or host is verification-disabled (%s)',
    (language, code) => {
      expect(valuesOf(language, code)).toContain('verification-disabled');
    },
  );

  it('leaves a callback that checks something, and a trust manager with a body, alone', () => {
    expect(
      valuesOf(
        'csharp',
        'RemoteCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None',
      ),
    ).not.toContain('verification-disabled');
    expect(
      valuesOf(
        'kotlin',
        'override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {\n    delegate.checkServerTrusted(chain, authType)\n}',
      ),
    ).not.toContain('verification-disabled');
  });

  it('reads switches that send to plain HTTP or credentials to another host, every-origin calls and lifted limit blocks', () => {
    expect(
      valuesOf(
        'csharp',
        'var r = new RedirectOptions {\n    FollowRedirectsToInsecure = true,\n    ForwardAuthorizationToExternalHost = true\n};',
      ),
    ).toEqual(
      expect.arrayContaining(['followredirectstoinsecure', 'forwardauthorizationtoexternalhost']),
    );
    expect(
      valuesOf('csharp', 'var r = new RedirectOptions { FollowRedirectsToInsecure = false };'),
    ).toEqual([]);
    expect(valuesOf('kotlin', 'install(CORS) {\n    anyHost()\n}')).toContain('anyhost');
    expect(
      valuesOf(
        'kotlin',
        'install(RequestBodyLimit) {\n    bodyLimit { call ->\n        if (call.isImport) Long.MAX_VALUE else 10 * 1024\n    }\n}',
      ),
    ).toContain('bodylimit');
    expect(valuesOf('kotlin', 'bodyLimit { 10 * 1024 * 1024 }')).toEqual([]);
  });
});

describe('Java objects and limits the caller hands over', () => {
  it.each([
    [
      'SslContext ctx = SslContextBuilder.forClient()\n        .trustManager(InsecureTrustManagerFactory.INSTANCE)\n        .build();',
      'InsecureTrustManagerFactory',
    ],
    [
      'CloseableHttpClient c = HttpClients.custom()\n    .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();',
      'NoopHostnameVerifier',
    ],
    ['builder.loadTrustMaterial(null, new TrustAllStrategy());', 'TrustAllStrategy'],
  ])('an object that trusts everything is verification-disabled: %s', (code, quote) => {
    expect(settingsOf(fenced('java', code))).toContainEqual({
      value: 'verification-disabled',
      actor: 'user',
      quote,
    });
  });

  it('reads a type’s largest value given to a constructor or a limit method as a lifted limit', () => {
    expect(
      settingsOf(fenced('java', 'p.addLast(new HttpObjectAggregator(Integer.MAX_VALUE));')).map(
        (fact) => fact.value,
      ),
    ).toContain('httpobjectaggregator');
    expect(
      settingsOf(fenced('java', 'config.setMaxFramePayloadLength(Long.MAX_VALUE);')).map(
        (fact) => fact.value,
      ),
    ).toContain('setmaxframepayloadlength');
    expect(
      settingsOf(fenced('kotlin', 'val limits = Limits(maxContentLength = Int.MaxValue)')).map(
        (fact) => fact.value,
      ),
    ).toContain('maxcontentlength');
  });

  it('reads an object that trusts everything run into prose as code, not a name in a sentence', () => {
    const values = (text: string): string[] => settingsOf(text).map((fact) => fact.value);
    expect(
      values(
        'Our client is set up like this: SslContext c = SslContextBuilder.forClient() .trustManager(InsecureTrustManagerFactory.INSTANCE) .build(); Steps follow.',
      ),
    ).toContain('verification-disabled');
    expect(
      values('The Javadoc says InsecureTrustManagerFactory is for tests; we do not use it.'),
    ).toEqual([]);
  });

  it('leaves out a largest value a proof of concept writes into its data, and trusting names in prose', () => {
    expect(
      settingsOf(
        fenced('java', 'ByteBuf buf = Unpooled.buffer();\nbuf.writeInt(Integer.MAX_VALUE);'),
      ),
    ).toEqual([]);
    expect(
      findCodeChoices(
        'new HttpObjectAggregator(65536); new LengthFieldBasedFrameDecoder(1048576, 0, 4)',
        0,
        [],
      ),
    ).toEqual([]);
  });
});

describe('a framework’s debug mode switched on by a call in the caller’s code', () => {
  it.each([
    ['python', 'import bottle\nbottle.debug(True)\nbottle.run(port=8080)', 'debug(True)'],
    ['python', 'app.set_debug(True)', 'set_debug(True)'],
    ['java', 'server.setDebug(true);', 'setDebug(true)'],
    ['python', 'enable_debug_mode(mode=True)', 'enable_debug_mode(mode=True)'],
  ])('%s: %s is debug, the caller’s', (info, code, quote) => {
    expect(settingsOf(fenced(info, code))).toContainEqual({ value: 'debug', actor: 'user', quote });
  });

  it('reads no logging call, no debug switched off and no debug helper of the project', () => {
    for (const code of [
      'log.debug("request %s", rid)',
      'logging.debug(True and "x")',
      'bottle.debug(False)',
      'app.debug(0)',
      'debugger(True)',
      'my_debug(True)',
    ])
      expect(findCodeChoices(code, 0, []).filter((choice) => choice.value === 'debug')).toEqual([]);
  });

  it('finds the call in linear time on long hostile input (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_.( )=Tru1]{0,400}$/), (noise) => {
        const text = `x.debug(${noise}`.repeat(3);
        for (const choice of findCodeChoices(text, 5, []))
          expect(choice.end).toBeLessThanOrEqual(text.length + 5);
      }),
    );
  });
});

describe('settings written as code in running prose', () => {
  it.each([
    ['The worker calls the API with verify=False.', 'verification-disabled'],
    ['The helper gets `verifySsl: false` from the front end.', 'verification-disabled'],
    ['They set Image.MAX_IMAGE_PIXELS = None before opening uploads.', 'max_image_pixels'],
  ])('reads %s, leaving whose it is to the sentence', (text, value) => {
    const facts = settingsOf(text);
    expect(facts.map((fact) => fact.value)).toContain(value);
    expect(facts.some((fact) => fact.actor === 'user' && fact.quote.includes('='))).toBe(false);
  });

  it.each([
    'Validation: none was done on our side.',
    'Strict: no, the parser is lenient.',
    'Limits: none, as far as I can tell.',
    'Set verify=True or pass verify="/etc/ssl/ca.pem", never verify=False and verify=True together.',
  ])('leaves out labels and toggles: %s', (text) => {
    expect(settingsOf(text)).toEqual([]);
  });
});

describe('readUnsafeSetting', () => {
  it('reads known_hosts=None as host-key checking off only in a report about interception', () => {
    expect(readUnsafeSetting('known_hosts', 'None', [], true)).toBe('verification-disabled');
    expect(readUnsafeSetting('known_hosts', 'None')).toBeNull();
    expect(readUnsafeSetting('known_hosts', "'known_hosts'", [], true)).toBeNull();
  });

  it('reads only the value a rule names as unsafe when it names one (`no_network=False`)', () => {
    const settings = ['no_network', 'no_network=false', 'huge_tree'];
    expect(readUnsafeSetting('no_network', 'False', settings)).toBe('no_network=false');
    expect(readUnsafeSetting('no_network', 'True', settings)).toBeNull();
    expect(readUnsafeSetting('huge_tree', 'True', settings)).toBe('huge_tree');
  });

  it('reads an algorithm list the profile names, given as quoted names, as that setting', () => {
    expect(findCodeSettings("    kex_algs=['diffie-hellman-group1-sha1'],")[0]?.value).toBe(
      "['diffie-hellman-group1-sha1']",
    );
    expect(readUnsafeSetting('kex_algs', "['diffie-hellman-group1-sha1']", ['kex_algs'])).toBe(
      'kex_algs',
    );
    expect(readUnsafeSetting('Ciphers', '["arcfour"]', ['ciphers'])).toBe('ciphers');
    // Run into a paragraph, the list is still code.
    expect(
      findCodeSettings("connect('host', kex_algs=['diffie-hellman-group1-sha1'], port=22)")[0]
        ?.value,
    ).toBe("['diffie-hellman-group1-sha1']");
    // Not named by the profile, an empty list, or a name that is not an algorithm list.
    expect(readUnsafeSetting('kex_algs', "['diffie-hellman-group1-sha1']")).toBeNull();
    expect(readUnsafeSetting('kex_algs', '[]', ['kex_algs'])).toBeNull();
    expect(readUnsafeSetting('allowed_hosts', "['example.com']", ['allowed_hosts'])).toBeNull();
  });

  it('reads a list the profile names with a lone quoted `*` among its entries as opened to all', () => {
    expect(findCodeSettings("  require: { builtin: ['*'], external: false },")[0]?.value).toBe(
      "['*']",
    );
    expect(readUnsafeSetting('builtin', "['*']", ['builtin'])).toBe('builtin');
    expect(readUnsafeSetting('allowedHosts', '["api.example", "*"]', ['allowedhosts'])).toBe(
      'allowedhosts',
    );
    // A narrower list, a pattern with a star in it, or a name the profile does not list.
    expect(readUnsafeSetting('builtin', "['fs', 'path']", ['builtin'])).toBeNull();
    expect(readUnsafeSetting('allowedHosts', "['*.example.com']", ['allowedhosts'])).toBeNull();
    expect(readUnsafeSetting('builtin', "['*']")).toBeNull();
  });

  it('folds case, underscores and dashes in names and quotes in values', () => {
    expect(readUnsafeSetting('SSL-VERIFY', '"false"')).toBe('verification-disabled');
    expect(readUnsafeSetting('skip_tls_verify', 'yes')).toBe('verification-disabled');
    expect(readUnsafeSetting('allow_unsafe_eval', 'true')).toBe('allow_unsafe_eval');
    expect(readUnsafeSetting('verify', 'None')).toBeNull();
    expect(readUnsafeSetting('verify_mode', "'none'")).toBe('verification-disabled');
  });

  it('reads a guard told to let an attack through', () => {
    expect(readUnsafeSetting('onProtoPoisoning', "'ignore'")).toBe('onprotopoisoning');
    expect(readUnsafeSetting('on_constructor_poisoning', '"allow"')).toBe(
      'on_constructor_poisoning',
    );
    expect(readUnsafeSetting('onProtoPoisoning', "'error'")).toBeNull();
    expect(readUnsafeSetting('onProtoPoisoning', "'remove'")).toBeNull();
    expect(readUnsafeSetting('dotfiles', "'ignore'")).toBeNull();
  });

  it('reads a size limit raised to a billion or more as lifted, not a time', () => {
    expect(readUnsafeSetting('bodyLimit', '4 * 1024 * 1024 * 1024')).toBe('bodylimit');
    expect(readUnsafeSetting('max_body_size', '2_000_000_000')).toBe('max_body_size');
    expect(readUnsafeSetting('maxPayload', 'Number.MAX_SAFE_INTEGER')).toBe('maxpayload');
    expect(readUnsafeSetting('bodyLimit', '10 * 1024 * 1024')).toBeNull();
    expect(readUnsafeSetting('maxAge', '365 * 24 * 3600 * 1000')).toBeNull();
  });

  it('reads a limit written in exponent notation', () => {
    expect(readUnsafeSetting('maxHttpBufferSize', '1e9')).toBe('maxhttpbuffersize');
    expect(readUnsafeSetting('max_body_size', '2.5E10')).toBe('max_body_size');
    expect(readUnsafeSetting('maxPayload', '1e+9')).toBe('maxpayload');
    expect(readUnsafeSetting('maxHttpBufferSize', '1e6')).toBeNull();
    expect(readUnsafeSetting('pingTimeout', '6e10')).toBeNull();
  });

  it('reads a cross-origin allow-list opened to every site', () => {
    expect(readUnsafeSetting('origin', '"*"')).toBe('origin');
    expect(readUnsafeSetting('allowedOrigins', "'*'")).toBe('allowedorigins');
    expect(readUnsafeSetting('CORS_ORIGINS', '"*"')).toBe('cors_origins');
    expect(readUnsafeSetting('origin', 'true')).toBe('origin');
    expect(readUnsafeSetting('CORS_ALLOW_ALL_ORIGINS', 'True')).toBe('cors_allow_all_origins');
    expect(readUnsafeSetting('origin', '"https://app.example.com"')).toBeNull();
    expect(readUnsafeSetting('origin', 'false')).toBeNull();
    expect(readUnsafeSetting('CORS_ALLOW_ALL_ORIGINS', 'False')).toBeNull();
  });
});

describe('settings written as code in an options object', () => {
  it('reads the application’s options object, with a product as one value', () => {
    const report =
      "# Memory\n\nOur server is created with\n\n```js\nconst app = Fastify({ bodyLimit: 4 * 1024 * 1024 * 1024, onProtoPoisoning: 'ignore' })\n```\n";
    expect(settingsOf(report).map((fact) => [fact.value, fact.actor])).toEqual([
      ['bodylimit', 'user'],
      ['onprotopoisoning', 'user'],
    ]);
    const flat =
      "# Memory\n\nOur server is created with const app = Fastify({ bodyLimit: 4 * 1024 * 1024 * 1024, onProtoPoisoning: 'ignore' }) and then listens.\n";
    expect(settingsOf(flat).map((fact) => fact.value)).toEqual(['bodylimit', 'onprotopoisoning']);
    expect(settingsOf("# Note\n\nMode: 'ignore' is what the log says.\n")).toEqual([]);
    expect(findCodeSettings('bodyLimit: 4 * 1024 * 1024 * 1024,')[0]?.value).toBe(
      '4 * 1024 * 1024 * 1024',
    );
  });
});

describe('the application’s CORS options', () => {
  it('reads origin "*" in the server options, not a response header quoted in a transcript', () => {
    const report =
      '# CSWSH\n\nOur server:\n\n```js\nconst io = new Server(httpServer, {\n  cors: { origin: "*", credentials: true },\n});\n```\n';
    expect(settingsOf(report).map((fact) => [fact.value, fact.actor])).toEqual([
      ['origin', 'user'],
    ]);
    const transcript =
      '# CORS\n\nThe answer:\n\n```\nHTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nVary: Origin\n```\n';
    expect(settingsOf(transcript)).toEqual([]);
  });

  it('reads the same options object run into one paragraph, "*" and 1e9 as code literals', () => {
    const flat =
      '# CSWSH\n\nThis is how our server is set up: const io = new Server(httpServer, { cors: { origin: "*", credentials: true, }, }); and then it listens.\n';
    expect(settingsOf(flat).map((fact) => fact.value)).toEqual(['origin']);
    const limit =
      '# Memory\n\nWe run our server like this: const io = new Server(3000, { maxHttpBufferSize: 1e9, pingTimeout: 60000, }); PoC follows.\n';
    expect(settingsOf(limit).map((fact) => fact.value)).toEqual(['maxhttpbuffersize']);
    // A label in prose is still no setting.
    expect(settingsOf('# Note\n\nOrigin: "*" is what the scanner printed.\n')).toEqual([]);
  });
});

describe('findCodeSettings on hostile input', () => {
  it('returns spans inside the text, in linear time', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom(
          '',
          'verify=False',
          'a.b.c.d.e.f = None',
          '"x": true',
          ' : = => ',
          'limit: 4 * 1024 *',
        ),
        (text, inserted) => {
          const code = text + inserted + text;
          for (const setting of findCodeSettings(code, 7)) {
            expect(setting.start).toBeGreaterThanOrEqual(7);
            expect(setting.end).toBeLessThanOrEqual(code.length + 7);
            expect(setting.name).not.toContain('.');
          }
        },
      ),
    );
    const hostile = 'a.'.repeat(50_000) + '= ' + 'x'.repeat(50_000);
    expect(findCodeSettings(hostile).length).toBeLessThan(10);
  });

  it('never throws on whole reports made of code-like noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '```js\n',
            '```\n',
            '    ',
            'verify',
            '=',
            ':',
            'false',
            'None',
            '\n',
            '{',
            ' ',
          ),
          { maxLength: 80 },
        ),
        (parts) => {
          const facts = extractFacts(buildTestReport(parts.join('')));
          for (const fact of facts) expect(fact.span.end).toBeGreaterThan(fact.span.start);
        },
      ),
    );
  });
});

describe('settings the profile names, switched on in the caller’s code', () => {
  const profileSettings = ['follow_symlinks', 'aiohttp_no_extensions'];
  const namedSettingsOf = (markdown: string): Array<{ value: string; actor?: string }> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => ({ value: fact.value, ...(fact.actor ? { actor: fact.actor } : {}) }));

  it('reads a keyword argument `name=True` in a code block as the caller’s setting', () => {
    const code = 'app.router.add_static("/static/", "/srv/static", follow_symlinks=True)';
    expect(namedSettingsOf(fenced('python', code))).toContainEqual({
      value: 'follow_symlinks',
      actor: 'user',
    });
  });

  it('reads an environment variable set in an indented command line', () => {
    const text =
      '# Summary\n\nThe service starts with the pure-Python parser.\n\nReproduction:\n\n    AIOHTTP_NO_EXTENSIONS=1 python -m aiohttp.web demo:init\n';
    expect(namedSettingsOf(text)).toContainEqual({
      value: 'aiohttp_no_extensions',
      actor: 'user',
    });
  });

  it('reads `name=True` in an inline code span', () => {
    const text = '# Summary\n\nThe route is created with `follow_symlinks=True` in our app.\n';
    expect(namedSettingsOf(text).map((fact) => fact.value)).toContain('follow_symlinks');
  });

  it('reads Ruby’s settings DSL: set, enable and disable with symbols', () => {
    const named = (code: string, settings: string[]): string[] =>
      extractFacts(buildTestReport(fenced('ruby', code)), { profileSettings: settings })
        .filter((fact) => fact.kind === 'requires-config' && fact.actor === 'user')
        .map((fact) => fact.value);
    expect(
      named('App.set :show_exceptions, true   # so support can read it', ['show_exceptions']),
    ).toEqual(['show_exceptions']);
    expect(named('enable :sessions\ndisable :protection          # broke our API', [])).toEqual([
      'protection',
    ]);
    expect(named('set :show_exceptions, false', ['show_exceptions'])).toEqual([]);
    expect(named('set :protection, true', [])).toEqual([]);
  });

  it('reads Ruby’s settings DSL run into one paragraph', () => {
    const text =
      '# Summary\n\nOur config.ru: require ./app App.set :show_exceptions, true # so support can read the errors run App, and app.rb has disable :protection too.\n';
    const values = extractFacts(buildTestReport(text), { profileSettings: ['show_exceptions'] })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);
    expect(values).toEqual(['show_exceptions', 'protection']);
  });

  it('reads no call of a named setting in a lockfile’s dependency line', () => {
    const lock =
      '    sinatra (4.1.1)\n      rack-protection (= 4.1.1)\n      protection (>= 2.0)\n';
    expect(findCodeChoices(lock, 0, ['protection'])).toEqual([]);
    expect(findCodeChoices('protection(true)', 0, ['protection'])).toHaveLength(1);
  });

  it('reads nothing when the setting is off, toggled, or not one the profile names', () => {
    expect(
      namedSettingsOf(fenced('python', 'add_static("/s", root, follow_symlinks=False)')),
    ).toEqual([]);
    expect(
      namedSettingsOf(fenced('python', 'a(follow_symlinks=True)\nb(follow_symlinks=False)')),
    ).toEqual([]);
    expect(namedSettingsOf(fenced('python', 'add_static("/s", root, show_index=True)'))).toEqual(
      [],
    );
    expect(settingsOf(fenced('python', 'add_static("/s", root, follow_symlinks=True)'))).toEqual(
      [],
    );
  });

  it('readUnsafeSetting yields a named setting only when switched on', () => {
    expect(readUnsafeSetting('FOLLOW_SYMLINKS', 'True', profileSettings)).toBe('follow_symlinks');
    expect(readUnsafeSetting('follow_symlinks', 'None', profileSettings)).toBeNull();
    expect(readUnsafeSetting('follow_symlinks', 'True')).toBeNull();
  });
});

describe('a level setting the profile names, switched on with a number or a class constant', () => {
  const profileSettings = ['smtpdebug'];
  const namedSettingsOf = (markdown: string): string[] =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);

  it('reads a PHP property set to an "on" class constant or a level above zero', () => {
    const code = "$mail->SMTPDebug = SMTP::DEBUG_SERVER;\n$mail->Debugoutput = 'html';";
    expect(namedSettingsOf(fenced('php', code))).toContain('smtpdebug');
    const indented =
      '# Summary\n\nThe page shows the SMTP dialogue.\n\nThe site has\n\n    $mail->SMTPDebug = 2;\n';
    expect(namedSettingsOf(indented)).toContain('smtpdebug');
  });

  it('reads nothing for level zero or a constant that says off', () => {
    expect(namedSettingsOf(fenced('php', '$mail->SMTPDebug = 0;'))).toEqual([]);
    expect(namedSettingsOf(fenced('php', '$mail->SMTPDebug = SMTP::DEBUG_OFF;'))).toEqual([]);
    expect(readUnsafeSetting('SMTPDebug', 'SMTP::DEBUG_LOWLEVEL', profileSettings)).toBe(
      'smtpdebug',
    );
    expect(readUnsafeSetting('SMTPDebug', 'SMTP::DEBUG_LOWLEVEL')).toBeNull();
  });
});

describe('an allow-list the profile names, opened to every host with a lone `*`', () => {
  const profileSettings = ['local_network_allowlist'];
  const namedSettingsOf = (markdown: string): Array<{ value: string; actor?: string }> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => ({ value: fact.value, ...(fact.actor ? { actor: fact.actor } : {}) }));

  it('reads `NAME = *` in an ini block as the deployer’s setting', () => {
    const code = '[security]\n; internal mirrors must be reachable\nLOCAL_NETWORK_ALLOWLIST = *';
    expect(namedSettingsOf(fenced('ini', code, 'Our configuration:'))).toContainEqual({
      value: 'local_network_allowlist',
      actor: 'user',
    });
  });

  it('reads a lone `*` only when it ends the line', () => {
    expect(findCodeSettings('ALLOWLIST = *  # every host')[0]?.value).toBe('*');
    expect(findCodeSettings('ALLOWLIST=*;')[0]?.value).toBe('*');
    expect(findCodeSettings('value = *ptr;')).toEqual([]);
    expect(findCodeSettings('total = * 3')).toEqual([]);
  });

  it('reads `NAME = *` run into a paragraph, as the deployer’s setting', () => {
    const text =
      '# Summary\n\nOur app.ini has [security] ; internal mirrors LOCAL_NETWORK_ALLOWLIST = * and any user can now migrate from internal hosts.\n';
    expect(namedSettingsOf(text)).toContainEqual({
      value: 'local_network_allowlist',
      actor: 'user',
    });
    expect(namedSettingsOf('# Summary\n\nWe left LOCAL_NETWORK_ALLOWLIST = *ptr alone.\n')).toEqual(
      [],
    );
  });

  it('reads nothing for a host list or a setting the profile does not name', () => {
    expect(
      namedSettingsOf(fenced('ini', 'LOCAL_NETWORK_ALLOWLIST = ci.internal', 'Our configuration:')),
    ).toEqual([]);
    expect(namedSettingsOf(fenced('ini', 'OTHER_ALLOWLIST = *', 'Our configuration:'))).toEqual([]);
  });
});

describe('a listener the profile names, switched on with a port or an address', () => {
  const profileSettings = ['stats_port', 'admin_listen', 'max_frame'];
  const listenerSettingsOf = (code: string): string[] =>
    extractFacts(buildTestReport(`The service runs with:\n\n\`\`\`\n${code}\n\`\`\`\n`), {
      profileSettings,
    })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);

  it('reads a port or an address given to a listener setting', () => {
    expect(listenerSettingsOf('port: 7400\nstats_port: 7401')).toEqual(['stats_port']);
    expect(listenerSettingsOf('admin_listen = "0.0.0.0:9090"')).toEqual(['admin_listen']);
  });

  it('does not read port 0, a setting the profile does not name, or a limit given a number', () => {
    expect(listenerSettingsOf('stats_port: 0')).toEqual([]);
    expect(listenerSettingsOf('debug_port: 7402')).toEqual([]);
    expect(listenerSettingsOf('max_frame: 1024')).toEqual([]);
    expect(readUnsafeSetting('stats_port', 'off', profileSettings)).toBeNull();
  });
});

describe('configuration lines written `name value`', () => {
  const profileSettings = ['allow_anonymous'];
  const configSettingsOf = (markdown: string): Array<{ value: string; actor?: string }> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => ({ value: fact.value, ...(fact.actor ? { actor: fact.actor } : {}) }));
  const conf = 'listener 1883 0.0.0.0\nallow_anonymous true\npersistence true';

  it.each(['', 'conf', 'text', 'ini'])(
    'reads a setting the profile names in a ```%s block as the caller’s',
    (info) => {
      expect(configSettingsOf(fenced(info, conf, 'Broker configuration:'))).toContainEqual({
        value: 'allow_anonymous',
        actor: 'user',
      });
    },
  );

  it('reads one in an indented snippet, and protections switched off by name', () => {
    const text =
      '# Summary\n\nOur broker runs with:\n\n    listener 1883\n    allow_anonymous true\n';
    expect(configSettingsOf(text)).toContainEqual({ value: 'allow_anonymous', actor: 'user' });
    expect(settingsOf(fenced('', 'Host *\n  StrictHostKeyChecking no'))).toContainEqual({
      value: 'verification-disabled',
      actor: 'user',
      quote: 'StrictHostKeyChecking no',
    });
    expect(settingsOf(fenced('conf', 'protected-mode no')).map((fact) => fact.value)).toEqual([
      'protected-mode',
    ]);
  });

  it('reads a setting the profile names written as a configuration line in prose', () => {
    const oneParagraph =
      'Steps: Broker configuration, as deployed: listener 1883 0.0.0.0 allow_anonymous true persistence true Then subscribe to #.';
    expect(configSettingsOf(`# Summary\n\n${oneParagraph}\n`)).toEqual([
      { value: 'allow_anonymous', actor: 'user' },
    ]);
    expect(
      configSettingsOf('# Summary\n\nOur broker has `allow_anonymous true` on port 1883.\n'),
    ).toEqual([{ value: 'allow_anonymous', actor: 'user' }]);
    expect(
      configSettingsOf(
        '# Summary\n\nThe test broker had allow_anonymous true; production has allow_anonymous false.\n',
      ),
    ).toEqual([]);
  });

  it('reads `name: value` lines and an access list opened to every address', () => {
    const listSettingsOf = (markdown: string): string[] =>
      extractFacts(buildTestReport(markdown), { profileSettings: ['allow-query', 'recursion-acl'] })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => `${fact.value}/${fact.actor ?? ''}`);
    // One entry for the local network beside one for everyone: the list admits everyone.
    const opened = 'options:\n  recursion-acl: 10.1.0.0/16 permit\n  recursion-acl: ::/0 permit';
    expect(listSettingsOf(fenced('', opened, 'Our name server runs with:'))).toEqual([
      'recursion-acl/user',
    ]);
    expect(listSettingsOf(fenced('conf', 'allow-query *', 'Deployed:'))).toEqual([
      'allow-query/user',
    ]);
    expect(
      listSettingsOf('# Summary\n\nOur zone file server has:\n\n    allow-query: any\n'),
    ).toEqual(['allow-query/user']);
    // Refused, narrowed to a network, or a name the profile does not name: nothing.
    expect(listSettingsOf(fenced('', 'recursion-acl: 0.0.0.0/0 refuse'))).toEqual([]);
    expect(listSettingsOf(fenced('', 'recursion-acl: 192.0.2.0/24 permit'))).toEqual([]);
    expect(listSettingsOf(fenced('', 'listen-address: 0.0.0.0'))).toEqual([]);
    expect(listSettingsOf(fenced('sh', 'recursion-acl: ::/0 permit'))).toEqual([]);
    expect(settingsOf(fenced('', 'verify-peer: no')).map((fact) => fact.value)).toEqual([
      'verification-disabled',
    ]);
  });

  it('reads an access list opened to every address run into prose', () => {
    const proseOf = (text: string): string[] =>
      extractFacts(buildTestReport(`# Summary\n\n${text}\n`), {
        profileSettings: ['recursion-acl'],
      })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value);
    expect(
      proseOf(
        'Deployed as: options: recursion-acl: 10.1.0.0/16 permit recursion-acl: ::/0 permit Then query it.',
      ),
    ).toEqual(['recursion-acl']);
    expect(proseOf('Deployed as: options: recursion-acl: 0.0.0.0/0 refuse Then query it.')).toEqual(
      [],
    );
    expect(proseOf('Deployed as: options: listen-on: 0.0.0.0/0 Then query it.')).toEqual([]);
  });

  it('readUnsafeSetting reads an everyone value only for a setting the profile names', () => {
    expect(readUnsafeSetting('allow-query', '0.0.0.0/0 allow', ['allow-query'])).toBe(
      'allow-query',
    );
    expect(readUnsafeSetting('allow-query', '0.0.0.0/0 deny', ['allow-query'])).toBeNull();
    expect(readUnsafeSetting('allow-query', '0.0.0.0/0 allow')).toBeNull();
  });

  it('reads nothing when the value keeps the protection, in a shell session, or in a sentence', () => {
    expect(configSettingsOf(fenced('', 'listener 1883\nallow_anonymous false'))).toEqual([]);
    expect(configSettingsOf(fenced('sh', 'allow_anonymous true'))).toEqual([]);
    expect(configSettingsOf(fenced('python', 'allow_anonymous true'))).toEqual([]);
    expect(
      configSettingsOf('# Summary\n\nWe keep allow_anonymous false and cafile set everywhere.\n'),
    ).toEqual([]);
    expect(settingsOf('# Summary\n\nThe broker runs with persistence_enabled true.\n')).toEqual([]);
    expect(configSettingsOf(fenced('', 'echo 1\ncheck 0'))).toEqual([]);
  });

  it('findConfigLineSettings returns spans inside the text on any input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('', 'allow_anonymous true', 'a-b  "x" ; # c', '\n', ' \t'),
        (text, inserted) => {
          const code = text + inserted + '\n' + text;
          for (const setting of findConfigLineSettings(code, 5, profileSettings)) {
            expect(setting.start).toBeGreaterThanOrEqual(5);
            expect(setting.end).toBeLessThanOrEqual(code.length + 5);
            expect(code.slice(setting.start - 5, setting.end - 5)).toContain(setting.value);
          }
        },
      ),
    );
  });
});

describe('the caller’s choices written as C: constants, calls and macros', () => {
  const profileSettings = ['libssh2_trace', 'mbedtls_ssl_renegotiation'];
  const choicesOf = (markdown: string): Array<{ value: string; actor?: string }> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => ({ value: fact.value, ...(fact.actor ? { actor: fact.actor } : {}) }));

  it('reads a *_VERIFY_NONE constant passed or assigned as verification switched off', () => {
    const passed = 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);';
    expect(choicesOf(fenced('c', passed))).toEqual([
      { value: 'verification-disabled', actor: 'user' },
    ]);
    const assigned =
      'SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);\nopts.mode = X509_VERIFY_NONE;';
    expect(choicesOf(fenced('c', assigned)).map((fact) => fact.value)).toContain(
      'verification-disabled',
    );
  });

  it('does not read a compared constant, or one the same code turns back on', () => {
    expect(choicesOf(fenced('c', 'if (mode == SSL_VERIFY_NONE) return -1;'))).toEqual([]);
    expect(choicesOf(fenced('c', 'switch (m) { case SSL_VERIFY_NONE: break; }'))).toEqual([]);
    expect(
      choicesOf(
        fenced(
          'c',
          'SSL_CTX_set_verify(a, SSL_VERIFY_NONE, NULL);\nSSL_CTX_set_verify(b, SSL_VERIFY_PEER, NULL);',
        ),
      ),
    ).toEqual([]);
  });

  it('reads a debug threshold call and a #define of a debug macro as debug', () => {
    expect(choicesOf(fenced('c', 'mbedtls_debug_set_threshold(4);'))).toEqual([
      { value: 'debug', actor: 'user' },
    ]);
    expect(choicesOf(fenced('c', '#define ZSTD_DEBUG 1\n#include "zstd.h"'))).toEqual([
      { value: 'debug', actor: 'user' },
    ]);
    expect(choicesOf(fenced('c', '#define DEBUGLEVEL 5'))).toEqual([
      { value: 'debug', actor: 'user' },
    ]);
  });

  it('does not read NDEBUG, a zero threshold or a debug macro set to 0 as debug', () => {
    expect(choicesOf(fenced('c', '#define NDEBUG\n#include <assert.h>'))).toEqual([]);
    expect(choicesOf(fenced('c', 'mbedtls_debug_set_threshold(0);'))).toEqual([]);
    expect(choicesOf(fenced('c', '#define ZSTD_DEBUG 0'))).toEqual([]);
  });

  it('reads a call or a macro the profile names, switched on, as that setting', () => {
    expect(choicesOf(fenced('c', 'libssh2_trace(session, ~0);'))).toEqual([
      { value: 'libssh2_trace', actor: 'user' },
    ]);
    expect(choicesOf(fenced('c', '#define MBEDTLS_SSL_RENEGOTIATION'))).toEqual([
      { value: 'mbedtls_ssl_renegotiation', actor: 'user' },
    ]);
    expect(choicesOf(fenced('c', '#define ALLOW_UNSAFE_LEGACY_RENEGOTIATION 1'))).toEqual([
      { value: 'allow_unsafe_legacy_renegotiation', actor: 'user' },
    ]);
  });

  it('does not read a profile-named call that narrows trust to named addresses', () => {
    const trust = ['settrustedproxies'];
    const factsOf = (code: string): string[] =>
      extractFacts(buildTestReport(fenced('go', code)), { profileSettings: trust })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value);
    expect(factsOf('_ = r.SetTrustedProxies([]string{"10.0.0.5"})')).toEqual([]);
    expect(factsOf('r.SetTrustedProxies([]string{"172.31.0.0/20", "fd00::/8"})')).toEqual([]);
    // Opened to everyone: the caller's opening.
    expect(factsOf('r.SetTrustedProxies([]string{"0.0.0.0/0"})')).toEqual(['settrustedproxies']);
    expect(factsOf('r.SetTrustedProxies([]string{"::/0"})')).toEqual(['settrustedproxies']);
    expect(factsOf('r.SetTrustedProxies(proxies)')).toEqual(['settrustedproxies']);
    expect(listsOnlyNarrowAddresses('["10.0.0.1", "*"]')).toBe(false);
    expect(listsOnlyNarrowAddresses('"192.168.1.300"')).toBe(false);
    expect(listsOnlyNarrowAddresses('"2001:db8::1"')).toBe(true);
  });

  it('does not read a profile-named call switched off, or one the profile does not name', () => {
    expect(choicesOf(fenced('c', 'libssh2_trace(session, 0);'))).toEqual([]);
    expect(choicesOf(fenced('c', 'libssh2_session_set_blocking(session, 1);'))).toEqual([]);
    expect(
      choicesOf(
        fenced(
          'c',
          'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);',
          'In library/ssl_tls.c line 40:',
        ),
      ),
    ).toEqual([]);
  });

  it('reads the same code inside a GitHub advisory export’s description', () => {
    const advisory = {
      ghsa_id: 'GHSA-wxyz-1234-abcd',
      summary: 'Crash in certificate parsing',
      description:
        '### Summary\r\nThe client crashes on a crafted certificate.\r\n\r\n### PoC\r\nOur client:\r\n```c\r\nmbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);\r\nmbedtls_debug_set_threshold(3);\r\n```\r\n',
      severity: 'high',
      author: { login: 'ana-lima' },
      identifiers: [{ value: 'GHSA-wxyz-1234-abcd', type: 'GHSA' }],
      state: 'triage',
      vulnerabilities: [],
    };
    const parsed = parseReportText('advisory.json', JSON.stringify(advisory));
    if (!parsed.ok) throw new Error('unparsable advisory');
    const values = extractFacts(parsed.value[0]!, { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);
    expect(values.sort()).toEqual(['debug', 'verification-disabled']);
  });

  it('returns spans inside the text on hostile input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(
          '',
          '#define A_DEBUG 2\n',
          '(X_VERIFY_NONE',
          'libssh2_trace(s, 1)',
          'x_debug_level(9)',
          '\nroot * /\n',
          '\n  DocumentRoot "/"\n',
          '\nlibssh2_trace header: "x"\n',
        ),
        (text, inserted) => {
          const code = text + inserted + text;
          for (const choice of findCodeChoices(code, 5, profileSettings)) {
            expect(choice.start).toBeGreaterThanOrEqual(5);
            expect(choice.end).toBeLessThanOrEqual(code.length + 5);
          }
        },
      ),
    );
  });
});

describe('a Ruby configuration call the profile names, written without parentheses', () => {
  const profileSettings = ['set_remote_address', 'bind'];
  const valuesOf = (markdown: string): string[] =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);

  it('reads the call at a line start in a block or an indented snippet as that setting', () => {
    expect(valuesOf(fenced('ruby', 'set_remote_address header: "X-Forwarded-For"'))).toEqual([
      'set_remote_address',
    ]);
    const indented =
      '# Summary\n\nThe address is spoofed.\n\nWe have in config/puma.rb:\n\n    workers 2\n    set_remote_address proxy_protocol: :v1\n';
    expect(valuesOf(indented)).toEqual(['set_remote_address']);
  });

  it('reads the call with a keyword argument run into one paragraph', () => {
    expect(
      valuesOf(
        '# Summary\n\nWe deploy with this in config/puma.rb: set_remote_address header: "X-Forwarded-For" A client spoofs it.\n',
      ),
    ).toEqual(['set_remote_address']);
    expect(valuesOf('# Summary\n\nWe use set_remote_address header: nil there.\n')).toEqual([]);
  });

  it('reads nothing for an argument that turns it off, a sentence, or a name the profile does not list', () => {
    expect(valuesOf(fenced('ruby', 'set_remote_address header: nil'))).toEqual([]);
    expect(valuesOf(fenced('ruby', 'set_remote_address false'))).toEqual([]);
    expect(valuesOf('# Summary\n\nWe never call set_remote_address in our setup.\n')).toEqual([]);
    expect(valuesOf(fenced('ruby', 'workers "2"'))).toEqual([]);
  });
});

describe('a web root at the file system root in the deployer’s configuration', () => {
  const valuesOf = (markdown: string): string[] =>
    extractFacts(buildTestReport(markdown))
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);

  it.each([
    ['web.example.org {\n\troot * /\n\tfile_server\n}'],
    ['server {\n    listen 80;\n    root /;\n}'],
    ['<VirtualHost *:80>\n  DocumentRoot "/"\n</VirtualHost>'],
    ['{\n  "handler": "file_server",\n  "root": "/"\n}'],
  ])('reads %j as a non-default configuration', (config) => {
    expect(valuesOf(fenced('', config, 'My configuration:'))).toContain('non-default');
  });

  it('does not read a web root below the file system root, or a root in prose', () => {
    expect(
      valuesOf(fenced('', 'site.example {\n\troot * /srv/www\n}', 'My configuration:')),
    ).toEqual([]);
    expect(valuesOf('The server runs as root / admin on the host.')).toEqual([]);
  });
});

describe('a web root at the file system root in a configuration run into one paragraph', () => {
  const valuesOf = (text: string): string[] => {
    const parsed = parseReportText('report.txt', text);
    if (!parsed.ok) throw new Error('unparsable test report');
    return extractFacts(parsed.value[0]!)
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);
  };

  it.each([
    [
      'With this configuration: web.example.org { root * / file_server } a GET returns /etc/passwd.',
    ],
    ['Our site: server { listen 80; root /; } serves every file of the host.'],
    ['Our vhost: <VirtualHost *:80> DocumentRoot "/" </VirtualHost> serves every file.'],
  ])('reads %j as a non-default configuration', (text) => {
    expect(valuesOf(`Files exposed. Details: ${text}`)).toEqual(['non-default']);
  });

  it('does not read a root below /, or the word root in a sentence', () => {
    expect(
      valuesOf('Files exposed. Details: site.example { root * /srv/www file_server }.'),
    ).toEqual([]);
    expect(
      valuesOf('Files exposed. Details: it runs as root / admin; root / is not the web root.'),
    ).toEqual([]);
  });
});

describe('settings the profile names, given a list in the caller’s configuration', () => {
  const profileSettings = ['skip_auth_regex', 'trusted_proxies'];
  const valuesOf = (markdown: string): Array<[string, string | undefined]> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => [fact.value, fact.actor]);

  it('reads a TOML or YAML flow list of a listed setting as the operator’s choice', () => {
    expect(valuesOf('# Bypass\n\n```toml\nskip_auth_regex = ["^/api"]\n```\n')).toEqual([
      ['skip_auth_regex', 'user'],
    ]);
    expect(valuesOf("# Bypass\n\n```yaml\ntrusted_proxies: ['10.0.0.0/8']\n```\n")).toEqual([
      ['trusted_proxies', 'user'],
    ]);
  });

  it('skips an empty list, an unlisted setting and a list in a program', () => {
    expect(valuesOf('# Bypass\n\n```toml\nskip_auth_regex = []\n```\n')).toEqual([]);
    expect(valuesOf('# Bypass\n\n```toml\nupstreams = ["http://127.0.0.1:9000"]\n```\n')).toEqual(
      [],
    );
    expect(valuesOf('# Bypass\n\n```python\nskip_auth_regex = ["^/api"]\n```\n')).toEqual([]);
  });
});

describe('a dotted setting the profile names whole', () => {
  const profileSettings = ['log4j2.enablejndilookup'];
  const valuesOf = (markdown: string): Array<[string, string | undefined]> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => [fact.value, fact.actor]);

  it('reads it in a properties line and as a Java system property switched on', () => {
    expect(valuesOf(fenced('properties', 'log4j2.enableJndiLookup=true'))).toEqual([
      ['log4j2.enablejndilookup', 'user'],
    ]);
    expect(valuesOf(fenced('', '-Dlog4j2.enableJndiLookup=true', 'We start it with'))).toEqual([
      ['log4j2.enablejndilookup', 'user'],
    ]);
  });

  it('reads nothing for the setting switched off or another dotted name', () => {
    expect(valuesOf(fenced('', '-Dlog4j2.enableJndiLookup=false'))).toEqual([]);
    expect(valuesOf(fenced('', '-Dlog4j2.formatMsgNoLookups=true'))).toEqual([]);
  });
});

describe('values the profile names, listed in the caller’s configuration', () => {
  const profileSettings = ['cap_sys_admin', 'unconfined'];
  const valuesOf = (markdown: string): Array<[string, string | undefined]> =>
    extractFacts(buildTestReport(markdown), { profileSettings })
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => [fact.value, fact.actor]);

  it('reads a listed value as what the operator granted, in a flow list or a YAML item', () => {
    expect(
      valuesOf(
        '# Escape\n\n```json\n"capabilities": { "bounding": ["CAP_SYS_ADMIN", "CAP_CHOWN"] }\n```\n',
      ),
    ).toEqual([['cap_sys_admin', 'user']]);
    expect(valuesOf('# Escape\n\n```yaml\ncapabilities:\n  - CAP_SYS_ADMIN\n```\n')).toEqual([
      ['cap_sys_admin', 'user'],
    ]);
  });

  it('skips a value the profile does not name, and a list in a program', () => {
    expect(valuesOf('# Escape\n\n```json\n{ "bounding": ["CAP_CHOWN"] }\n```\n')).toEqual([]);
    expect(
      valuesOf('# Escape\n\n```go\ncaps := []string{"CAP_SYS_ADMIN", "CAP_CHOWN"}\n```\n'),
    ).toEqual([]);
  });
});

describe('an Elixir pipeline line that plugs a module the profile names', () => {
  const profileSettings = ['plug.rewriteon', 'x_forwarded_for', 'plug.debugger'];
  const valuesOf = (markdown: string): string[] => [
    ...new Set(
      extractFacts(buildTestReport(markdown), { profileSettings })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ),
  ];

  it('reads the plugged module and its option atoms in a block or at a plain line start', () => {
    expect(
      valuesOf(fenced('elixir', 'plug Plug.RewriteOn, [:x_forwarded_for, :x_forwarded_proto]')),
    ).toEqual(['plug.rewriteon', 'x_forwarded_for']);
    const plain =
      '# Summary\n\nOur endpoint has\n\n  plug Plug.RewriteOn, [:x_forwarded_for]\n\nand faces the internet.\n';
    expect(valuesOf(plain)).toEqual(['plug.rewriteon', 'x_forwarded_for']);
    expect(valuesOf(fenced('elixir', 'use Plug.Debugger, otp_app: :shop'))).toEqual([
      'plug.debugger',
    ]);
  });

  it('reads no module the profile does not name, and no sentence', () => {
    expect(valuesOf(fenced('elixir', 'plug Plug.Logger\nplug Plug.Head'))).toEqual([]);
    expect(
      valuesOf('# Summary\n\nThe docs say to\nuse Plug.RewriteOn only behind a proxy you trust.\n'),
    ).toEqual([]);
  });
});

describe('a component the profile names, installed by the caller’s code', () => {
  const profileSettings = ['xforwardedheaders', 'proxyheadersmiddleware'];
  const valuesOf = (markdown: string): string[] => [
    ...new Set(
      extractFacts(buildTestReport(markdown), { profileSettings })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ),
  ];

  it('reads install(), use() and add_middleware() of a named component as switched on', () => {
    expect(
      valuesOf(fenced('kotlin', 'fun Application.module() {\n    install(XForwardedHeaders)\n}')),
    ).toEqual(['xforwardedheaders']);
    expect(
      valuesOf(fenced('python', 'app.add_middleware(uvicorn.middleware.ProxyHeadersMiddleware)')),
    ).toEqual(['proxyheadersmiddleware']);
  });

  it('reads no component the profile does not name, and nothing in prose', () => {
    expect(valuesOf(fenced('kotlin', 'install(CallLogging)\ninstall(RateLimit)'))).toEqual([]);
    expect(
      valuesOf('# Summary\n\nThe docs say to install(XForwardedHeaders) only behind a proxy.\n'),
    ).toEqual([]);
  });
});

describe('an option the profile names, given a function of the caller’s', () => {
  const profileSettings = ['beforeredirect', 'on_redirect'];
  const valuesOf = (markdown: string): string[] => [
    ...new Set(
      extractFacts(buildTestReport(markdown), { profileSettings })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ),
  ];

  it('reads an arrow function, a function or a lambda given to the option as the option set', () => {
    expect(
      valuesOf(
        fenced(
          'js',
          'https.request({\n  beforeRedirect: (options) => {\n    options.headers.a = 1;\n  },\n});',
        ),
      ),
    ).toEqual(['beforeredirect']);
    expect(valuesOf(fenced('python', 'session = Client(on_redirect=lambda r: r)'))).toEqual([
      'on_redirect',
    ]);
  });

  it('reads no option the profile does not name, and no plain value', () => {
    expect(valuesOf(fenced('js', 'request({ onError: (e) => log(e) })'))).toEqual([]);
    expect(valuesOf(fenced('js', 'request({ beforeRedirect: undefined })'))).toEqual([]);
  });
});

describe('an option the profile names, given a struct literal of the caller’s own', () => {
  const profileSettings = ['preferred'];
  const valuesOf = (markdown: string): string[] => [
    ...new Set(
      extractFacts(buildTestReport(markdown), { profileSettings })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value),
    ),
  ];

  it('reads the struct literal as the option set', () => {
    expect(
      valuesOf(
        fenced(
          'rust',
          'let config = server::Config {\n    preferred: Preferred {\n        kex: Cow::Borrowed(&[kex::DH_G1_SHA1]),\n        ..Preferred::default()\n    },\n    ..Default::default()\n};',
        ),
      ),
    ).toEqual(['preferred']);
  });

  it('reads no option the profile does not name', () => {
    expect(valuesOf(fenced('rust', 'let c = Config { limits: Limits { max: 1 } };'))).toEqual([]);
  });

  it('reads an object literal with entries as the option set, an empty one as nothing', () => {
    const aliasesOf = (code: string): string[] =>
      extractFacts(buildTestReport(fenced('js', code)), { profileSettings: ['operatorsaliases'] })
        .filter((fact) => fact.kind === 'requires-config')
        .map((fact) => fact.value);
    expect(
      aliasesOf('const db = new Sequelize(url, {\n  operatorsAliases: { $ne: Op.ne },\n});'),
    ).toEqual(['operatorsaliases']);
    expect(aliasesOf('const db = new Sequelize(url, { operatorsAliases: {} });')).toEqual([]);
    expect(aliasesOf('const db = new Sequelize(url, { pool: { max: 5 } });')).toEqual([]);
  });
});

describe('a server’s debug-mode banner in a pasted log', () => {
  const debugOf = (markdown: string): Array<{ value: string; actor?: string }> =>
    extractFacts(buildTestReport(markdown))
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => ({ value: fact.value, ...(fact.actor ? { actor: fact.actor } : {}) }));

  it('reads Gin’s and Flask’s debug banners as the deployment’s debug mode', () => {
    const gin =
      '# Routes printed\n\n```\n[GIN-debug] [WARNING] Running in "debug" mode. Switch to "release" mode in production.\n[GIN-debug] GET /admin --> main.admin (3 handlers)\n```\n';
    expect(debugOf(gin)).toEqual([{ value: 'debug', actor: 'user' }]);
    const flask = '# Leak\n\n```\n * Serving Flask app "shop"\n * Debug mode: on\n```\n';
    expect(debugOf(flask)).toEqual([{ value: 'debug', actor: 'user' }]);
  });

  it('reads nothing from a release-mode banner or a debug mode that is off', () => {
    expect(debugOf('# X\n\n```\n * Debug mode: off\n```\n')).toEqual([]);
    expect(debugOf('# X\n\n```\n[GIN] Running in "release" mode\n```\n')).toEqual([]);
  });
});

describe('a grant set beside a restriction the report says is broken', () => {
  const externalOf = (prose: string): string[] =>
    extractFacts(
      buildTestReport(
        `# Summary\n\nOur plugin host limits require() to the plugin's folder:\n\n\`\`\`js\nconst vm = new NodeVM({ require: { external: true, root: '/srv/plugins/app' } });\n\`\`\`\n\n${prose}\n`,
      ),
      { profileSettings: ['external'] },
    )
      .filter((fact) => fact.kind === 'requires-config')
      .map((fact) => fact.value);

  it('is no condition when the code reaches outside the restriction', () => {
    expect(externalOf('Through a symlink, a file outside the root was loaded.')).toEqual([]);
    expect(externalOf('It loads modules beyond the configured `root`.')).toEqual([]);
  });

  it('stays the caller’s setting when the report uses what it granted', () => {
    expect(externalOf('The plugin then requires an external module.')).toEqual(['external']);
    // Another word that ends in the key's name is not the key.
    expect(externalOf('It runs outside the chroot.')).toEqual(['external']);
  });
});
