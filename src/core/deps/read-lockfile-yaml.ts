// Reads a YAML lockfile defensively (bounded nesting, no alias bombs, errors as positioned
// issues) into plain data, with the line of each key of one top-level mapping.

import { Composer, LineCounter, Parser, isMap, isScalar } from 'yaml';
import type { CST } from 'yaml';
import type { ParseIssue, ParseResult } from '../model/parse-result.js';

// Lockfiles nest four or five levels; the limit keeps yaml's recursive composer far from the stack.
const maxDepth = 32;
const maxAliasCount = 100;

export interface LockfileYaml {
  data: unknown;
  /** Line of each key of the top-level mapping `section` (of the document itself when null). */
  keyLines: Map<string, number>;
}

function findTooDeepOffset(tokens: CST.Token[]): number | undefined {
  const pending = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > maxDepth) return next.token.offset;
    const token = next.token;
    const children =
      token.type === 'document'
        ? [token.value]
        : token.type === 'block-map' ||
            token.type === 'block-seq' ||
            token.type === 'flow-collection'
          ? token.items.flatMap((item) => [item.key, item.value])
          : [];
    for (const child of children) if (child) pending.push({ token: child, depth: next.depth + 1 });
  }
  return undefined;
}

export function readLockfileYaml(text: string, section: string | null): ParseResult<LockfileYaml> {
  const lineCounter = new LineCounter();
  const where = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  try {
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const tooDeep = findTooDeepOffset(tokens);
    if (tooDeep !== undefined)
      return {
        ok: false,
        issues: [{ message: `YAML nested deeper than ${maxDepth} levels`, ...where(tooDeep) }],
      };
    const composer = new Composer({ uniqueKeys: false, merge: false, logLevel: 'error' });
    const [document] = Array.from(composer.compose(tokens, true, text.length));
    if (document === undefined) return { ok: false, issues: [{ message: 'empty YAML document' }] };
    if (document.errors.length > 0) {
      const issues: ParseIssue[] = document.errors.slice(0, 20).map((error) => ({
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
        ...where(error.pos[0]),
      }));
      return { ok: false, issues };
    }
    const keyLines = new Map<string, number>();
    const root = document.contents;
    const sectionNode = section === null ? root : isMap(root) ? root.get(section, true) : null;
    if (isMap(sectionNode)) {
      for (const item of sectionNode.items) {
        if (isScalar(item.key) && item.key.range)
          keyLines.set(String(item.key.value), where(item.key.range[0]).line);
      }
    }
    return { ok: true, value: { data: document.toJS({ maxAliasCount }) as unknown, keyLines } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ message: `cannot read the YAML: ${reason}` }] };
  }
}
