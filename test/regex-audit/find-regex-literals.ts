// Finds every regular-expression literal in the product's source, with its file and line, for the
// ReDoS audit (test/regex-audit.test.ts and scripts/audit-regexes.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexLiteral {
  file: string;
  line: number;
  pattern: string;
  flags: string;
}

function listSourceFiles(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) listSourceFiles(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

export function findRegexLiterals(root: string): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  for (const path of listSourceFiles(join(root, 'src'))) {
    const source = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        found.push({
          file: relative(root, path),
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          pattern: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The ledger key of a literal: the file and the exact pattern (line numbers move). */
export function keyOf(literal: RegexLiteral): string {
  return `${literal.file} /${literal.pattern}/${literal.flags}`;
}

export type LedgerEntry =
  /** recheck proved it linear. */
  | { status: 'safe' }
  /** Super-linear in theory, but each run reads a bounded amount of text (the reason says why). */
  | { status: 'bounded'; reason: string }
  /** recheck could not decide in time; read by a person, who wrote down why it is linear. */
  | { status: 'reviewed'; reason: string };

export interface Ledger {
  version: 1;
  entries: Record<string, LedgerEntry>;
}
