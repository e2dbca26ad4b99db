import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { findSamePanicSite } from './measure-duplicate-signals.js';
import { findPanicLocations } from '../report/find-panic-locations.js';

const pkg = (versions: string[]) => [{ ecosystem: 'crates.io', name: 'quickframe', versions }];

const panic = (location: string, message: string) =>
  `thread 'tokio-runtime-worker' panicked at ${location}:\n${message}`;

const original = doc('first', {
  title: 'Remote panic in the frame decoder on a short length prefix',
  text: `quickframe 2.4.0 decodes a frame whose length prefix is smaller than its header by subtracting the two, and the subtraction overflows. Any peer can send such a frame.\n\n${panic('src/codec/frame.rs:412:17', 'attempt to subtract with overflow')}\n   3: quickframe::codec::frame::Decoder::decode_head\n             at ./src/codec/frame.rs:412:17`,
  packages: pkg(['2.4.0']),
  paths: ['src/codec/frame.rs'],
  functions: ['Decoder::decode_head'],
});

const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Unbounded buffer growth on a stalled reader',
    text: 'quickframe 2.3.1 keeps buffering frames when the application stops reading.',
    packages: pkg(['2.3.1']),
  }),
  doc('bg-2', {
    title: 'Handshake accepts an empty protocol list',
    text: 'The handshake of quickframe 2.2.0 accepts an empty ALPN-like list and picks the first protocol.',
    packages: pkg(['2.2.0']),
  }),
];

function strongMatches(query: DuplicateDocument): string[] {
  return findStrongMatches([original, ...background], query);
}

describe('two reports that panic at the same place', () => {
  it('matches a second finder in another language that quotes the same panic location', () => {
    const german = doc('de', {
      title: 'Absturz beim Fuzzing von quickframe',
      text: `Mit cargo fuzz habe ich in quickframe 2.4.0 eine Eingabe von 12 Bytes gefunden, die den Prozess beendet, bevor unser Code läuft.\n\n    ${panic('src/codec/frame.rs:412:17', 'attempt to subtract with overflow')}\n    ==77== ERROR: libFuzzer: deadly signal`,
      packages: pkg(['2.4.0']),
    });
    expect(strongMatches(german)).toEqual(['first']);
  });

  it('does not match a panic at another line or column, or on another release', () => {
    const otherLine = doc('line', {
      title: 'Fuzzer crash in quickframe',
      text: `quickframe 2.4.0 panics on a 9-byte input.\n\n${panic('src/codec/frame.rs:377:9', 'index out of bounds: the len is 4 but the index is 4')}`,
      packages: pkg(['2.4.0']),
    });
    expect(strongMatches(otherLine)).toEqual([]);
    const otherRelease = doc('release', {
      title: 'Fuzzer crash in quickframe',
      text: `quickframe 2.2.0 panics on a 9-byte input.\n\n${panic('src/codec/frame.rs:412:17', 'attempt to subtract with overflow')}`,
      packages: pkg(['2.2.0']),
    });
    expect(strongMatches(otherRelease)).toEqual([]);
  });
});

describe('findSamePanicSite', () => {
  const at = (text: string) => findPanicLocations(text)[0] ?? null;
  const a = at("thread 'main' panicked at src/a/role.rs:998:22:");
  const registry = at(
    "thread 'main' panicked at /home/u/.cargo/registry/src/index.crates.io-1/x-1.0.0/src/a/role.rs:998:22:",
  );

  it('names the site when file name, line and column agree on one release', () => {
    expect(findSamePanicSite(a, registry, true)).toBe('role.rs:998:22');
    expect(findSamePanicSite(a, registry, false)).toBeNull();
    expect(
      findSamePanicSite(a, at("thread 'main' panicked at src/a/role.rs:998:23:"), true),
    ).toBeNull();
    expect(findSamePanicSite(a, null, true)).toBeNull();
  });
});
