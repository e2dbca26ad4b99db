import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CheckedClaim } from '../model/evidence.js';
import { judgeReportDataNames } from './judge-report-data-names.js';

const checkedClaim = (
  kind: CheckedClaim['claim']['kind'],
  status: CheckedClaim['status'],
  text: string,
  extra: Partial<CheckedClaim['claim']> = {},
): CheckedClaim => ({
  claim: { kind, text, span: { start: 0, end: text.length, line: 1 }, ...extra },
  status,
  proof: { summary: `${text} does not exist` },
});

const manifest = [
  'A user may declare a `hostPath` volume and read the node:',
  '',
  '```yaml',
  'apiVersion: v1',
  'kind: Pod',
  'spec:',
  '  volumes:',
  '    - name: h',
  '      hostPath: { path: / }',
  '```',
  '',
].join('\n');

describe('judgeReportDataNames', () => {
  it("reads a key of the report's own configuration block as that document's", () => {
    const [key, invented] = judgeReportDataNames(
      [
        checkedClaim('symbol', 'contradicted', 'hostPath', { symbol: 'hostPath' }),
        checkedClaim('symbol', 'contradicted', 'mountHostPath', { symbol: 'mountHostPath' }),
      ],
      manifest,
    );
    expect(key!.status).toBe('unverifiable');
    expect(key!.proof.summary).toContain("a key of the report's own configuration block");
    expect(invented!.status).toBe('contradicted');
  });

  it('reads no keys from a block of code, and leaves verified claims alone', () => {
    const code = '```c\nstatic int hostPath(void) {\n  label: return 0;\n}\n```\n';
    const verified = checkedClaim('symbol', 'verified', 'hostPath', { symbol: 'hostPath' });
    const judged = judgeReportDataNames(
      [checkedClaim('symbol', 'contradicted', 'label', { symbol: 'label' }), verified],
      code,
    );
    expect(judged[0]!.status).toBe('contradicted');
    expect(judged[1]).toBe(verified);
  });

  it('never throws and never turns a claim into anything but unverifiable', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 30 }), (body, name) => {
        const judged = judgeReportDataNames(
          [checkedClaim('symbol', 'contradicted', name, { symbol: name })],
          body,
        );
        expect(['contradicted', 'unverifiable']).toContain(judged[0]!.status);
      }),
    );
  });
});
