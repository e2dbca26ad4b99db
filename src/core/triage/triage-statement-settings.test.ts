import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../../test/support/build-fact.js';
import { parseReportText } from '../report/parse-report.js';
import { triageReport } from './triage-report.js';

// An exclusion about settings names them in its statement, in the project's words; a report whose
// code makes exactly that choice falls under it (docs/verdicts.md, "The caller's own choices").
const profile = buildProfile({
  inScope: [
    {
      id: 'IN-PARSER',
      statement: 'A request body makes the parser misbehave.',
      when: { components: ['http-parser'] },
    },
  ],
  outOfScope: [
    {
      id: 'OOS-APP-SETTINGS',
      statement:
        "The attack needs a setting the application chose: a protection switched off, such as onProtoPoisoning 'ignore', or allowUnknownKeys turned on",
      when: { requiresConfig: ['non-default'] },
    },
    {
      id: 'OOS-ESCAPING-OFF',
      statement:
        'The application switched escaping off (autoescape=False, or no select_autoescape) and renders untrusted values',
      when: { requiresConfig: ['non-default'] },
    },
  ],
});

function triage(code: string) {
  const report = parseReportText(
    'report.md',
    [
      '# Prototype pollution through a JSON body',
      '',
      'Affected version: 4.2.0. A JSON body with a `__proto__` key reaches `src/http/json.c`.',
      '',
      '## Steps to reproduce',
      '',
      '```js',
      code,
      '```',
      '',
      'Then POST `{"__proto__": {"admin": true}}` to /items.',
      '',
      '## Impact',
      '',
      'Every object in the process gains `admin`, so authorisation checks pass for any user.',
    ].join('\n'),
  );
  if (!report.ok) throw new Error('the test report does not parse');
  return triageReport(report.value[0]!, profile);
}

describe('settings an exclusion’s statement names', () => {
  it('reads the value the statement names for a setting as that exclusion', () => {
    const result = triage("const app = createServer({ onProtoPoisoning: 'ignore' });");
    expect(result.verdict).toBe('out-of-scope');
    expect(result.rules).toEqual(['OOS-APP-SETTINGS']);
  });

  it('reads a statement-named switch turned on', () => {
    const result = triage('const app = createServer({ allowUnknownKeys: true });');
    expect(result.verdict).toBe('out-of-scope');
    expect(result.rules).toEqual(['OOS-APP-SETTINGS']);
  });

  it('leaves the setting at another value alone: the default is no exclusion', () => {
    const result = triage("const app = createServer({ onProtoPoisoning: 'error' });");
    expect(result.verdict).not.toBe('out-of-scope');
  });

  it('reads no setting from a name the statement says the application left out', () => {
    const result = triage("env = Environment(autoescape=select_autoescape(['html']))");
    expect(result.verdict).not.toBe('out-of-scope');
  });
});
