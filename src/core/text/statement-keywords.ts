// Words of C, JavaScript, Python and their kin that open a statement, define something or apply
// an operator. Written before `(` (`if (x)`, `sizeof(buf)`, `for (const k in obj)`) they call
// nothing: neither a call of the caller's code nor a function the report names.

export const statementKeywords: ReadonlySet<string> = new Set([
  'if',
  'elif',
  'while',
  'for',
  'return',
  'switch',
  'catch',
  'with',
  'and',
  'or',
  'not',
  'in',
  'is',
  'lambda',
  'assert',
  'yield',
  'await',
  'typeof',
  'sizeof',
  'function',
  'def',
  'class',
]);
