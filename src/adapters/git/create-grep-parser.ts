// Reads `git grep -n -z` output into hits as it streams, across chunk borders, stopping at a
// hit limit and cutting overlong lines.

import type { GrepHit } from '../../services/ports.js';

const maxHitTextLength = 2000;

export /** Turns `git grep -n -z` output (`rev:path\0line\0text\n`) into hits, across chunk borders. */
function createGrepParser(
  prefix: string,
  maxHits: number,
): { hits: GrepHit[]; push: (chunk: Buffer) => boolean; isFull: () => boolean } {
  const hits: GrepHit[] = [];
  let rest: Buffer = Buffer.alloc(0);
  const isFull = (): boolean => hits.length >= maxHits;
  function push(chunk: Buffer): boolean {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let offset = 0;
    while (!isFull()) {
      const pathEnd = buffer.indexOf(0, offset);
      const lineEnd = pathEnd === -1 ? -1 : buffer.indexOf(0, pathEnd + 1);
      const textEnd = lineEnd === -1 ? -1 : buffer.indexOf(10, lineEnd + 1);
      if (textEnd === -1) break;
      const qualified = buffer.toString('utf8', offset, pathEnd);
      const path = qualified.startsWith(prefix) ? qualified.slice(prefix.length) : qualified;
      const line = Number(buffer.toString('latin1', pathEnd + 1, lineEnd));
      const text = buffer.toString(
        'utf8',
        lineEnd + 1,
        Math.min(textEnd, lineEnd + 1 + maxHitTextLength * 4),
      );
      hits.push({
        path,
        line,
        text: text.length > maxHitTextLength ? text.slice(0, maxHitTextLength) : text,
      });
      offset = textEnd + 1;
    }
    rest = Buffer.from(buffer.subarray(offset));
    return !isFull();
  }
  return { hits, push, isFull };
}
