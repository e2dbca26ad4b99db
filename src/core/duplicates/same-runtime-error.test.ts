// Rule 3k for JavaScript and Python: two reports quoting one exception with a distinctive
// property name (`Cannot read properties of undefined (reading 'handlesUpgrades')`) on one
// version are one bug, in any language and without a file or function in the second.
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';

const pkg = (versions: string[]) => [{ ecosystem: 'npm', name: 'wirebus', versions }];

const original = doc('first', {
  title: 'wirebus server crashes on an upgrade naming an unknown transport',
  text: "Version 6.4.1. onWebSocket() reads transports[name].handlesUpgrades for a name the server does not know and the process exits:\n\nTypeError: Cannot read properties of undefined (reading 'handlesUpgrades')\n    at Server.onWebSocket (/opt/app/node_modules/wirebus/build/server.js:515:67)",
  packages: pkg(['6.4.1']),
  paths: ['lib/server.ts'],
  functions: ['onWebSocket'],
});

const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Uncaught ECONNRESET during the upgrade',
    text: 'wirebus 6.2.0 leaves an error event without a listener on the raw socket: Error: read ECONNRESET.',
    packages: pkg(['6.2.0']),
  }),
  doc('bg-2', {
    title: 'Placeholder index crashes the decoder',
    text: 'wirebus 6.4.1 puts a function into the event arguments: TypeError: Cannot convert object to primitive value.',
    packages: pkg(['6.4.1']),
  }),
];

function strongMatches(query: DuplicateDocument): string[] {
  return findStrongMatches([original, ...background], query);
}

describe('two reports that quote the same runtime error', () => {
  it('matches a second finder in Spanish that quotes the same exception on the same version', () => {
    const spanish = doc('es', {
      title: 'Caída del servidor con una petición de upgrade manipulada',
      text: "En nuestro servidor (wirebus 6.4.1) un cliente anónimo tumba el proceso: el servidor lanza `TypeError: Cannot read properties of undefined (reading 'handlesUpgrades')` y nadie captura la excepción.",
      packages: pkg(['6.4.1']),
    });
    expect(strongMatches(spanish)).toEqual(['first']);
  });

  it('does not match the same exception on another release, or a common property name', () => {
    const otherRelease = doc('release', {
      title: 'Caída del servidor',
      text: "wirebus 6.2.0: TypeError: Cannot read properties of undefined (reading 'handlesUpgrades')",
      packages: pkg(['6.2.0']),
    });
    expect(strongMatches(otherRelease)).toEqual([]);
    const common = doc('common', {
      title: 'Caída del servidor',
      text: "wirebus 6.4.1: TypeError: Cannot read properties of undefined (reading 'length')",
      packages: pkg(['6.4.1']),
    });
    expect(strongMatches(common)).toEqual([]);
  });
});
