// Some names a report cites are not the project's code but the data the report's own setup feeds
// it: a bare configuration file (`config.json`, `log4j2.xml`) is the user's file, and a key of the
// report's own configuration block (`hostPath:` in a Kubernetes manifest) belongs to whatever
// reads that document. When the repository holds neither, their absence proves nothing, so they
// are not counted as invented.

import type { CheckedClaim } from '../model/evidence.js';
import { markUnverifiable } from './mark-unverifiable.js';
import { findCodeBlocks } from '../report/find-code-blocks.js';

// A file name with no folder and the extension of a configuration or data document.
const bareDataFileName = /^[\w.-]{1,80}\.(?:json|ya?ml|xml|toml|ini|conf|cfg|properties|env)$/i;

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
 * Re-reads as unverifiable each contradicted claim that names the report's own data: a bare
 * configuration or data file name the repository never had, or a name that is a key of one of
 * the report's configuration blocks and that the repository never mentions.
 */
export function judgeReportDataNames(
  checked: readonly CheckedClaim[],
  body: string,
): CheckedClaim[] {
  let keys: Set<string> | null = null;
  return checked.map((entry) => {
    if (entry.status !== 'contradicted') return entry;
    const { claim } = entry;
    if (claim.kind === 'file' && bareDataFileName.test(claim.path ?? claim.text)) {
      return markUnverifiable(
        entry,
        `${claim.text} is a configuration or data file named without a folder: the user's own file, which the program reads, not a file the repository must hold`,
      );
    }
    if (claim.kind !== 'symbol') return entry;
    keys ??= findDataBlockKeys(body);
    const name = claim.symbol ?? claim.text;
    if (!keys.has(name)) return entry;
    return markUnverifiable(
      entry,
      `${name} is a key of the report's own configuration block, named by whatever reads that document, not a name the code must define`,
    );
  });
}
