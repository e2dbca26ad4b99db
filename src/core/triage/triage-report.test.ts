import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { parseReportText } from '../report/parse-report.js';
import type { ScopeRule } from '../model/security-profile.js';
import { triageReport } from './triage-report.js';

// For each thing an attacker can be said to control: the words as a reproduction step (the
// reporter's own action) and as a stated precondition of the attack.
const controls: ReadonlyArray<{ value: string; step: string; attackerClause: string }> = [
  {
    value: 'environment',
    step: 'Run `LD_PRELOAD=./hook.so tinyhttpd` to trace the allocations.',
    attackerClause: 'an attacker who can set LD_PRELOAD for the server process',
  },
  {
    value: 'config-file',
    step: 'Edit the server.conf file to listen on port 8080, then start the server.',
    attackerClause: 'an attacker who can edit the server.conf file',
  },
  {
    value: 'command-line',
    step: 'Start the server passing `--config big.conf` and `--verbose`.',
    attackerClause: 'an attacker who controls the command-line arguments',
  },
  {
    value: 'file-content',
    step: 'Open a crafted file with the bundled viewer to confirm the parse.',
    attackerClause: 'an attacker who supplies a crafted file',
  },
  {
    value: 'local-file-system',
    step: 'Create a symlink from /tmp/www to the document root.',
    attackerClause: 'an attacker who can create a symlink in the document root',
  },
];

function profileExcluding(value: string) {
  const outOfScope: ScopeRule[] = [
    {
      id: 'OOS-CONTROL',
      statement: `The attacker already controls the ${value}.`,
      when: { attackerControls: [value] },
    },
  ];
  return buildProfile({
    inScope: [
      { id: 'IN-NET', statement: 'Remote attackers.', when: { attackVector: ['network'] } },
    ],
    outOfScope,
  });
}

function reportWith(precondition: string, step: string) {
  const parsed = parseReportText(
    'report.md',
    [
      '# Heap overflow in the chunked request parser',
      '',
      `Affected version: 2.4.1. ${precondition} The overflow is in \`src/http/chunked.c\`.`,
      '',
      '## Steps to reproduce',
      '',
      `1. ${step}`,
      "2. Send `printf 'ffffffff\\r\\n' | nc localhost 8080`.",
      '3. The server crashes with a heap-buffer-overflow.',
      '',
      '## Impact',
      '',
      'Heap buffer overflow reachable over the network.',
    ].join('\n'),
  );
  if (!parsed.ok) throw new Error('the test report does not parse');
  return parsed.value[0]!;
}

describe('triageReport: whose action a precondition is', () => {
  it.each(controls)(
    'never puts a report out of scope on the reporter’s own steps alone ($value)',
    ({ value, step }) => {
      const result = triageReport(
        reportWith('A remote attacker sends a crafted chunked request.', step),
        profileExcluding(value),
      );
      // The step is read, and read as the reporter's: the test would fail if it were the attacker's.
      const stated = result.facts.filter(
        (fact) => fact.kind === 'attacker-controls' && fact.value.toLowerCase() === value,
      );
      expect(stated.length).toBeGreaterThan(0);
      expect(stated.every((fact) => fact.actor === 'reporter')).toBe(true);
      expect(result.verdict).not.toBe('out-of-scope');
      const excluding = result.ruleMatches.find((match) => match.ruleId === 'OOS-CONTROL');
      expect(excluding?.strength ?? 'none').not.toBe('strong');
    },
  );

  it.each(controls)(
    'puts it out of scope when the report states the precondition of the attack ($value)',
    ({ value, step, attackerClause }) => {
      const result = triageReport(
        reportWith(`The attack requires ${attackerClause}.`, step),
        profileExcluding(value),
      );
      const excluding = result.ruleMatches.find((match) => match.ruleId === 'OOS-CONTROL');
      expect(excluding?.strength).toBe('strong');
      expect(excluding?.evidence.flatMap((evidence) => evidence.facts)[0]?.actor).toBe('attacker');
    },
  );
});
