// Rule 3n: a second finder who names no code location of their own, in other words or another
// language, is matched by the technical tokens no one rephrases (protocol constants, settings,
// flags, endpoints, crafted literals) when nearly all of theirs are the first report's.
import { describe, expect, it } from 'vitest';
import type { DuplicateDocument } from '../model/duplicate.js';
import { buildTestDuplicateDocument as doc } from '../../../test/support/build-test-duplicate-document.js';
import { findStrongMatches } from '../../../test/support/find-strong-matches.js';
import { createDuplicateIndex } from './create-duplicate-index.js';

const pkg = (versions: string[]) => [{ ecosystem: '', name: 'ravendns', versions }];

const original = doc('first', {
  title: 'Zone digest skipped for an unknown hash algorithm in permissive mode',
  text: [
    'In ravendns 1.8.2 `zonemd_verify()` in src/validator/zonemd.c accepts a zone whose ZONEMD',
    'record uses ZONEMD_SCHEME_SIMPLE with an unknown hash algorithm as if the digest matched,',
    'even when `zonemd_permissive_mode` is set to no. A secondary that transfers the zone from',
    'a hostile primary then serves altered records. Reproduce with a zone signed by the attached',
    'script and `ravendns-control zonemd-check example.test`: the check prints "verified".',
  ].join('\n'),
  packages: pkg(['1.8.2']),
  paths: ['src/validator/zonemd.c'],
  functions: ['zonemd_verify'],
});

const background: DuplicateDocument[] = [
  doc('bg-1', {
    title: 'Crash when the control socket is closed early',
    text: 'ravendns 1.8.1 aborts when a control client disconnects before the reply is written.',
    packages: pkg(['1.8.1']),
  }),
  doc('bg-2', {
    title: 'Cache poisoning through an out-of-zone glue record',
    text: 'Glue for names outside the zone is cached by ravendns 1.7.0 and answered later.',
    packages: pkg(['1.7.0']),
  }),
];

function strongMatches(query: DuplicateDocument): string[] {
  return findStrongMatches([original, ...background], query);
}

