// The names a piece of code binds to an imported module, so a call through them is named after
// the module (`calls:`, docs/security-profile.md): `const jwt = require('jsonwebtoken')` makes
// `jwt.decode(token)` the call `jsonwebtoken.decode(token)`, not a method of `require`. Read:
// CommonJS `require(<m>)` (also destructured: `const { decode } = require(<m>)`), ES imports
// (`import jwt from <m>`, `import * as jwt from <m>`, `import { decode as d } from <m>`) and
// Python's `from m import name [as alias]` (`<m>` stands for a quoted specifier). A specifier is
// named by its path segments joined with `.` (`lodash/merge` is `lodash.merge`, `node:crypto` is
// `crypto`, `@scope/x` is `scope.x`); one with a segment that is no identifier (`sanitize-html`,
// `./lib`) binds nothing.

import { forEachMatch } from './for-each-match.js';

const name = String.raw`[A-Za-z_$][\w$]{0,60}`;
const specifier = String.raw`(?<quote>['"])(?<module>[^'"\n]{1,120})\k<quote>`;
// `const jwt = require(<m>)`, `let jwt = await import(<m>)`.
const requiredDefault = new RegExp(
  String.raw`(?<![\w$.])(${name})[ \t]{0,8}=[ \t]{0,8}(?:await[ \t]+)?(?:require|import)\([ \t]{0,8}${specifier}[ \t]{0,8}\)`,
  'g',
);
// `const { decode, verify: check } = require(<m>)`.
const requiredNamed = new RegExp(
  String.raw`\{([^{}\n]{1,300})\}[ \t]{0,8}=[ \t]{0,8}require\([ \t]{0,8}${specifier}[ \t]{0,8}\)`,
  'g',
);
// `import jwt from <m>`, `import * as jwt from <m>`, `import jwt, { decode } from <m>`,
// `import { decode as d } from <m>`.
const esImport = new RegExp(
  String.raw`(?<![\w$.])import[ \t]+(?:(${name})[ \t]*,?[ \t]*)?(?:\*[ \t]*as[ \t]+(${name})[ \t]*)?(?:\{([^{}\n]{1,300})\}[ \t]*)?from[ \t]+${specifier}`,
  'g',
);
// Python's `from m.sub import a, b as c` (one line; parentheses allowed around the names).
const pythonFrom =
  /^[ \t]*from[ \t]+([A-Za-z_][\w.]{0,120})[ \t]+import[ \t]+\(?([^()\n#]{1,300})\)?/gm;
const identifier = /^[A-Za-z_$][\w$]*$/;

/** The dotted name of a module specifier, or null when a segment is no identifier. */
function moduleName(spec: string): string | null {
  const segments = spec
    .replace(/^node:/, '')
    .replace(/^@/, '')
    .split(/[/.]/);
  if (spec.startsWith('.') || !segments.every((segment) => identifier.test(segment))) return null;
  return segments.join('.');
}

/**
 * Adds `local -> module.imported` for each `imported as local` (or, in a destructuring,
 * `imported: local`) of a named-import list.
 */
function addNamed(bindings: Map<string, string>, list: string, module: string): void {
  for (const part of list.split(',')) {
    const words = part.replace(':', ' as ').trim().split(/\s+/);
    const [imported, as, alias] = words;
    if (imported === undefined || (words.length !== 1 && (words.length !== 3 || as !== 'as')))
      continue;
    const local = alias ?? imported;
    if (identifier.test(imported) && identifier.test(local))
      bindings.set(local, `${module}.${imported}`);
  }
}

/** Each name the code binds to a module (or a member of one), with the dotted name it stands for. */
export function findModuleBindings(code: string): Map<string, string> {
  const bindings = new Map<string, string>();
  if (!code.includes('require') && !code.includes('import')) return bindings;
  forEachMatch(requiredDefault, code, (match) => {
    const module = moduleName(match.groups!.module!);
    if (module !== null) bindings.set(match[1]!, module);
  });
  forEachMatch(requiredNamed, code, (match) => {
    const module = moduleName(match.groups!.module!);
    if (module !== null) addNamed(bindings, match[1]!, module);
  });
  forEachMatch(esImport, code, (match) => {
    const module = moduleName(match.groups!.module!);
    if (module === null) return;
    if (match[1] !== undefined) bindings.set(match[1], module);
    if (match[2] !== undefined) bindings.set(match[2], module);
    if (match[3] !== undefined) addNamed(bindings, match[3], module);
  });
  forEachMatch(pythonFrom, code, (match) => {
    addNamed(bindings, match[2]!, match[1]!);
  });
  return bindings;
}
