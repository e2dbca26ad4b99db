// Reads the caller's own settings written as code: a keyword argument (`verify=False`), an
// attribute assignment (`Image.MAX_IMAGE_PIXELS = None`), an object literal
// (`{ rejectUnauthorized: false }`, `insecure: true`) or a configuration line (`ssl_verify = false`,
// or `allow_anonymous true` in a configuration block) that switches a protection off, in a fenced code block or an indented snippet. Each is a
// `requires-config` fact with the caller (`user`) as actor: `verification-disabled` for
// certificate, TLS or host-key checks, otherwise the setting's name (which a profile's
// `non-default` holds on). Not read: diffs (the project's own source), a block the report
// introduces as the library's own code, a setting the same snippet also sets to a safe value (the
// code toggles it), a setting marked as the default, and every such setting when the report says
// the bug holds with the protection on ("verify=False is only there for my test server").

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';
import { mayMatchIn, type GatedPattern } from './find-required-literals.js';
import { isOnByDefault } from './is-on-by-default.js';
import { isLimitSettingName } from './setting-name-shapes.js';
import { trimEndCharacters } from '../text/trim-characters.js';
import { readSentence } from '../text/read-sentence.js';

/** A setting written as code: its name (last dotted segment), its value, and where it is. */
export interface CodeSetting {
  name: string;
  /**
   * The whole dotted name when it has dots (`log4j2.enableJndiLookup`, also given as a Java system
   * property, `-Dlog4j2.enableJndiLookup=true`): a profile may name the setting so.
   */
  qualifiedName?: string;
  value: string;
  start: number;
  end: number;
}

