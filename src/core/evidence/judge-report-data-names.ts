// Some names a report cites are not the project's code but the data the report's own setup feeds
// it: a key of the report's own configuration block (`hostPath:` in a Kubernetes manifest) belongs
// to whatever reads that document. When the repository never mentions it, its absence proves
// nothing, so it is not counted as invented. (A bare configuration file, `config.json`, is judged
// where every missing path is: `judgeMissingPath`.)

import type { CheckedClaim } from '../model/evidence.js';
import { markUnverifiable } from './mark-unverifiable.js';
import { findCodeBlocks } from '../report/find-code-blocks.js';

// `hostPath: { path: / }`, `- hostPath:`, `"hooks": [`: a key at the start of a line of a block.
const blockKey = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w.-]{0,60})["']?[ \t]*:(?:[ \t]|$)/gm;

// Blocks written as data (YAML, JSON, TOML, INI, XML), by their info string or, without one, by
// their first line (`apiVersion: v1`, `{`, `[section]`).
const dataInfo = /^(?:ya?ml|json|jsonc|json5|toml|ini|cfg|conf|properties|xml)$/i;
const dataFirstLine = /^[ \t]*(?:[{[]|[A-Za-z_][\w.-]{0,60}:(?:[ \t]|$)|---[ \t]*$)/;

/** The keys of the report's configuration and data blocks (`hostPath`, `hooks`). */
function findDataBlockKeys(body: string): Set<string> {
  const keys = new Set<string>();
  for (const block of findCodeBlocks(body)) {
    const content = body.slice(block.contentStart, block.contentEnd);
    const firstLine = content.slice(0, content.indexOf('\n') + 1 || content.length);
    if (!dataInfo.test(block.info) && !(block.info === '' && dataFirstLine.test(firstLine)))
      continue;
    for (const match of content.matchAll(blockKey)) if (match[1]) keys.add(match[1]);
  }
  return keys;
}

/**
 * Re-reads as unverifiable each contradicted name that is a key of one of the report's
 * configuration blocks and that the repository never mentions.
 */
export function judgeReportDataNames(
  checked: readonly CheckedClaim[],
  body: string,
): CheckedClaim[] {
  let keys: Set<string> | null = null;
  return checked.map((entry) => {
    const { claim } = entry;
    if (entry.status !== 'contradicted' || claim.kind !== 'symbol') return entry;
    keys ??= findDataBlockKeys(body);
    const name = claim.symbol ?? claim.text;
    if (!keys.has(name)) return entry;
    return markUnverifiable(
      entry,
      `${name} is a key of the report's own configuration block, named by whatever reads that document, not a name the code must define`,
    );
  });
}