describe('a second finder naming the first report technical tokens (rule 3n)', () => {
  it('matches a Spanish second finder who names the setting and the constant, and no code', () => {
    const spanish = doc('es', {
      title: 'La zona se acepta sin comprobar el resumen',
      text: [
        'Hola, con ravendns 1.8.2 y zonemd_permissive_mode en no, una zona cuyo registro usa',
        'ZONEMD_SCHEME_SIMPLE con un algoritmo desconocido se acepta como verificada. Un primario',
        'malicioso puede cambiar los registros de la zona que el secundario sirve. Saludos.',
      ].join(' '),
      packages: pkg(['1.8.2']),
    });
    expect(strongMatches(spanish)).toEqual(['first']);
    const [match] = (() => {
      const index = createDuplicateIndex();
      for (const document of [original, ...background]) index.add(document);
      return index.query(spanish, { limit: 1 });
    })();
    expect(match?.evidence).toContain(
      'a second finder in other words: the same technical names and payload (zonemd_scheme_simple, zonemd_permissive_mode) on version 1.8.2',
    );
  });

  it('does not match a report of another bug in the component that names tokens of its own', () => {
    const otherBug = doc('other', {
      title: 'Large digest answer truncated',
      text: [
        'With ravendns 1.8.2, zonemd_permissive_mode set to no and ZONEMD_SCHEME_SIMPLE, a digest',
        'longer than zonemd_max_digest_len is cut at ZONEMD_BUFFER_SIZE and the zone_transfer_timeout',
        'expires while the secondary retries: the zone is served stale.',
      ].join(' '),
      packages: pkg(['1.8.2']),
    });
    expect(strongMatches(otherBug)).toEqual([]);
  });

  it('does not match a second finder who sends another crafted payload', () => {
    const first = doc('redirect', {
      title: 'Open redirect after sign-in',
      text: 'ravendns-web 2.0.1 redirects to /login/next?to=/%2F/evil.example after sign-in, in web/redirect.go `checkRedirect()`, with `allow_external_redirects` off.',
      packages: pkg(['2.0.1']),
      paths: ['web/redirect.go'],
      functions: ['checkRedirect'],
    });
    const sameShape = doc('same', {
      title: 'Users land on a foreign domain',
      text: 'On 2.0.1 with allow_external_redirects off, /login/next?to=/%2F/phish.example ends on phish.example after signing in.',
      packages: pkg(['2.0.1']),
    });
    const otherPayload = doc('payload', {
      title: 'Users land on a foreign domain',
      text: 'On 2.0.1 with allow_external_redirects off, /login/next?to=/%23/phish.example ends on phish.example after signing in.',
      packages: pkg(['2.0.1']),
    });
    expect(findStrongMatches([first, ...background], sameShape)).toEqual(['redirect']);
    expect(findStrongMatches([first, ...background], otherPayload)).toEqual([]);
  });

  it('does not match a second finder who turns on a setting the first report never names', () => {
    const text = (setting: string) =>
      `Hola, con ravendns 1.8.2, zonemd_permissive_mode en no${setting}, una zona cuyo registro usa ZONEMD_SCHEME_SIMPLE con un algoritmo desconocido se acepta como verificada.`;
    const sameSetting = doc('same-setting', {
      title: 'La zona se acepta sin comprobar el resumen',
      text: text(''),
      packages: pkg(['1.8.2']),
    });
    const ownSetting = doc('own-setting', {
      title: 'La zona se acepta sin comprobar el resumen',
      text: text(' y `zonemd_child_zones: true`'),
      packages: pkg(['1.8.2']),
    });
    expect(strongMatches(sameSetting)).toEqual(['first']);
    expect(strongMatches(ownSetting)).toEqual([]);
  });

  it('reads a constructor of a type the first report names and a dependency folder as no place', () => {
    const first = doc('auth', {
      title: 'Authentication attempts are never limited',
      text: 'In ravenssh 0.9.1 `server::Config::max_auth_attempts` is never compared: `reject_auth_request()` only counts rejections, so a client sends USERAUTH_REQUEST after USERAUTH_REQUEST on one connection.',
      packages: pkg(['0.9.1']),
      paths: ['src/server/encrypted.rs'],
      functions: ['reject_auth_request'],
    });
    const secondFinder = doc('finder', {
      title: 'Unlimited passwords per connection',
      text: 'Start ravenssh 0.9.1 with `Config::default()` (loaded through vendor/autoload.php in our harness): max_auth_attempts is ignored and USERAUTH_REQUEST is answered forever.',
      packages: pkg(['0.9.1']),
      paths: ['vendor/autoload.php'],
      functions: ['Config::default'],
    });
    expect(findStrongMatches([first, ...background], secondFinder)).toEqual(['auth']);
  });

  it('leaves two reports that each point at their own code to the rules that read code', () => {
    const located = doc('located', {
      title: 'Incremental transfer applies changes first',
      text: 'ravendns 1.8.2 with zonemd_permissive_mode no and ZONEMD_SCHEME_SIMPLE: src/xfr/ixfr.c `ixfr_apply()` applies the zone before any check.',
      packages: pkg(['1.8.2']),
      paths: ['src/xfr/ixfr.c'],
      functions: ['ixfr_apply'],
    });
    expect(strongMatches(located)).toEqual([]);
  });

  it('does not match on another version', () => {
    const otherVersion = doc('old', {
      title: 'La zona se acepta sin comprobar el resumen',
      text: 'Con ravendns 1.6.0 y zonemd_permissive_mode en no, una zona con ZONEMD_SCHEME_SIMPLE y un algoritmo desconocido se acepta.',
      packages: pkg(['1.6.0']),
    });
    expect(strongMatches(otherVersion)).toEqual([]);
  });
});
