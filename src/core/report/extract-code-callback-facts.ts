// Reads the caller's own callbacks written as code, which a report often shows without a word
// about whose code it is: a check the application overrides or passes in its options to allow
// everything (`def check_origin(self, origin): return True`, `verifyClient: () => true`), and a
// middleware or request hook the application registers that makes its own access decision
// (`@web.middleware` ... `raise web.HTTPUnauthorized()`, `app.use(...)` ... `res.status(403)`).
// A request handler that passes the request's input to eval, `new Function` or a shell is one too,
// and so is a recursive merge of the caller's that copies a data object's keys without refusing
// `__proto__` (the application's own prototype-pollution sink), and a call that passes a C array
// with a literal length larger than the array (`char value[64]` ... `get_value(e, value, 1024)`).
// Each is a `requires-config` `caller-callback` fact with the caller (`user`) as actor. A plain
// request handler in a reproduction is not one: the application shown around a library bug.

import type { CodeBlock } from './find-code-blocks.js';
import type { FactSink } from './create-fact-sink.js';
import { forEachMatch } from './for-each-match.js';
import {
  foldTextForLiterals,
  mayMatchIn,
  type GatedPattern,
  type RequiredLiterals,
} from './find-required-literals.js';

// A credential check written as a Kotlin trailing lambda whose whole body accepts: it returns a
// principal, or true, whatever the credential (`validate { credential -> JWTPrincipal(credential.payload) }`).
const acceptAnyCredentialBlock =
  /\b(?:validate|authenticate|verify|check)[ \t]{0,4}\{[ \t]{0,4}(?:[\w$]{1,30}(?:[ \t]{0,4}:[ \t]{0,4}[\w.<>?]{1,60})?[ \t]{0,4}->)?\s{0,40}(?:[A-Z][\w$]{0,40}Principal[ \t]{0,4}\([^(){}\n]{0,120}\)|true)\s{0,40}\}/g;

/** Where in `code` a caller's callback decides the outcome, and how it is written. */
export interface CallerCallback {
  start: number;
  end: number;
}

// Names of checks: check_origin, verifyClient, validate_token, authorize, is_allowed, has_permission.
const checkName = String.raw`(?:check|verify|validate|authori[sz]e|authenticate|is_?(?:allowed|authori[sz]ed|authenticated|valid|trusted|safe|permitted)|has_?permission|allow|permit|can_?[a-z])[\w$]{0,40}|[\w$]{0,40}(?:_origin|Origin)`;

// One of these is in every match of `checkName` (lower-cased), so in every allowAllPatterns match.
const checkNameLiterals: string[] = [
  'allow',
  'authenticate',
  'authorise',
  'authorize',
  'can',
  'check',
  'has_permission',
  'haspermission',
  'is_safe',
  'is_trusted',
  'is_valid',
  'issafe',
  'istrusted',
  'isvalid',
  'origin',
  'permit',
  'validate',
  'verify',
];

// What every match of each allowAllPatterns pattern holds (findRequiredLiterals of its source).
const allowAllLiterals: RequiredLiterals[] = [
  [checkNameLiterals, ['def '], ['return true']],
  [checkNameLiterals, ['= lambda', '=lambda'], [': true', ':true']],
  [checkNameLiterals, ['true']],
  [checkNameLiterals, [') { return true', ') {return true', '){ return true', '){return true']],
];

// A check that allows everything, in Python or JavaScript. These patterns and the code sink's
// are tried only on code that holds their literals (a test checks them): most code holds none.
export const allowAllPatterns: readonly GatedPattern[] = [
  new RegExp(
    String.raw`\bdef[ \t]+(?:${checkName})[ \t]*\([^)\n]{0,200}\)[ \t]*(?:->[ \t]*[\w.\[\], ]{1,40})?:[ \t]*(?:\n[ \t]*(?:#[^\n]*\n[ \t]*)?)?return[ \t]+True\b`,
    'gi',
  ),
  new RegExp(String.raw`\b(?:${checkName})[ \t]*=[ \t]*lambda\b[^:\n]{0,80}:[ \t]*True\b`, 'gi'),
  new RegExp(
    String.raw`(?<![\w$.])(?:${checkName})["']?[ \t]*[:=][ \t]*(?:async[ \t]+)?(?:function[ \t]*)?(?:\([^)\n]{0,120}\)|[\w$]{1,30})[ \t]*(?:=>[ \t]*)?(?:true\b|\{\s{0,40}return[ \t]+true\b|\{?\s{0,40}(?:cb|callback|done|next|accept)\([ \t]*true\b)`,
    'gi',
  ),
  new RegExp(
    String.raw`(?:\bfunction[ \t]+|^[ \t]+(?:async[ \t]+)?)(?:${checkName})[ \t]*\([^)\n]{0,120}\)[ \t]*\{\s{0,40}return[ \t]+true\b`,
    'gim',
  ),
].map((pattern, index) => ({ pattern, required: allowAllLiterals[index]! }));

