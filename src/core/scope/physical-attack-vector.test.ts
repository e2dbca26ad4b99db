import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { buildTestReport } from '../report/build-test-report.js';
import { extractFacts } from '../report/extract-facts.js';
import { evaluateScope } from './evaluate-scope.js';

// A profile that trusts the hardware: attacks needing hands on the device are out of scope, and
// so is an attacker who already controls the local file system.
const base = buildProfile();
const profile = buildProfile({
  outOfScope: [
    ...base.threatModel.outOfScope,
    {
      id: 'OOS-PHYSICAL',
      statement: 'Attacks that need physical access to the device are out of scope',
      when: { attackVector: ['physical'] },
    },
    {
      id: 'OOS-LOCAL-FS',
      statement: 'The local file system is trusted',
      when: { attackerControls: ['local-file-system'] },
    },
  ],
});

function excludedBy(body: string): string[] {
  const facts = extractFacts(buildTestReport(body));
  return evaluateScope(profile, facts).outOfScope.map((match) => match.ruleId);
}

describe('physical attacks described in words', () => {
  it('applies the physical exclusion to a glitching or probing attack that never says "physical"', () => {
    expect(
      excludedBy(
        'A remote attacker cannot do this: after opening the device case we put a probe on the SPI bus ' +
          'and a voltage glitch during the signature check skips it.',
      ),
    ).toContain('OOS-PHYSICAL');
    expect(
      excludedBy(
        'The key leaks through power analysis: a shunt resistor in the supply line suffices.',
      ),
    ).toContain('OOS-PHYSICAL');
  });

  it('applies it on a CVSS vector with AV:P alone', () => {
    expect(
      excludedBy(
        'CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N\n\nThe key comparison is not constant time.',
      ),
    ).toContain('OOS-PHYSICAL');
  });

  it('does not apply it to a network attack or software fault injection', () => {
    expect(
      excludedBy(
        'A remote attacker sends a crafted packet; our allocation fault injection in the fuzzer found it.',
      ),
    ).not.toContain('OOS-PHYSICAL');
  });
});

describe('another local account and a shared folder', () => {
  it('reads a shared /tmp folder another local user can change as control of the local file system', () => {
    expect(
      excludedBy(
        'The tool extracts into a shared /tmp directory; another local user on the same machine can swap the files.',
      ),
    ).toContain('OOS-LOCAL-FS');
  });

  it('does not read a private output folder as the local file system', () => {
    expect(
      excludedBy(
        'The tool extracts into the output directory the caller names, then parses the header.',
      ),
    ).not.toContain('OOS-LOCAL-FS');
  });
});
