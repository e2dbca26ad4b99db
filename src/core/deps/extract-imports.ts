// Finds the modules one source line imports: `import`/`export ... from`, `require()` and
// `import()` in JavaScript and TypeScript; `import a.b` and `from a import b` in Python.

/** Lines longer than this are cut before scanning: no real import line is this long. */
const maxLineLength = 4096;

const jsPatterns = [
  /\bfrom\s*['"]([^'"\n]{1,214})['"]/g,
  /^\s*import\s*['"]([^'"\n]{1,214})['"]/g,
  /\brequire(?:\.resolve)?\s*\(\s*['"]([^'"\n]{1,214})['"]\s*\)/g,
  /\bimport\s*\(\s*['"]([^'"\n]{1,214})['"]\s*\)/g,
];

export type SourceLanguage = 'javascript' | 'python';

export function detectSourceLanguage(path: string): SourceLanguage | null {
  if (/\.(?:[cm]?[jt]sx?)$/i.test(path)) return 'javascript';
  if (/\.pyi?$/i.test(path)) return 'python';
  return null;
}

export function extractJsImports(line: string): string[] {
  const text = line.slice(0, maxLineLength);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('//') || trimmed.startsWith('*')) return [];
  const found: string[] = [];
  for (const pattern of jsPatterns) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return [...new Set(found)];
}

export function extractPythonImports(line: string): string[] {
  const text = line.slice(0, maxLineLength).trim();
  const from = /^from\s+([A-Za-z0-9_.]+)\s+import\b/.exec(text);
  if (from) return [from[1]!];
  if (!text.startsWith('import ')) return [];
  return text
    .slice('import '.length)
    .split(';')[0]!
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((module) => /^[A-Za-z_][A-Za-z0-9_.]*$/.test(module));
}