// `name = value`, `name=value`, `name: value`, `"name": value`, `name => value` on one line. The
// name may be dotted (`session.verify`, `ctx.check_hostname`); the value is one short token, a
// product of whole numbers (`4 * 1024 * 1024 * 1024`), a lone `*` that ends the line (an
// allow-list opened to every host, `LOCAL_NETWORK_ALLOWLIST = *`; never `x = *ptr`), or a list
// of quoted names on one line (`kex_algs=['diffie-hellman-group1-sha1']`), or a class constant
// (`SMTP::DEBUG_SERVER`, PHP's and Ruby's `Class::NAME`).
const settingPattern =
  /(?<![\w$.])(?:["']?)((?:[A-Za-z_$][\w$]{0,60}\.){0,4}[A-Za-z_$][\w$]{0,60})["']?[ \t]{0,8}(?:=(?![=>])|:(?!:)|=>)[ \t]{0,8}("[^"\n]{0,40}"|'[^'\n]{0,40}'|[A-Za-z_][\w\\]{0,40}::[A-Za-z_]\w{0,40}|\d[\d_]{0,15}(?:[ \t]{0,4}\*[ \t]{0,4}\d[\d_]{0,15}){1,6}(?![\w.])|[\w.+-]{1,40}|\*(?=[ \t]{0,8}(?:[;#\r\n]|$))|\[[ \t]{0,8}["'][^\]\n]{1,200}\])/g;

const offValue =
  /^(?:false|none|null|nil|0|off|no|disabled?|cert_none|ssl\.cert_none|-1|infinity|inf)$/;
// A configuration line written `name value` or `name: value` (mosquitto.conf, redis.conf,
// ssh_config, Apache and nginx directives, unbound.conf and nsd.conf): the whole line is one name
// and one value, an optional `;` and a comment. The value may be an address or a network
// (`0.0.0.0/0`, `::/0`) and carry one more word, the action of an access-list entry
// (`access-control: 0.0.0.0/0 allow`). The name must read as an identifier (`allow_anonymous`,
// `protected-mode`, `StrictHostKeyChecking`) unless the profile names it, so a plain word pair
// ("echo 1") is not read.
const configLinePattern =
  /^[ \t]{0,12}([A-Za-z_][\w.-]{0,60}):?[ \t]{1,8}("[^"\n]{0,40}"|'[^'\n]{0,40}'|[\w.:/*+-]{1,40}(?:[ \t]{1,8}[A-Za-z_][\w-]{0,30})?)[ \t]{0,8};?[ \t]{0,8}(?:#[^\n]{0,400})?$/gm;
const configIdentifier = /[_-]|[a-z][A-Z]/;
// Fence info strings whose blocks may hold configuration lines: none, plain text and the
// configuration languages. Shell sessions and programming languages are left out.
const configInfos: ReadonlySet<string> = new Set([
  '',
  'text',
  'txt',
  'plaintext',
  'conf',
  'config',
  'cfg',
  'ini',
  'properties',
  'apache',
  'apacheconf',
  'nginx',
  'ssh-config',
  'sshconfig',
  'redis',
]);

// `verify=None` is "the default" in many clients: only an explicit "off" turns verification off.
const verificationOffValue = /^(?:false|0|off|no|disabled?|(?:ssl\.)?cert_none|verify_none)$/;
const onValue = /^(?:true|1|yes|on|enabled?)$/;
// A value that admits every address or everyone (`0.0.0.0/0 allow`, `::/0`, `*`, `any`, `all`),
// unless its action word refuses them (`0.0.0.0/0 refuse`).
const everyoneValue = /^(?:0\.0\.0\.0(?:\/0)?|::(?:\/0)?|0\/0|\*|any|all|everyone|world)$/;
const refusingAction = /^(?:deny|refuse|drop|reject|block)/;
// A setting that opens a listener (`http_port: 8222`, `monitor_port = 8222`, `listen:
// 0.0.0.0:8222`) is switched on by giving it a port or an address; port 0 or -1 leaves it off.
const listenerName = /(?:port|listen|bind|addr|address)$/;
// An algorithm list (`kex_algs`, `encryption_algs`, `ciphers`, `MACs`, `cipher_suites`), given
// as a non-empty list of quoted names.
const algorithmListName = /(?:algs|algorithms|ciphers|ciphersuites|suites|macs|kexalgorithms)$/;
const quotedList = /^\[[ \t]{0,8}["'][^"'\n]{1,80}["']/;
const listenerValue = /^(?:[\w.-]{1,60}:)?(?!0+$)\d{1,5}$/;
const unlimitedValue =
  /^(?:none|null|nil|-1|infinity|inf|number\.(?:max_safe_integer|max_value|positive_infinity)|sys\.maxsize|math\.inf|(?:integer|long|int|short)\.max_?value|math\.maxint(?:32|64)?|(?:s?size|u?int(?:32|64)?|u?long)_max)$/;
// A limit raised to a billion or more (bytes, characters, items) is lifted in practice.
const liftedLimitThreshold = 1_000_000_000;
// Limits of time are not sizes: `maxAge: 365 * 24 * 3600 * 1000` is one year of milliseconds.
const timeLimitName = /(?:age|time|timeout|ttl|duration|interval|delay|expir\w{0,10}|seconds|ms)$/;
// A handler for an attack the library guards against (`onProtoPoisoning`,
// `onConstructorPoisoning`) told to let it through.
const guardHandlerName =
  /^on\w{0,30}(?:poison\w{0,10}|pollution|injection|traversal|violations?|invalid\w{0,10}|unsafe\w{0,10})$/;
const letThroughValue = /^(?:ignore|allow|skip|pass|permit|accept)$/;

// A client's store of trusted host keys, and a report about a man in the middle.
const hostKeyStoreName = /^(?:knownhosts|knownhostsfile)$/;
const interception =
  /\b(?:man[\s-]in[\s-]the[\s-]middle|mitm|intercept\w{0,6}|spoof\w{0,6}|impersonat\w{0,6}|rogue\s+(?:server|host))\b/i;

// Names compared lower-cased without `_` and `-`: `ssl_verify`, `verifySsl`, `SSL-VERIFY`.
const verificationName =
  /^(?:verify|verifyssl|sslverify|verifytls|tlsverify|verifycerts?|verifycertificates?|verifypeer|verifyhost(?:name)?|checkhostname|rejectunauthorized|strictssl|stricthostkeychecking|sslcheck|checkcertificates?|validatecerts?|validatecertificates?|certreqs|sslcertreqs|verifymode|sslvalidation|tlsvalidation)$/;
const insecureFlagName =
  /^(?:insecure|allowinsecure\w{0,30}|insecureskipverify|skip(?:ssl|tls|cert)?verif\w{0,20}|trustall\w{0,20}|ignore(?:ssl|tls|cert)\w{0,20}|noverify|sslnoverify|disable(?:ssl|tls|cert)\w{0,20})$/;
// `FollowRedirectsToInsecure`, `ForwardAuthorizationToExternalHost`: a switch named for sending to
// plain HTTP or credentials to another host, which only the application turns on.
const unsafeFlagName =
  /^(?:\w{0,40}toinsecure\w{0,20}|\w{0,30}(?:auth\w{0,15}|credentials?|cookies?|tokens?)to(?:external|other|cross|foreign|any)\w{0,20}|allowunsafe\w{0,30}|unsafe\w{0,30}|dangerously\w{0,40}|allowdangerous\w{0,30}|disable\w{0,30}(?:check|validation|verification|sanitiz|sanitis|escap|limit|protection)\w{0,20})$/;
const safetyToggleName =
  /^(?:(?:auto)?escap\w{0,20}|sanitiz\w{0,20}|sanitis\w{0,20}|validat\w{0,20}|strict\w{0,30}|secure|safe|safemode|check\w{0,30}|protect\w{0,20}|httponly)$/;
// A cross-origin allow-list (`cors: { origin: "*" }`, `allowedOrigins: '*'`, `CORS_ORIGINS = "*"`,
// `origin: true`, which reflects every requesting origin) opened to every site, or a switch that
// allows all origins (`CORS_ALLOW_ALL_ORIGINS = True`): the application chose to let any web
// page in. Only the quoted `*` or `true` counts, so a response header an HTTP transcript quotes
// (`Access-Control-Allow-Origin: *`, a header value not quoted) is not read as a setting.
const originListName = /^(?:cors)?(?:allow(?:ed)?)?origins?$/;
const allOriginsSwitchName = /^(?:cors)?(?:allowallorigins|originallowall|allowanyorigin)$/;
const everyOriginValue = /^(?:["']\*["']|true)$/i;

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '').toLowerCase();
}

/**
 * The `requires-config` value an unsafe setting yields, or null when it turns no protection off.
 * A setting the profile names (`profileSettings`, lower-cased: `follow_symlinks`,
 * `aiohttp_no_extensions`) yields its name when the code switches it on, whatever the name says.
 */
export function readUnsafeSetting(
  name: string,
  value: string,
  profileSettings: readonly string[] = [],
  speaksOfInterception = false,
): string | null {
  const key = name.toLowerCase().replace(/[_-]/g, '');
  const token = unquote(value);
  // `known_hosts=None` turns host-key checking off where the library documents it so; read only
  // in a report about interception, where the checking is what the attack needs off.
  if (hostKeyStoreName.test(key)) {
    return speaksOfInterception && /^none$/.test(value.trim().toLowerCase())
      ? 'verification-disabled'
      : null;
  }
  // The one value a rule names for the setting (`onProtoPoisoning 'ignore'` in its statement,
  // `known_hosts=None` in its list): the caller chose exactly what the rule excludes.
  const pair = `${name.toLowerCase()}=${token}`;
  if (profileSettings.includes(pair)) return pair;
  // A rule that names the unsafe value (`no_network=False`) says the others are safe:
  // `no_network=True` is the protection on.
  const valuePrefix = `${name.toLowerCase()}=`;
  if (profileSettings.some((setting) => setting.startsWith(valuePrefix))) return null;
  const isOff = offValue.test(token);
  const isOn = onValue.test(token);
  if ((isOn || isLevelOn(token)) && profileSettings.includes(name.toLowerCase()))
    return name.toLowerCase();
  if (
    profileSettings.includes(name.toLowerCase()) &&
    (admitsEveryone(token) || listAdmitsEverything(value))
  ) {
    return name.toLowerCase();
  }
  // The caller's own list of algorithms for a list the profile names: legacy ones chosen by hand.
  if (profileSettings.includes(name.toLowerCase()) && algorithmListName.test(key)) {
    return quotedList.test(value.trim()) ? name.toLowerCase() : null;
  }
  const isListening = listenerName.test(key) && listenerValue.test(token);
  if (isListening && profileSettings.includes(name.toLowerCase())) return name.toLowerCase();
  if (verificationName.test(key)) {
    const isQuotedNone = /^["']none["']$/i.test(value);
    return verificationOffValue.test(token) || isQuotedNone ? 'verification-disabled' : null;
  }
  if (insecureFlagName.test(key)) return isOn ? 'verification-disabled' : null;
  const setting = name.toLowerCase();
  if (unsafeFlagName.test(key)) return isOn ? setting : null;
  if (guardHandlerName.test(key)) return letThroughValue.test(token) ? setting : null;
  if (isLimitSettingName(key)) {
    const isLifted =
      unlimitedValue.test(token) || (!timeLimitName.test(key) && isHugeNumber(token));
    return isLifted ? setting : null;
  }
  if (safetyToggleName.test(key)) return isOff && token !== '-1' ? setting : null;
  if (originListName.test(key)) return everyOriginValue.test(value.trim()) ? setting : null;
  if (allOriginsSwitchName.test(key)) return isOn ? setting : null;
  return null;
}

// A level that switches a setting on: a small whole number above zero (`SMTPDebug = 2`), or a
// class constant whose name does not say off (`SMTP::DEBUG_SERVER`, not `SMTP::DEBUG_OFF`).
const levelOnNumber = /^[1-9]\d{0,2}$/;
const offConstantName = /(?:^|_)(?:off|none|disabled?|no|never|false)$/;

/** The value (lower-cased) turns a level setting on: a number above zero or an "on" constant. */
function isLevelOn(token: string): boolean {
  if (levelOnNumber.test(token)) return true;
  const separator = token.lastIndexOf('::');
  return separator > 0 && !offConstantName.test(token.slice(separator + 2));
}

/** The value opens a setting the profile names to every address: `0.0.0.0/0 allow`, `::/0`, `*`. */
function admitsEveryone(token: string): boolean {
  const [target = '', action = ''] = token.split(/[ \t]+/);
  return everyoneValue.test(target) && !refusingAction.test(action);
}

// A quoted `*` as an entry of a list: `builtin: ['*']`, `allowedHosts: ["api", "*"]`.
const wildcardListEntry = /[[,][ \t]{0,8}(["'])\*\1[ \t]{0,8}[,\]]/;

/** The value is a list of quoted names with a lone `*` among them: an allow-list opened to all. */
function listAdmitsEverything(value: string): boolean {
  return quotedList.test(value.trim()) && wildcardListEntry.test(value);
}

/** An access-list entry (`access-control: 127.0.0.0/8 allow`): one of several lines, none a toggle. */
function isAccessListEntry(value: string): boolean {
  return /^[\w.:/*+-]{1,40}[ \t]+[A-Za-z_]/.test(value);
}

// A number in exponent notation (`1e9`, `2.5E10`, `1e+9`), as JavaScript and Python write sizes.
const exponentNumber = /^(\d{1,6}(?:\.\d{1,6})?)e\+?(\d{1,3})$/i;

/**
 * A whole number, a product of them (`4 * 1024 ** 3` is not read) or a number in exponent
 * notation (`1e9`), of a billion or more.
 */
function isHugeNumber(token: string): boolean {
  const exponent = exponentNumber.exec(token);
  if (exponent !== null)
    return Number(exponent[1]) * 10 ** Number(exponent[2]) >= liftedLimitThreshold;
  if (!/^\d[\d_]{0,15}(?:\s{0,4}\*\s{0,4}\d[\d_]{0,15}){0,6}$/.test(token)) return false;
  const product = token
    .split('*')
    .map((factor) => Number(factor.trim().replace(/_/g, '')))
    .reduce((total, factor) => total * factor, 1);
  return product >= liftedLimitThreshold;
}

// Ruby's settings DSL (Sinatra, Rails, Padrino): `set :show_exceptions, true`, `App.set :protection,
// false`, `enable :logging`, `disable :protection, :sessions`. `set` gives its value; `enable` and
// `disable` switch each symbol they name on or off.
const rubySetCall =
  /(?<![\w$])(?:[A-Z]\w{0,40}\.)?set[ \t]+:([A-Za-z_]\w{0,60})[ \t]{0,8},[ \t]{0,8}("[^"\n]{0,40}"|'[^'\n]{0,40}'|[\w.:+-]{1,40})/g;
const rubyToggleCall =
  /(?<![\w$])(?:[A-Z]\w{0,40}\.)?(enable|disable)[ \t]+(:[A-Za-z_]\w{0,60}(?:[ \t]{0,8},[ \t]{0,8}:[A-Za-z_]\w{0,60}){0,8})/g;
const rubySymbol = /:([A-Za-z_]\w{0,60})/g;

/** The settings Ruby's settings DSL writes in `text`, from `offset` on (see rubySetCall). */
function findRubySettingCalls(text: string, offset = 0): CodeSetting[] {
  const settings: CodeSetting[] = [];
  forEachMatch(rubySetCall, text, (match) => {
    const start = offset + match.index;
    settings.push({ name: match[1]!, value: match[2]!, start, end: start + match[0].length });
  });
  forEachMatch(rubyToggleCall, text, (match) => {
    const value = match[1] === 'enable' ? 'true' : 'false';
    const start = offset + match.index;
    const end = start + match[0].length;
    for (const symbol of match[2]!.matchAll(rubySymbol))
      settings.push({ name: symbol[1]!, value, start, end });
  });
  return settings;
}

// Elixir's pipeline of plugs, one per line (`plug Plug.RewriteOn, [:x_forwarded_for]`,
// `use Plug.Debugger, otp_app: :shop`): the module plugged in is the deployer's choice, and so is
// each option atom it is given. The options start as Elixir's do: a list, an atom or a keyword.
const elixirPipelineLine =
  /^[ \t]{0,12}(?:plug|use)[ \t]{1,8}([A-Z]\w{0,40}(?:\.[A-Z]\w{0,40}){0,6})(?:[ \t]{0,8},[ \t]{0,8}((?:\[|:[a-z_]|[a-z_]\w{0,40}:[ \t])[^\n]{0,300}))?[ \t]*$/gm;
const elixirAtom = /(?<![\w:]):([a-z_]\w{0,60})/g;

/**
 * The plugs and option atoms of Elixir pipeline lines in `text` (from `offset` on) that the profile
 * names (`profileSettings`, lower-cased: `plug.rewriteon`, `x_forwarded_for`), each switched on.
 */
function findElixirPipelineSettings(
  text: string,
  offset: number,
  profileSettings: readonly string[],
): CodeSetting[] {
  if (profileSettings.length === 0) return [];
  const settings: CodeSetting[] = [];
  forEachMatch(elixirPipelineLine, text, (match) => {
    const start = offset + match.index + match[0].length - match[0].trimStart().length;
    const end = offset + match.index + match[0].trimEnd().length;
    const names = [
      match[1]!,
      ...[...(match[2] ?? '').matchAll(elixirAtom)].map((atom) => atom[1]!),
    ];
    for (const name of names) {
      if (profileSettings.includes(name.toLowerCase()))
        settings.push({ name, value: 'true', start, end });
    }
  });
  return settings;
}

// A component installed by the caller's code: Ktor's `install(XForwardedHeaders)`, Express's
// `app.use(helmet())`, Gin's `r.Use(mw)`, Starlette's `app.add_middleware(ProxyHeadersMiddleware)`,
// Fastify's `app.register(plugin)`. The argument is bounded, so the scan stays linear.
const installedComponent =
  /(?<![\w$])(?:install|use|Use|add_middleware|register|plugin|wrap)[ \t]{0,4}\([ \t]{0,4}(?:new[ \t]{1,4})?([A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6})/g;

/**
 * The components the profile names (`profileSettings`, lower-cased: `xforwardedheaders`) that
 * code in `text` (from `offset` on) installs, each switched on: installing it is the caller's
 * configuration, as `plug` is in an Elixir pipeline.
 */
function findInstalledComponentSettings(
  text: string,
  offset: number,
  profileSettings: readonly string[],
): CodeSetting[] {
  return findProfileSettingsSwitchedOn(
    installedComponent,
    text,
    offset,
    profileSettings,
    (match) => {
      const dotted = match[1]!;
      return [dotted, dotted.slice(dotted.lastIndexOf('.') + 1)];
    },
  );
}

/**
 * Each match of `pattern` in `text` (from `offset` on) whose candidate names (`namesOf`, tried in
 * order) include a setting the profile names: that setting, switched on.
 */
function findProfileSettingsSwitchedOn(
  pattern: RegExp,
  text: string,
  offset: number,
  profileSettings: readonly string[],
  namesOf: (match: RegExpExecArray) => string[],
): CodeSetting[] {
  if (profileSettings.length === 0) return [];
  const settings: CodeSetting[] = [];
  forEachMatch(pattern, text, (match) => {
    const name = namesOf(match).find((candidate) =>
      profileSettings.includes(candidate.toLowerCase()),
    );
    if (name === undefined) return;
    const start = offset + match.index;
    settings.push({ name, value: 'true', start, end: start + match[0].length });
  });
  return settings;
}

// An option the caller's code gives its own function: `beforeRedirect: (options) => {`,
// `on_redirect=lambda r: ...`, `verify_callback = function (`. The option is set, to the caller's
// callback. Bounded parameter lists, so the scan stays linear.
const callbackOption =
  /(?<![\w$.])([A-Za-z_$][\w$]{0,60})[ \t]{0,4}[:=](?!=)[ \t]{0,4}(?:async[ \t]{1,4})?(?:\([^()\n]{0,200}\)[ \t]{0,4}=>|[A-Za-z_$][\w$]{0,30}[ \t]{0,4}=>|function\b|lambda\b|proc\b|->)/g;

/** The profile's settings the caller's code gives a function of its own (`callbackOption`). */
function findCallbackOptionSettings(
  text: string,
  offset: number,
  profileSettings: readonly string[],
): CodeSetting[] {
  return findProfileSettingsSwitchedOn(callbackOption, text, offset, profileSettings, (match) => [
    match[1]!,
  ]);
}

// An option the caller's code gives a struct or object of its own making: `preferred: Preferred {
// kex: ..., .. }` (Rust), `Options: &Options{...}` (Go), `operatorsAliases: { $ne: Op.ne }`
// (JavaScript, an object literal with at least one entry). The option is set to the caller's
// choice; an empty literal (`{}`) sets nothing.
const structOption =
  /(?<![\w$.])([A-Za-z_$][\w$]{0,60})[ \t]{0,4}:(?!:)[ \t]{0,4}(?:&?[A-Z]\w{0,60}(?:::[A-Z]\w{0,60}){0,3}[ \t]{0,4}\{|\{(?![ \t]{0,4}\}))/g;

/** The profile's settings the caller's code gives a struct literal of its own (`structOption`). */
function findStructOptionSettings(
  text: string,
  offset: number,
  profileSettings: readonly string[],
): CodeSetting[] {
  return findProfileSettingsSwitchedOn(structOption, text, offset, profileSettings, (match) => [
    match[1]!,
  ]);
}

/** `settings` without the ones a callback option already read (`on_redirect=lambda` is no value). */
function besideCallbacks(
  settings: CodeSetting[],
  callbacks: readonly CodeSetting[],
): CodeSetting[] {
  if (callbacks.length === 0) return settings;
  return settings.filter(
    (setting) => !callbacks.some((callback) => callback.start === setting.start),
  );
}

/** The settings written as code in `text`, from `offset` on, one per `name = value`. */
export function findCodeSettings(text: string, offset = 0): CodeSetting[] {
  const settings: CodeSetting[] = [];
  forEachMatch(settingPattern, text, (match) => {
    const dotted = match[1]!;
    const name = dotted.slice(dotted.lastIndexOf('.') + 1);
    const start = offset + match.index;
    // A sentence's full stop is not part of the value: "verify=False." reads False.
    const value = trimEndCharacters(match[2]!, '.');
    if (value === '') return;
    const end = start + match[0].length - (match[2]!.length - value.length);
    // Java's `-D` switch sets the system property named after it.
    const isSystemProperty = text[match.index - 1] === '-' && /^D[a-z]/.test(dotted);
    const qualifiedName = isSystemProperty ? dotted.slice(1) : dotted;
    settings.push({
      name,
      ...(qualifiedName.includes('.') ? { qualifiedName } : {}),
      value,
      start: isSystemProperty ? start - 1 : start,
      end,
    });
  });
  return settings;
}

/**
 * The configuration lines of `text` written `name value` (`allow_anonymous true`,
 * `StrictHostKeyChecking no`), from `offset` on: names that read as identifiers or that the
 * profile names (`profileSettings`, lower-cased).
 */
export function findConfigLineSettings(
  text: string,
  offset = 0,
  profileSettings: readonly string[] = [],
): CodeSetting[] {
  const settings: CodeSetting[] = [];
  forEachMatch(configLinePattern, text, (match) => {
    const name = match[1]!;
    if (!configIdentifier.test(name) && !profileSettings.includes(name.toLowerCase())) return;
    const value = match[2]!;
    const start = offset + match.index + match[0].indexOf(name);
    const end = offset + match.index + match[0].indexOf(value, name.length) + value.length;
    settings.push({ name, value, start, end });
  });
  return settings;
}

// In running prose a configuration line counts only for a setting the profile names, switched on
// with a literal: "as deployed: listener 1883 allow_anonymous true persistence true", "our broker
// has `allow_anonymous true`". The name is bounded, so the scan stays linear.
const proseConfigLinePattern =
  /(?<![\w.$-])([A-Za-z_][\w.-]{0,60})[ \t]{1,8}(true|yes|false|no)(?![\w-]|\.\w)/gi;

// The same for an access list run into prose: "access-control: 0.0.0.0/0 allow", and an
// allow-list opened to every host with a lone star: "LOCAL_NETWORK_ALLOWLIST = *".
const proseEveryoneLinePattern =
  /(?<![\w.$-])([A-Za-z_][\w.-]{0,60})(?:[ \t]{0,8}[:=])?[ \t]{1,8}((?:0\.0\.0\.0\/0|::\/0|0\/0|\*(?![\w*]))(?:[ \t]{1,8}[A-Za-z_][\w-]{0,30})?)/g;

// A bare value is a word of its own: "a proxy route: app.use(...)" is prose before code, not a call.
const proseKeywordCallPattern =
  /(?<![\w.$-])([a-z_][a-z0-9_]{2,60})[ \t]{1,8}[a-z_][a-z0-9_]{0,30}:[ \t]{1,8}("[^"\n]{0,60}"|'[^'\n]{0,60}'|:?\w{1,30}(?![\w.(]))/g;

function findProseConfigLineSettings(
  prose: string,
  profileSettings: readonly string[],
): CodeSetting[] {
  if (profileSettings.length === 0) return [];
  const settings: CodeSetting[] = [];
  // A Ruby configuration call run into the prose (`... config/puma.rb: set_remote_address
  // header: "X-Forwarded-For" A client ...`): called with a keyword argument that is not off, the
  // setting is on, read as `true`.
  forEachMatch(proseKeywordCallPattern, prose, (match) => {
    const name = match[1]!;
    if (!profileSettings.includes(name.toLowerCase())) return;
    if (offValue.test(match[2]!.replace(/^["':]|["']$/g, '').toLowerCase())) return;
    settings.push({ name, value: 'true', start: match.index, end: match.index + match[0].length });
  });
  for (const pattern of [proseEveryoneLinePattern, proseConfigLinePattern]) {
    forEachMatch(pattern, prose, (match) => {
      const name = match[1]!;
      if (!profileSettings.includes(name.toLowerCase())) return;
      settings.push({
        name,
        value: match[2]!,
        start: match.index,
        end: match.index + match[0].length,
      });
    });
  }
  return settings;
}

// The lead-in says the code is the library's own: "in src/requests/utils.py:", "the library's
// code", "upstream source". The caller's own words ("our", "the application's") outweigh it.
// This and incidentalSetting are tried only on a text that holds their literals (a test checks them).
export const libraryLeadIn: GatedPattern = {
  pattern:
    /(?:^|[\s(`'"])(?:src|lib)\/[\w./-]{1,120}|\bline\s+\d+|\b(?:library|package|module|upstream|project)['’]s\s+(?:own\s+)?(?:code|source|implementation|internals?)\b|\b(?:in|from)\s+(?:the\s+)?(?:library|upstream)\s+(?:source|code)\b|\bsource\s+code\s+of\b/i,
  required: [
    [
      'lib/',
      'library',
      'line ',
      'module',
      'package',
      'project',
      'source code of',
      'src/',
      'upstream',
    ],
  ],
};
const callerLeadIn =
  /\b(?:our|my|their|your)\b|\bthe\s+(?:application|app|caller|client|service|tool|worker)['’]?s?\b/i;
const leadInLength = 240;

// The report says the bug holds with the protection on: the setting in its code is incidental.
export const incidentalSetting: GatedPattern = {
  pattern:
    /\bonly\s+(?:there\s+|used\s+|set\s+|present\s+)?(?:because|for|since)\b[^.\n]{0,100}?\b(?:tests?|testing|self-signed|local)\b|\b(?:leaks?|happens|reproduces|occurs|works|fails|crashes)\s+(?:the\s+same(?:\s+way)?|too|as\s+well|also|just\s+the\s+same)\s+(?:with|when)\s+(?:(?:certificate\s+|TLS\s+|host[\s-]?key\s+)?(?:verification|validation|checking)|the\s+(?:check|limit|protection)s?)\s+(?:is\s+|are\s+)?(?:on|enabled)\b|\bwith\s+(?:the\s+)?default\s+(?:settings|configuration|options)\s+(?:too|as\s+well)\b/i,
  required: [
    [
      'also when ',
      'also with ',
      'as well when ',
      'as well with ',
      'only because',
      'only for',
      'only present because',
      'only present for',
      'only present since',
      'only set because',
      'only set for',
      'only set since',
      'only since',
      'only there because',
      'only there for',
      'only there since',
      'only used because',
      'only used for',
      'only used since',
      'the same way when ',
      'the same way with ',
      'the same when ',
      'the same with ',
      'too when ',
      'too with ',
      'with default configuration as well',
      'with default configuration too',
      'with default options as well',
      'with default options too',
      'with default settings as well',
      'with default settings too',
      'with the default configuration as well',
      'with the default configuration too',
      'with the default options as well',
      'with the default options too',
      'with the default settings as well',
      'with the default settings too',
    ],
  ],
};

const defaultComment = /^[^\n]{0,40}?(?:#|\/\/)[ \t]*(?:the\s+|is\s+the\s+)?default\b/i;

// A function, method or associated function defined in code: `fn parse<T>(`, `def parse(`,
// `function parse(`, `func parse(`, Ruby's `def self.parse(`, Go's `func (b *Broker) parse(`;
// or a function assigned to a member, as JavaScript defines methods:
// `DiskStorage.prototype._resolvePath = function (`.
const definedFunction =
  /\b(?:fn|def|function|func)[ \t]+(?:self\.|\([ \t]?\w{1,30}[ \t]+\*?[\w.]{1,60}[ \t]?\)[ \t]*)?([A-Za-z_$][\w$]{0,60})[ \t]*[<(]|[\w$]\.([A-Za-z_$][\w$]{0,60})[ \t]*=[ \t]*(?:async[ \t]+)?function\b/g;
const maxDefinitionsRead = 50;

/**
 * The code defines a function the prose names as a member of a type or module
 * (`Decoder::read_size`, `Parser.feed`, `Puma::Client#reset`): the report quotes the project's code it blames, not
 * code of its own. A caller's handler is named bare ("our `handle` function"), if at all.
 */
function definesQualifiedFunction(prose: string, code: string): boolean {
  let read = 0;
  for (const match of code.matchAll(definedFunction)) {
    read += 1;
    if (read > maxDefinitionsRead) return false;
    const name = (match[1] ?? match[2]!).replace(/\$/g, '\\$');
    // `Type::name`, `Type.name`, Go's `(*Type).name`, Ruby's `Class#name`, PHP's `$object->name`.
    if (new RegExp(String.raw`(?:[\w>)](?:::|\.)|\w#|->)${name}\b(?![\w$])`).test(prose))
      return true;
  }
  return false;
}

/**
 * The lead-in before `blockStart` introduces the code as the library's own, not the caller's; or
 * `code` (the block's text, when given) opens with a comment naming a `src/` or `lib/` file, or
 * defines a function the prose names as the project's (`Type::method`), and the lead-in does not
 * call it the caller's.
 */
// The block's first line is a comment naming the project file it quotes: `// lib/proxy-trust.js`,
// `# src/app/routes.py`, `/* src/http/parse.c */`.
const sourceFileComment = /^\s{0,40}(?:\/\/|\/\*|#|--)[ \t]{0,8}(?:src|lib)\/[\w./-]{1,120}/;

export function isLibraryCode(prose: string, blockStart: number, code?: string): boolean {
  const leadIn = prose.slice(Math.max(0, blockStart - leadInLength), blockStart).trimEnd();
  const paragraph = leadIn.slice(leadIn.lastIndexOf('\n\n') + 1);
  if (isAboutLibraryCode(paragraph)) return true;
  return (
    code !== undefined &&
    !callerLeadIn.test(paragraph) &&
    (sourceFileComment.test(code) || definesQualifiedFunction(prose, code))
  );
}

// A key of the same object literal set to a value that restricts (a string, a number or a list):
// `root: '/srv/plugins/app'` beside `external: true`.
const restrictingKey =
  /(?<![\w$.])["']?([A-Za-z_$][\w$]{0,40})["']?[ \t]{0,8}:(?!:)[ \t]{0,8}["'[\d]/g;
const objectReach = 300;
// The report says the code reaches past that restriction: "a file outside the root was loaded",
// "beyond the configured `maxDepth`".
const pastRestrictionBefore =
  /\b(?:outside|beyond)\s{1,4}(?:of\s{1,4})?(?:(?:the|its|their|this|that)\s{1,4})?(?:(?:configured|allowed|permitted)\s{1,4})?`?(?:[\w$]{1,40}\.){0,3}$/i;
const maxKeyOccurrences = 50;

/**
 * True when the setting is switched on inside an object literal that also sets a restriction
 * (`{ external: true, root: '/srv/app' }`), and the report says the code reaches outside that
 * restriction ("a file outside the root was loaded"). The caller granted the capability within
 * the restriction; a bug that breaks the restriction is the library's, so the grant is no
 * condition of the attack.
 */
function isRestrictionBesideBypassed(body: string, setting: CodeSetting): boolean {
  const open = body.lastIndexOf('{', setting.start);
  const close = body.indexOf('}', setting.end);
  if (open === -1 || close === -1) return false;
  if (setting.start - open > objectReach || close - setting.end > objectReach) return false;
  const object = body.slice(open + 1, close);
  const lower = body.toLowerCase();
  const keys = new Set<string>();
  forEachMatch(restrictingKey, object, (match) => {
    if (match[1] !== setting.name) keys.add(match[1]!.toLowerCase());
  });
  for (const key of keys) {
    let seen = 0;
    for (
      let at = lower.indexOf(key);
      at !== -1 && seen < maxKeyOccurrences;
      at = lower.indexOf(key, at + key.length)
    ) {
      seen += 1;
      if (/[\w$]/.test(lower[at - 1] ?? '') || /[\w$]/.test(lower[at + key.length] ?? '')) continue;
      if (pastRestrictionBefore.test(body.slice(Math.max(0, at - 80), at))) return true;
    }
  }
  return false;
}

function addSettings(
  sink: FactSink,
  settings: readonly CodeSetting[],
  actor: 'user' | undefined,
  profileSettings: readonly string[],
  speaksOfInterception: boolean,
): void {
  const body = sink.body;
  // A dotted name the profile lists whole is that setting (`log4j2.enableJndiLookup`).
  const nameOf = (setting: CodeSetting): string =>
    setting.qualifiedName !== undefined &&
    profileSettings.includes(setting.qualifiedName.toLowerCase())
      ? setting.qualifiedName
      : setting.name;
  for (const setting of settings) {
    const name = nameOf(setting);
    const fact = readUnsafeSetting(name, setting.value, profileSettings, speaksOfInterception);
    if (fact === null) continue;
    const isToggled = settings.some(
      (other) =>
        nameOf(other) === name &&
        !isAccessListEntry(other.value) &&
        readUnsafeSetting(name, other.value, profileSettings, speaksOfInterception) === null,
    );
    if (isToggled) continue;
    if (isOnByDefault(body, setting.end) || defaultComment.test(body.slice(setting.end))) continue;
    if (isRestrictionBesideBypassed(body, setting)) continue;
    sink.add('requires-config', fact, setting.start, setting.end, actor ? { actor } : {});
  }
}

// An indented diff is the project's own source too.
const indentedDiff = /^[ \t]{0,12}(?:@@ -\d|\+\+\+ |--- [ab]\/)/m;

export function isIndentedDiff(text: string): boolean {
  return indentedDiff.test(text);
}

// A line indented by four spaces or a tab, outside fenced blocks (those are blanked in `prose`).
const indentedLine = /^(?: {4}|\t)[^\n]{1,2000}$/gm;

/** Runs of lines indented by four spaces or a tab (a blank line between them allowed). */
export function findIndentedSnippets(prose: string): Array<{ start: number; end: number }> {
  const snippets: Array<{ start: number; end: number }> = [];
  forEachMatch(indentedLine, prose, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    const last = snippets[snippets.length - 1];
    // Consecutive lines (a blank line between them allowed) make one snippet.
    if (last !== undefined && /^\n{1,2}$/.test(prose.slice(last.end, start))) last.end = end;
    else snippets.push({ start, end });
  });
  return snippets;
}

// In running prose only a code literal counts ("verify=False", "`verifySsl: false`", `"*"`,
// `1e9`), and a name after a colon must read as an identifier, or a member of an object literal
// (after `{` or `,`): "Validation: none" is a label, not a setting.
// A quoted word (`onProtoPoisoning: 'ignore'`) and a product of numbers (`bodyLimit: 4 * 1024 *
// 1024 * 1024`) are code too.
const codeLiteral =
  /^(?:false|False|FALSE|None|null|nil|true|True|TRUE|-1|(?:ssl\.)?CERT_NONE|"[\w-]{1,20}"|'[\w-]{1,20}'|"\*"|'\*'|\d[\d_]{0,15}(?:[ \t]{0,4}\*[ \t]{0,4}\d[\d_]{0,15}){1,6}|\d{1,6}(?:\.\d{1,6})?[eE]\+?\d{1,3}|\[[ \t]{0,8}["'][^\]\n]{1,200}\])$/;
const identifierLike = /[_.]|[a-z][A-Z]/;

/**
 * Text (a lead-in, a sentence) that places code or a setting in the library ("`find_python_name()`
 * with `unsafe=True` in lib/yaml/constructor.py") describes the project's internals, not the
 * caller's choice, unless it names the caller ("our", "the application's").
 */
function isAboutLibraryCode(sentence: string): boolean {
  return (
    mayMatchIn(sentence, libraryLeadIn) &&
    libraryLeadIn.pattern.test(sentence) &&
    !callerLeadIn.test(sentence)
  );
}

// An object literal run into a sentence: the name follows an opening brace or a comma
// (`new Server(httpServer, { cors: { origin: "*", credentials: true } })`).
const objectMemberBefore = /[{,][ \t]{0,8}$/;

function isProseSetting(prose: string, setting: CodeSetting): boolean {
  if (!codeLiteral.test(setting.value)) return false;
  if (objectMemberBefore.test(prose.slice(Math.max(0, setting.start - 10), setting.start)))
    return true;
  const written = prose.slice(setting.start, setting.end);
  const separator = /[ \t]{0,8}(=>|=|:)/.exec(
    written.slice(written.indexOf(setting.name) + setting.name.length),
  );
  return (
    separator?.[1] === '=' ||
    identifierLike.test(written.slice(0, written.indexOf(setting.name) + setting.name.length))
  );
}

// C and its kin set a protection off through a constant or a call rather than `name = value`.
// A peer-verification constant that turns checking off, passed or assigned (`SSL_VERIFY_NONE`,
// `MBEDTLS_SSL_VERIFY_NONE`), not compared (`==`, `case`): the caller switched verification off.
const verifyNoneConstant =
  /(?:[(,|]|(?<![=!<>])=)[ \t]*(?:\(\w+\)[ \t]*)?([A-Z][A-Z0-9_]{0,60}_VERIFY_NONE)\b/g;
// Java and its kin switch verification off by handing over an object that trusts everything
// (`InsecureTrustManagerFactory.INSTANCE`, `new TrustAllStrategy()`, `NoopHostnameVerifier`,
// `ALLOW_ALL_HOSTNAME_VERIFIER`): its name says it accepts every certificate or host name.
const trustEverythingObject =
  /\b(?:Insecure|TrustAll|TrustEvery|AcceptAll|AllowAll|Noop|NoOp|Dummy|Naive|Permissive|Blind)\w{0,30}(?:TrustManager(?:Factory)?|HostnameVerifier|HostNameVerifier|TrustStrategy|CertificateVerifier)\b|\bTrust(?:All|Every)\w{0,20}Strategy\b|\bALLOW_ALL_HOSTNAME_VERIFIER\b/g;
// .NET and the JVM switch verification off with a callback that accepts everything: a
// certificate-validation callback or host-name verifier given a lambda returning true
// (`RemoteCertificateValidationCallback = (sender, cert, chain, errors) => true`,
// `.hostnameVerifier { _, _ -> true }`), or a trust manager whose `checkServerTrusted` is empty.
const acceptEverythingCallback =
  /\b\w{0,40}(?:CertificateValidation|CertificateCustomValidation|ValidationCallback|HostnameVerifier|HostNameVerifier|hostnameVerifier|CertificateVerifier)\w{0,20}[ \t]{0,4}(?:\+?=|\(|\{)[ \t]{0,4}(?:\([^()\n]{0,160}\)|[\w$]{1,30}(?:[ \t]{0,4},[ \t]{0,4}[\w$]{1,30}){0,4})?[ \t]{0,4}(?:=>|->)[ \t]{0,4}(?:\{[ \t]{0,4})?(?:return[ \t]+)?true\b/g;
const emptyServerTrustCheck =
  /\bcheckServerTrusted[ \t]{0,4}\([^()]{0,300}\)[ \t]{0,4}(?::[ \t]{0,4}Unit[ \t]{0,4})?(?:throws[ \t]+[\w.]{1,60}(?:[ \t]{0,4},[ \t]{0,4}[\w.]{1,60}){0,4}[ \t]{0,4})?(?:\{\s{0,200}\}|=[ \t]{0,4}Unit\b)/g;
// A CORS policy opened to every origin by a call (`anyHost()` in Ktor, `AllowAnyOrigin()` in
// ASP.NET Core): the application chose to let any web page in.
const everyOriginCall = /\b(anyHost|allowAnyOrigin|AllowAnyOrigin)[ \t]{0,4}\([ \t]{0,4}\)/g;
// A limit given as a block (Kotlin's trailing lambda, `bodyLimit { if (admin) Long.MAX_VALUE else
// 10_000 }`) whose value may be its type's largest.
const limitBlock =
  /(?<![\w$])((?:set)?(?:[Mm]ax\w{1,40}|\w{0,40}[Ll]imit\w{0,20}))[ \t]{0,4}\{([^{}]{0,400})\}/g;

// A limit handed over as its type's largest value (`new HttpObjectAggregator(Integer.MAX_VALUE)`,
// `.maxContentLength(Long.MAX_VALUE)`, `setMaxFramePayloadLength(Integer.MAX_VALUE)`): to a
// constructor, or to a method named as a limit. A value written into a buffer or a frame by a
// proof of concept (`buf.writeInt(Integer.MAX_VALUE)`) is the attacker's data, not a setting.
const typeMaximum = String.raw`(?:Integer|Long|Int|Short)\.MAX_VALUE|Int\.MaxValue|Long\.MaxValue|math\.MaxInt(?:32|64)?|(?:S?SIZE|U?INT(?:32|64)?|U?LONG)_MAX`;
const liftedLimitCall = new RegExp(
  String.raw`\bnew[ \t]+((?:[A-Za-z_$][\w$]{0,60}\.){0,6}[A-Z][\w$]{0,60})[ \t]{0,4}\(([^()\n]{0,200})\)|(?<![\w$])((?:set)?(?:[Mm]ax\w{1,40}|\w{0,40}[Ll]imit\w{0,20}|\w{0,40}[Mm]aximum\w{0,20}))[ \t]{0,4}\(([^()\n]{0,200})\)`,
  'g',
);
const typeMaximumArgument = new RegExp(String.raw`^(?:${typeMaximum})$`);
const typeMaximumInside = new RegExp(String.raw`(?<![\w$.])(?:${typeMaximum})(?![\w$])`);
// The same code asking for verification too toggles it: the bug is in what the other call gets.
const verifyOnConstant = /\b[A-Z][A-Z0-9_]{0,60}_VERIFY_(?:PEER|REQUIRED|OPTIONAL)\b/;
// `#define NAME` or `#define NAME value` at a line start (a macro the application configures).
const defineLine =
  /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w{0,80})(?:[ \t]+([^\s/]{1,40}))?[ \t]*(?:\/[/*][^\n]*)?$/gm;
// A debug macro (`DEBUG`, `FOO_DEBUG`, `DEBUG_LEVEL`, `DEBUGLEVEL`), never `NDEBUG` (asserts off).
const debugMacroWord = /(?:^|_)DEBUG(?:LEVEL)?(?:_|$)/;
const upperCaseName = /^[A-Z0-9_]+$/;
const isDebugMacro = (name: string): boolean =>
  upperCaseName.test(name) && debugMacroWord.test(name);
// A call that raises a debug threshold or level (`mbedtls_debug_set_threshold(4)`,
// `set_debug_level(3)`): its last argument a positive number.
const debugThresholdCall =
  /\b([A-Za-z_]\w{0,60}debug\w{0,30}(?:threshold|level)\w{0,20})\s{0,4}\(([^()\n]{0,200})\)/gi;
const offArgument = /^(?:0+[uUlL]{0,3}|NULL|nullptr|false|FALSE|0x0+)$/;
// A call that switches a framework's debug mode on (`bottle.debug(True)`, `app.set_debug(true)`,
// `setDebug(1)`, `enable_debug_mode(mode=True)`): the callee's last name is debug, set_debug or
// enable_debug (an optional `_mode`), its one argument a true literal. A logging call
// (`log.debug("x")`) passes a message, never a bare true.
const debugSwitchCall =
  /(?<![\w$])(?:set_?|enable_?)?debug(?:_?mode)?[ \t]{0,4}\([ \t]{0,4}(?:(?:mode|enabled?|on|debug)[ \t]{0,4}=[ \t]{0,4})?(?:True|true|TRUE|1|on|yes)[ \t]{0,4}\)/gi;

// A version constraint in parentheses (`(= 4.1.1)`, `(>= 3.0.0, < 4)`, `(~> 2.0)`): a lockfile's
// dependency line, not a call's argument.
const versionConstraintArgument = /^[ \t]{0,4}(?:[=<>!~]=?|~>)[ \t]{0,4}\d/;

// A quoted address or network narrower than everything: `"10.0.0.5"`, `"172.31.0.0/20"`,
// `"fd00::/8"`; not `"0.0.0.0/0"`, `"::/0"`, `"0.0.0.0"` or `"*"`.
const quotedArgument = /["'`]([^"'`\n]{1,60})["'`]/g;
const ipv4Network = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const ipv6Network = /^([0-9A-Fa-f:]{2,39})(?:\/(\d{1,3}))?$/;

function isNarrowAddress(value: string): boolean {
  const v4 = ipv4Network.exec(value);
  if (v4 !== null) {
    if (v4.slice(1, 5).some((part) => Number(part) > 255)) return false;
    const everything = v4.slice(1, 5).every((part) => Number(part) === 0);
    return !everything && (v4[5] === undefined || Number(v4[5]) > 0);
  }
  const v6 = ipv6Network.exec(value);
  if (v6 === null || !v6[1]!.includes(':') || /^:+$/.test(v6[1]!)) return false;
  return v6[2] === undefined || Number(v6[2]) > 0;
}

/**
 * Whether a call's arguments list only named addresses or networks (`[]string{"10.0.0.5"}`,
 * `["172.31.0.0/20", "fd00::/8"]`): trust narrowed to the hosts the caller chose, the safe use of a
 * setting such as a trusted-proxy list, not the opening a profile's `requires-config` means.
 */
export function listsOnlyNarrowAddresses(args: string): boolean {
  const quoted = [...args.matchAll(quotedArgument)].map((match) => match[1]!.trim());
  return quoted.length > 0 && quoted.every(isNarrowAddress);
}

function lastArgument(args: string): string {
  return (args.split(',').pop() ?? '').trim();
}

/**
 * The settings C code (or any code) writes through constants, calls and macros: a
 * `*_VERIFY_NONE` constant passed or assigned, or an object that trusts every certificate or host
 * name (`InsecureTrustManagerFactory.INSTANCE`) → `verification-disabled`; a type's largest value
 * (`Integer.MAX_VALUE`) given to a constructor or a limit method → the class or method name, a
 * lifted limit; a debug threshold call
 * with a positive level, a call switching debug mode on (`bottle.debug(True)`) and a `#define`
 * of a debug macro (not to 0) → `debug`; a `#define` of an
 * unsafe or insecure flag, or of a macro the profile names → its name; a call to a function the
 * profile names (`profileSettings`) whose last argument is not 0, NULL or false, nor a list of
 * named addresses or networks (`SetTrustedProxies([]string{"10.0.0.5"})`) → its name, also
 * Ruby's call without parentheses at a line's start (`set_remote_address header: "X-Real-IP"`).
 */
// A web server's document root set to the file system's root in the deployer's configuration
// (Caddy `root * /`, nginx `root /;`, Apache `DocumentRoot "/"`, JSON `"root": "/"`): publishing
// every file on the host is the operator's choice, never a default. Whole lines only.
const filesystemWebRootLine =
  /^[ \t]{0,12}(?:(?:root|DocumentRoot|document_root|docroot|web_?root)(?:[ \t]{1,8}\*)?[ \t]{1,8}["']?\/["']?[ \t]{0,8};?|"(?:root|document_root)"[ \t]{0,8}:[ \t]{0,8}"\/"[ \t]{0,8},?)[ \t]{0,8}(?:#[^\n]{0,200})?$/gim;

// The same document root in a configuration block run into prose, fences and line breaks dropped
// (`:8080 { root * / file_server browse }`, `server { listen 80; root /; }`): right after an
// opening brace, a `;` or a tag's `>`, the root set to `/` alone.
const proseWebRootLine =
  /[{;>][ \t]{0,8}((?:root(?:[ \t]{1,8}\*)?|DocumentRoot|document_root|docroot|web_?root)[ \t]{1,8}["']?\/["']?;?)(?=[ \t]|$)/gi;

// The same objects run into prose as code (a one-paragraph report that joined its block into the
// text): only where the name is used as code, `InsecureTrustManagerFactory.INSTANCE`, `new
// TrustAllStrategy()`, `(NoopHostnameVerifier...`; a name merely mentioned in a sentence is not.
const codeUseAfter = /^(?:\.INSTANCE\b|[ \t]{0,4}\()/;
const codeUseBefore = /(?:\bnew[ \t]{1,4}|\()$/;

function addProseTrustEverything(
  sink: FactSink,
  prose: string,
  snippets: ReadonlyArray<{ start: number; end: number }>,
): void {
  forEachMatch(trustEverythingObject, prose, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (snippets.some((snippet) => start >= snippet.start && start < snippet.end)) return;
    const isCode =
      codeUseAfter.test(prose.slice(end, end + 12)) ||
      codeUseBefore.test(prose.slice(Math.max(0, start - 8), start));
    if (!isCode || isAboutLibraryCode(readSentence(prose, start))) return;
    sink.add('requires-config', 'verification-disabled', start, end);
  });
}

function addProseWebRoots(sink: FactSink, prose: string): void {
  forEachMatch(proseWebRootLine, prose, (match) => {
    const start = match.index + match[0].length - match[1]!.length;
    const end = start + match[1]!.length;
    // After a `;` only a directive closed by its own `;` (nginx): a sentence's `;` is no block.
    if (match[0].startsWith(';') && !match[1]!.endsWith(';')) return;
    if (isAboutLibraryCode(readSentence(prose, start)) || isOnByDefault(sink.body, end)) return;
    sink.add('requires-config', 'non-default', start, end, { actor: 'user' });
  });
}

export function findCodeChoices(
  text: string,
  offset: number,
  profileSettings: readonly string[],
): Array<{ value: string; start: number; end: number }> {
  const choices: Array<{ value: string; start: number; end: number }> = [];
  if (!verifyOnConstant.test(text)) {
    forEachMatch(verifyNoneConstant, text, (match) => {
      const start = offset + match.index + match[0].indexOf(match[1]!);
      choices.push({ value: 'verification-disabled', start, end: start + match[1]!.length });
    });
  }
  for (const pattern of [trustEverythingObject, acceptEverythingCallback, emptyServerTrustCheck]) {
    forEachMatch(pattern, text, (match) => {
      const start = offset + match.index;
      choices.push({ value: 'verification-disabled', start, end: start + match[0].length });
    });
  }
  forEachMatch(everyOriginCall, text, (match) => {
    const start = offset + match.index;
    choices.push({ value: match[1]!.toLowerCase(), start, end: start + match[0].length });
  });
  forEachMatch(limitBlock, text, (match) => {
    if (!typeMaximumInside.test(match[2]!)) return;
    const start = offset + match.index;
    choices.push({ value: match[1]!.toLowerCase(), start, end: start + match[0].length });
  });
  forEachMatch(liftedLimitCall, text, (match) => {
    const callee = match[1] ?? match[3]!;
    const args = (match[2] ?? match[4]!).split(',').map((arg) => arg.trim());
    if (!args.some((arg) => typeMaximumArgument.test(arg))) return;
    const start = offset + match.index;
    const name = callee.slice(callee.lastIndexOf('.') + 1).toLowerCase();
    choices.push({ value: name, start, end: start + match[0].length });
  });
  forEachMatch(defineLine, text, (match) => {
    const name = match[1]!;
    const value = match[2] ?? '1';
    const start = offset + match.index + match[0].indexOf('#');
    const end = offset + match.index + match[0].trimEnd().length;
    if (isDebugMacro(name)) {
      if (!offArgument.test(value)) choices.push({ value: 'debug', start, end });
      return;
    }
    if (!onValue.test(unquote(value))) return;
    const unsafe = readUnsafeSetting(name, value, profileSettings);
    if (unsafe !== null) choices.push({ value: unsafe, start, end });
  });
  forEachMatch(filesystemWebRootLine, text, (match) => {
    const start = offset + match.index + match[0].length - match[0].trimStart().length;
    choices.push({
      value: 'non-default',
      start,
      end: offset + match.index + match[0].trimEnd().length,
    });
  });
  forEachMatch(debugSwitchCall, text, (match) => {
    const start = offset + match.index;
    choices.push({ value: 'debug', start, end: start + match[0].length });
  });
  forEachMatch(debugThresholdCall, text, (match) => {
    const level = lastArgument(match[2]!);
    if (!/^[1-9]\d{0,2}$/.test(level)) return;
    const start = offset + match.index;
    choices.push({ value: 'debug', start, end: start + match[0].length });
  });
  for (const setting of profileSettings) {
    if (!/^[a-z_]\w{2,80}$/.test(setting)) continue;
    // Not a word's tail after a hyphen (`rack-protection (= 4.1.1)`, a lockfile's dependency
    // line), and not a version constraint in the parentheses.
    const call = new RegExp(String.raw`(?<![\w-])${setting}\s{0,4}\(([^()\n]{0,200})\)`, 'gi');
    forEachMatch(call, text, (match) => {
      if (offArgument.test(lastArgument(match[1]!))) return;
      if (versionConstraintArgument.test(match[1]!)) return;
      if (listsOnlyNarrowAddresses(match[1]!)) return;
      const start = offset + match.index;
      choices.push({ value: setting, start, end: start + match[0].length });
    });
    // Ruby calls a method without parentheses, as a configuration DSL does at a line's start
    // (`set_remote_address header: "X-Forwarded-For"`, `bind "tcp://0.0.0.0:9292"`).
    const bareCall = new RegExp(
      String.raw`^[ \t]{0,12}${setting}[ \t]{1,8}((?:["':{\[]|[A-Za-z_]\w{0,40}:[ \t])[^\n]{0,200})$`,
      'gim',
    );
    forEachMatch(bareCall, text, (match) => {
      const last = lastArgument(match[1]!).replace(/^[A-Za-z_]\w{0,40}:[ \t]*/, '');
      if (offArgument.test(last) || offValue.test(last.toLowerCase())) return;
      const start = offset + match.index + match[0].length - match[0].trimStart().length;
      choices.push({
        value: setting,
        start,
        end: offset + match.index + match[0].trimEnd().length,
      });
    });
  }
  return choices;
}

function addCodeChoices(
  sink: FactSink,
  text: string,
  offset: number,
  profileSettings: readonly string[],
): void {
  for (const choice of findCodeChoices(text, offset, profileSettings)) {
    if (isOnByDefault(sink.body, choice.end)) continue;
    sink.add('requires-config', choice.value, choice.start, choice.end, { actor: 'user' });
  }
}

/**
 * Adds the caller's unsafe settings found in the code blocks (`codeBlocks`: no diffs, no code the
 * lead-in calls the library's), in the indented snippets of `prose` (both the caller's), and written as code
 * in running prose (whose they are is left to the sentence, like any prose fact), and the
 * settings the profile names (`profileSettings`) where the code switches them on.
 */
// A setting given a non-empty list in a configuration file: `skip_auth_regex = ["^/api"]` (TOML),
// `trusted_proxies: ["0.0.0.0/0"]` (YAML or JSON flow style).
const listConfigInfos: ReadonlySet<string> = new Set([
  ...configInfos,
  'toml',
  'yaml',
  'yml',
  'json',
]);
const listSettingPattern =
  /^[ \t]{0,12}["']?([A-Za-z_][\w.-]{0,60})["']?[ \t]{0,8}[=:][ \t]{0,8}\[[ \t]{0,8}["'][^"'\n]{1,200}["']/gm;

/**
 * The settings the profile names (`profileSettings`, lower-cased) that a configuration block of
 * the reporter's gives a non-empty list: the list is what the operator let through, whatever it
 * holds, so each is a `requires-config` fact with the caller (`user`) as actor.
 */
function addListSettings(
  sink: FactSink,
  content: string,
  offset: number,
  profileSettings: readonly string[],
): void {
  if (profileSettings.length === 0 || !content.includes('[')) return;
  forEachMatch(listSettingPattern, content, (match) => {
    const name = match[1]!.toLowerCase();
    if (!profileSettings.includes(name)) return;
    const start = offset + match.index + match[0].indexOf(match[1]!);
    sink.add('requires-config', name, start, offset + match.index + match[0].length, {
      actor: 'user',
    });
  });
}

// A quoted member of a list (`"bounding": ["CAP_SYS_ADMIN", "CAP_CHOWN"]`, `add: ['ALL']`) or a
// YAML list item (`  - CAP_SYS_ADMIN`) in a configuration block.
const listMemberPattern =
  /(?<=[[,][ \t]{0,8})["']([A-Za-z_][\w.:=-]{0,60})["'](?=[ \t]{0,8}[,\]])|^[ \t]{0,12}-[ \t]{1,4}["']?([A-Za-z_][\w.:=-]{0,60})["']?[ \t]{0,8}$/gm;

/**
 * The values the profile names as settings (`profileSettings`, lower-cased: `cap_sys_admin`) that a
 * configuration block of the reporter's lists: what the operator granted (a capability, a
 * privilege), so each is a `requires-config` fact with the caller (`user`) as actor.
 */
function addListedProfileValues(
  sink: FactSink,
  content: string,
  offset: number,
  profileSettings: readonly string[],
): void {
  if (profileSettings.length === 0) return;
  forEachMatch(listMemberPattern, content, (match) => {
    const member = match[1] ?? match[2]!;
    const value = member.toLowerCase();
    if (!profileSettings.includes(value)) return;
    const start = offset + match.index + match[0].indexOf(member);
    sink.add('requires-config', value, start, start + member.length, { actor: 'user' });
  });
}

// A server's own start-up banner in a pasted log says the deployment runs in debug mode: Gin's
// `[GIN-debug] [WARNING] Running in "debug" mode`, Flask's ` * Debug mode: on`. The log is what the
// reporter's deployment printed, so the mode is that deployment's setting.
const debugModeBanner =
  /\bRunning[ \t]+in[ \t]+["'\u201c]?debug["'\u201d]?[ \t]+mode\b|^[ \t]{0,8}\*[ \t]+Debug[ \t]+mode:[ \t]+on\b/gim;

/** Adds `requires-config: debug` (actor `user`) for each debug-mode banner in a block's `content`. */
function addDebugModeBanners(sink: FactSink, content: string, offset: number): void {
  if (!/debug/i.test(content)) return;
  forEachMatch(debugModeBanner, content, (match) => {
    const start = offset + match.index + match[0].length - match[0].trimStart().length;
    sink.add('requires-config', 'debug', start, offset + match.index + match[0].length, {
      actor: 'user',
    });
  });
}

export function extractCodeSettingFacts(
  sink: FactSink,
  prose: string,
  codeBlocks: readonly CodeBlock[],
  profileSettings: readonly string[] = [],
): void {
  if (mayMatchIn(prose, incidentalSetting) && incidentalSetting.pattern.test(prose)) return;
  const body = sink.body;
  // Read once per report: every code block and snippet below asks it.
  const speaksOfInterception = interception.test(body);
  for (const block of codeBlocks) {
    const content = body.slice(block.contentStart, block.contentEnd);
    const lines = configInfos.has(block.info.toLowerCase())
      ? findConfigLineSettings(content, block.contentStart, profileSettings)
      : [];
    const callbacks = [
      ...findCallbackOptionSettings(content, block.contentStart, profileSettings),
      ...findStructOptionSettings(content, block.contentStart, profileSettings),
    ];
    const settings = [
      ...callbacks,
      ...besideCallbacks(findCodeSettings(content, block.contentStart), callbacks),
      ...findRubySettingCalls(content, block.contentStart),
      ...findElixirPipelineSettings(content, block.contentStart, profileSettings),
      ...findInstalledComponentSettings(content, block.contentStart, profileSettings),
      ...lines,
    ];
    addSettings(sink, settings, 'user', profileSettings, speaksOfInterception);
    addCodeChoices(sink, content, block.contentStart, profileSettings);
    addDebugModeBanners(sink, content, block.contentStart);
    if (listConfigInfos.has(block.info.toLowerCase())) {
      addListSettings(sink, content, block.contentStart, profileSettings);
      addListedProfileValues(sink, content, block.contentStart, profileSettings);
    }
  }
  const snippets = findIndentedSnippets(prose);
  for (const snippet of snippets) {
    const text = prose.slice(snippet.start, snippet.end);
    if (isIndentedDiff(text) || isLibraryCode(prose, snippet.start)) continue;
    const callbacks = [
      ...findCallbackOptionSettings(text, snippet.start, profileSettings),
      ...findStructOptionSettings(text, snippet.start, profileSettings),
    ];
    const settings = [
      ...callbacks,
      ...besideCallbacks(findCodeSettings(text, snippet.start), callbacks),
      ...findRubySettingCalls(text, snippet.start),
      ...findInstalledComponentSettings(text, snippet.start, profileSettings),
      ...findConfigLineSettings(text, snippet.start, profileSettings),
    ];
    addSettings(sink, settings, 'user', profileSettings, speaksOfInterception);
    addCodeChoices(sink, text, snippet.start, profileSettings);
  }
  const inSnippet = (setting: CodeSetting): boolean =>
    snippets.some((snippet) => setting.start >= snippet.start && setting.start < snippet.end);
  const isProseCallerSetting = (setting: CodeSetting): boolean =>
    !inSnippet(setting) && !isAboutLibraryCode(readSentence(prose, setting.start));
  const proseSettings = findCodeSettings(prose).filter(
    (setting) => isProseSetting(prose, setting) && isProseCallerSetting(setting),
  );
  addSettings(sink, proseSettings, undefined, profileSettings, speaksOfInterception);
  // Ruby's settings DSL run into prose (`... set :show_exceptions, true ...`) is code all the
  // same: no sentence writes `set :name, value` or `disable :name`.
  const proseRubySettings = findRubySettingCalls(prose).filter(isProseCallerSetting);
  addSettings(sink, proseRubySettings, 'user', profileSettings, speaksOfInterception);
  // So is an Elixir pipeline line, indented or not: no sentence is `plug Plug.Name, [:atom]`.
  const proseElixirSettings = findElixirPipelineSettings(prose, 0, profileSettings).filter(
    (setting) => !isAboutLibraryCode(readSentence(prose, setting.start)),
  );
  addSettings(sink, proseElixirSettings, 'user', profileSettings, speaksOfInterception);
  // A configuration line run into the prose is still the deployer's configuration, as in a block.
  const proseConfigLines = findProseConfigLineSettings(prose, profileSettings).filter(
    isProseCallerSetting,
  );
  addSettings(sink, proseConfigLines, 'user', profileSettings, speaksOfInterception);
  addProseWebRoots(sink, prose);
  addProseTrustEverything(sink, prose, snippets);
}