// The application's handler hands request input to code execution or a shell:
// `eval(request.query.expr)`, `exec("ping " + req.query.host)`, `os.system(f"..." ...)` is not
// read (an f-string names no request object before the brace).
export const requestInputToCodeSink: GatedPattern = {
  pattern:
    /\b(?:eval|execSync|exec|execFile|execFileSync|spawn|spawnSync|Function|system|popen|runInNewContext|runInThisContext|runInContext)[ \t]*\([ \t]*(?:`[^`\n]{0,80}?\$\{[ \t]*|["'][^"'\n]{0,80}["'][ \t]*\+[ \t]*)?(?:req|request|ctx\.request|ctx)\.(?:query|body|params|args|form|headers|cookies|values|json|GET|POST|data)\b/g,
  required: [
    [
      'eval (',
      'eval(',
      'exec (',
      'exec(',
      'execfile (',
      'execfile(',
      'execfilesync (',
      'execfilesync(',
      'execsync (',
      'execsync(',
      'function (',
      'function(',
      'popen (',
      'popen(',
      'runincontext (',
      'runincontext(',
      'runinnewcontext (',
      'runinnewcontext(',
      'runinthiscontext (',
      'runinthiscontext(',
      'spawn (',
      'spawn(',
      'spawnsync (',
      'spawnsync(',
      'system (',
      'system(',
    ],
    ['ctx.', 'req.', 'request.'],
    [
      'args',
      'body',
      'cookies',
      'data',
      'form',
      'get',
      'headers',
      'json',
      'params',
      'post',
      'query',
      'values',
    ],
  ],
};

// A middleware or hook the application defines or registers.
const hookMarker =
  /@(?:web\.)?middleware\b|\bmiddlewares[ \t]*=[ \t]*\[|\bmiddlewares\.(?:append|insert)\(|\b(?:app|router|server)\.use\(|\.addHook\(|@[\w.]{1,40}\.before_(?:request|app_request)\b|\bdef[ \t]+prepare\([ \t]*self\b/g;
// The hook refuses access itself.
export const accessDecision: GatedPattern = {
  pattern:
    /\bHTTP(?:Unauthorized|Forbidden)\b|\b(?:Unauthorized|Forbidden|PermissionDenied)(?:Error)?\(|\babort\([ \t]*40[13]\b|\bstatus(?:Code)?[ \t]*(?:\(|=)[ \t]*40[13]\b|\bsend_error\([ \t]*40[13]\b|\bHTTPError\([ \t]*40[13]\b/,
  required: [
    [
      'abort( 401',
      'abort( 403',
      'abort(401',
      'abort(403',
      'forbidden(',
      'forbiddenerror(',
      'httperror( 401',
      'httperror( 403',
      'httperror(401',
      'httperror(403',
      'httpforbidden',
      'httpunauthorized',
      'permissiondenied(',
      'permissiondeniederror(',
      'send_error( 401',
      'send_error( 403',
      'send_error(401',
      'send_error(403',
      'status ( 401',
      'status ( 403',
      'status (401',
      'status (403',
      'status = 401',
      'status = 403',
      'status =401',
      'status =403',
      'status( 401',
      'status( 403',
      'status(401',
      'status(403',
      'status= 401',
      'status= 403',
      'status=401',
      'status=403',
      'statuscode ( 401',
      'statuscode ( 403',
      'statuscode (401',
      'statuscode (403',
      'statuscode = 401',
      'statuscode = 403',
      'statuscode =401',
      'statuscode =403',
      'statuscode( 401',
      'statuscode( 403',
      'statuscode(401',
      'statuscode(403',
      'statuscode= 401',
      'statuscode= 403',
      'statuscode=401',
      'statuscode=403',
      'unauthorized(',
      'unauthorizederror(',
    ],
  ],
};

// A merge the caller wrote that walks a data object's keys and recurses into them without
// refusing `__proto__`, `constructor` or `prototype`: the application's own prototype-pollution
// sink (`function deepMerge(t, s) { for (const k in s) { ... deepMerge(t[k], s[k]) ... t[k] =
// s[k] } }`, Python's `for key, value in src.items(): ... merge(dst[key], value)`). The loop
// names its key; its body (600 characters) must assign through that key and call the function
// the loop sits in with a value read through it (the recursion that reaches a prototype), and
// must not name a guard.
const keyLoop =
  /\bfor[ \t]*\([ \t]*(?:const|let|var)[ \t]+([A-Za-z_$][\w$]{0,30})[ \t]+in[ \t]|\bfor[ \t]*\([ \t]*(?:const|let|var)[ \t]+\[[ \t]*([A-Za-z_$][\w$]{0,30})[ \t]*,[^\]\n]{0,40}\][ \t]+of[ \t]+Object\.entries\(|\bObject\.keys\([^()\n]{0,60}\)\.forEach\([ \t]*(?:function[ \t]*)?\(?[ \t]*([A-Za-z_$][\w$]{0,30})|^[ \t]*for[ \t]+([A-Za-z_]\w{0,30})(?:[ \t]*,[ \t]*\w{1,30})?[ \t]+in[ \t]+[\w.]{1,60}(?:\.items\(\))?[ \t]*:/gm;
const mergeFunctionDefinition =
  /\bfunction[ \t]+([A-Za-z_$][\w$]{0,40})[ \t]*\(|\b(?:const|let|var)[ \t]+([A-Za-z_$][\w$]{0,40})[ \t]*=[ \t]*(?:function\b|\([^()\n]{0,80}\)[ \t]*=>)|\bdef[ \t]+([A-Za-z_]\w{0,40})[ \t]*\(/g;
const pollutionGuard =
  /__proto__|\bconstructor\b|\bprototype\b|hasOwn(?:Property)?\b|Object\.create\(\s*null\s*\)/;
const mergeBodyLength = 600;

function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$');
}

// How far back from a loop the function it sits in is looked for (so many loops stay linear).
const enclosingReach = 2000;

/** The function defined last before `at` in `code` (within 2,000 characters), if any. */
function findEnclosingFunction(code: string, at: number): string | null {
  let name: string | null = null;
  forEachMatch(
    mergeFunctionDefinition,
    code.slice(Math.max(0, at - enclosingReach), at),
    (match) => {
      name = match[1] ?? match[2] ?? match[3] ?? null;
    },
  );
  return name;
}

/**
 * The loop's body: from `bodyStart` to the brace that closes the one opened on the loop's own
 * line (JavaScript, also when the code is run into a paragraph), or the next 600 characters up
 * to a blank line (Python's indented body).
 */
function readLoopBody(code: string, bodyStart: number): string {
  const window = code.slice(bodyStart, bodyStart + mergeBodyLength);
  const lineEnd = window.indexOf('\n');
  const open = window.indexOf('{');
  if (open !== -1 && (lineEnd === -1 || open < lineEnd)) {
    let depth = 0;
    for (let at = open; at < window.length; at++) {
      if (window[at] === '{') depth += 1;
      else if (window[at] === '}') depth -= 1;
      if (depth === 0) return window.slice(0, at + 1);
    }
    return window;
  }
  const blank = window.indexOf('\n\n');
  return blank === -1 ? window : window.slice(0, blank);
}

/** Recursive key-by-key merges in `code` that refuse no prototype key. */
export function findUnguardedMerges(code: string, offset = 0): CallerCallback[] {
  if (!code.includes('[')) return [];
  const found: CallerCallback[] = [];
  forEachMatch(keyLoop, code, (match) => {
    const key = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    const bodyStart = match.index + match[0].length;
    const body = readLoopBody(code, bodyStart);
    if (pollutionGuard.test(body)) return;
    const merge = findEnclosingFunction(code, match.index);
    if (merge === null) return;
    const throughKey = String.raw`[\w$.]{1,60}\[[ \t]*${escapeName(key)}[ \t]*\]`;
    const assigns = new RegExp(String.raw`${throughKey}[ \t]*=(?!=)`).test(body);
    const recurses = new RegExp(
      String.raw`(?<![\w$.])${escapeName(merge)}[ \t]*\([^()\n]{0,80}?${throughKey}`,
    ).test(body);
    if (!assigns || !recurses) return;
    found.push({ start: offset + match.index, end: offset + bodyStart });
  });
  return found;
}

// In running text (code flattened into a paragraph) the refusal must follow the hook closely.
const proseHookWindow = 400;

// The application's handler chooses the folder a file helper confines paths to from the
// request: `static_file(name, root=request.query.folder)`, or through a variable assigned from
// the request in the same code (`folder = request.query.folder` ... `root=folder`). The helper
// keeps the file inside the root it is given; the root is the caller's choice.
const requestInput = String.raw`(?:req|request|ctx\.request|ctx)\.(?:query|body|params|args|form|headers|cookies|values|json|GET|POST|data)\b`;
const requestAssignment = new RegExp(
  String.raw`(?:^|[\s;])([A-Za-z_]\w{0,60})[ \t]*=[ \t]*${requestInput}`,
  'g',
);
const rootKeyword =
  /[(,][ \t]*(?:root|directory|root_dir|rootdir|base_dir|basedir|docroot|document_root)[ \t]*=(?!=)[ \t]*([A-Za-z_][\w.]{0,100})/g;
const requestInputStart = new RegExp(String.raw`^${requestInput}`);

/** Calls that take their confinement root from the request, directly or through a variable. */
export function findRequestChosenRoots(code: string, offset = 0): CallerCallback[] {
  if (!/root|dir/.test(code) || !/\b(?:req|request|ctx)\./.test(code)) return [];
  const fromRequest = new Set<string>();
  forEachMatch(requestAssignment, code, (match) => fromRequest.add(match[1]!));
  const found: CallerCallback[] = [];
  forEachMatch(rootKeyword, code, (match) => {
    const value = match[1]!;
    if (!requestInputStart.test(value) && !fromRequest.has(value)) return;
    found.push({ start: offset + match.index + 1, end: offset + match.index + match[0].length });
  });
  return found;
}

// A C array of a fixed size (`char value[64];`), and a call that passes that array with a larger
// literal length (`exif_entry_get_value(e, value, 1024)`): the caller tells the library its
// buffer is bigger than it is, so what the library writes past it is the caller's.
const fixedArray =
  /\b(?:char|wchar_t|short|int|long|float|double|u?int(?:8|16|32|64)_t|BYTE)[ \t]{1,8}([A-Za-z_]\w{0,40})[ \t]{0,4}\[[ \t]{0,4}(\d{1,7})[ \t]{0,4}\]/g;
const maxArraysRead = 20;

/** Calls that pass a fixed-size array with a literal length larger than the array. */
export function findOversizedLengths(code: string, offset = 0): CallerCallback[] {
  if (!code.includes('[')) return [];
  const found: CallerCallback[] = [];
  let read = 0;
  forEachMatch(fixedArray, code, (array) => {
    read += 1;
    if (read > maxArraysRead) return;
    const size = Number(array[2]);
    const passed = new RegExp(
      String.raw`[(,][ \t]{0,8}&?${array[1]!}[ \t]{0,8},[ \t]{0,8}(\d{1,9})[ \t]{0,8}[,)]`,
      'g',
    );
    forEachMatch(passed, code.slice(array.index), (call) => {
      if (Number(call[1]) <= size) return;
      const start = offset + array.index + call.index;
      found.push({ start, end: start + call[0].length });
    });
  });
  return found;
}

/**
 * The caller's callbacks written in `code` (one block of the caller's own code), or in running
 * text when `isProse` (then a hook counts only with a refusal within 400 characters after it).
 */
export function findCallerCallbacks(code: string, offset = 0, isProse = false): CallerCallback[] {
  const found: CallerCallback[] = [];
  const folded = foldTextForLiterals(code);
  for (const gated of [...allowAllPatterns, requestInputToCodeSink]) {
    if (!mayMatchIn(code, gated, folded)) continue;
    forEachMatch(gated.pattern, code, (match) => {
      found.push({ start: offset + match.index, end: offset + match.index + match[0].length });
    });
  }
  if (/Principal|true/.test(code)) {
    forEachMatch(acceptAnyCredentialBlock, code, (match) => {
      found.push({ start: offset + match.index, end: offset + match.index + match[0].length });
    });
  }
  found.push(...findUnguardedMerges(code, offset));
  found.push(...findRequestChosenRoots(code, offset));
  found.push(...findOversizedLengths(code, offset));
  if (mayMatchIn(code, accessDecision, folded) && accessDecision.pattern.test(code)) {
    forEachMatch(hookMarker, code, (match) => {
      const after = code.slice(match.index, match.index + proseHookWindow);
      if (isProse && !accessDecision.pattern.test(after)) return;
      found.push({ start: offset + match.index, end: offset + match.index + match[0].length });
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Adds the caller's callbacks found in `codeBlocks` (the caller's own code: no diffs, no library code) and in `prose`. */
export function extractCodeCallbackFacts(
  sink: FactSink,
  prose: string,
  codeBlocks: readonly CodeBlock[],
): void {
  for (const block of codeBlocks) {
    const content = sink.body.slice(block.contentStart, block.contentEnd);
    for (const callback of findCallerCallbacks(content, block.contentStart)) {
      sink.add('requires-config', 'caller-callback', callback.start, callback.end, {
        actor: 'user',
      });
    }
  }
  // Code run into a paragraph (fenced blocks are blanked in `prose`): whose it is is left to the
  // sentence, like any prose fact.
  for (const callback of findCallerCallbacks(prose, 0, true)) {
    sink.add('requires-config', 'caller-callback', callback.start, callback.end);
  }
}
