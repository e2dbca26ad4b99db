import { describe, expect, it } from 'vitest';
import type { ParseIssue } from '../core/model/parse-result.js';
import type { SecurityProfile } from '../core/model/security-profile.js';
import { parseSecurityProfile } from './parse-security-profile.js';
import { measureWork } from '../../test/support/measure-work.js';

const exampleProfile = `version: 1
project: { name: tinyhttpd, repository: https://example.org/tinyhttpd.git }
policy:
  contact: [{ type: email, address: security@example.org }]
  response: { acknowledge-days: 3, triage-days: 14, disclosure-days: 90 }
  supported-versions: [">=2.0.0"]
report-requirements:
  required: [affected-version, affected-component, reproduction, impact]
  recommended: [proposed-patch, test-case]
  ai-disclosure: required
threat-model:
  components:
    - { id: http-parser, paths: ["src/http/**"], input: untrusted }
    - { id: admin-cli, paths: ["tools/**"], input: trusted }
  in-scope:
    - { id: IN-NET, statement: "Remote input reaches the HTTP parser", when: { attack-vector: [network], components: [http-parser] } }
  out-of-scope:
    - id: OOS-PRIV
      statement: The attacker already has root or administrator privileges
      when: { privileges-required: [high] }
      disposition: not-a-vulnerability
    - { id: OOS-DEBUG, statement: "Needs the debug build", when: { requires-config: [debug] } }
    - { id: OOS-TEST, statement: "Only tests or examples", when: { paths-only: ["test/**", "examples/**"] } }
    - { id: OOS-ENV, statement: "The attacker controls the environment", when: { attacker-controls: [environment, config-file, command-line] } }
    - { id: OOS-UNSUPPORTED, statement: "Unsupported versions", when: { versions: unsupported } }
    - { id: OOS-DOS-SMALL, statement: "Bounded resource use", when: { impact: [bounded-resource-consumption] }, disposition: regular-bug }
`;

const expectedModel: SecurityProfile = {
  version: 1,
  project: { name: 'tinyhttpd', repository: 'https://example.org/tinyhttpd.git' },
  policy: {
    contact: [{ type: 'email', address: 'security@example.org' }],
    response: { acknowledgeDays: 3, triageDays: 14, disclosureDays: 90 },
    supportedVersions: ['>=2.0.0'],
  },
  reportRequirements: {
    required: ['affected-version', 'affected-component', 'reproduction', 'impact'],
    recommended: ['proposed-patch', 'test-case'],
    aiDisclosure: 'required',
  },
  threatModel: {
    components: [
      { id: 'http-parser', paths: ['src/http/**'], input: 'untrusted' },
      { id: 'admin-cli', paths: ['tools/**'], input: 'trusted' },
    ],
    inScope: [
      {
        id: 'IN-NET',
        statement: 'Remote input reaches the HTTP parser',
        when: { attackVector: ['network'], components: ['http-parser'] },
      },
    ],
    outOfScope: [
      {
        id: 'OOS-PRIV',
        statement: 'The attacker already has root or administrator privileges',
        when: { privilegesRequired: ['high'] },
        disposition: 'not-a-vulnerability',
      },
      {
        id: 'OOS-DEBUG',
        statement: 'Needs the debug build',
        when: { requiresConfig: ['debug'] },
        disposition: 'not-a-vulnerability',
      },
      {
        id: 'OOS-TEST',
        statement: 'Only tests or examples',
        when: { pathsOnly: ['test/**', 'examples/**'] },
        disposition: 'not-a-vulnerability',
      },
      {
        id: 'OOS-ENV',
        statement: 'The attacker controls the environment',
        when: { attackerControls: ['environment', 'config-file', 'command-line'] },
        disposition: 'not-a-vulnerability',
      },
      {
        id: 'OOS-UNSUPPORTED',
        statement: 'Unsupported versions',
        when: { versions: 'unsupported' },
        disposition: 'not-a-vulnerability',
      },
      {
        id: 'OOS-DOS-SMALL',
        statement: 'Bounded resource use',
        when: { impact: ['bounded-resource-consumption'] },
        disposition: 'regular-bug',
      },
    ],
  },
};

const minimalProfile = `version: 1
project: { name: demo }
policy:
  contact: [{ type: github-pvr }]
`;

function issuesOf(text: string): ParseIssue[] {
  const result = parseSecurityProfile(text);
  if (result.ok) throw new Error('expected the profile to be rejected');
  return result.issues;
}

/** Where `needle` first occurs in `text` at or after `after`, as a 1-based line and column. */
function placeOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, Math.max(0, text.indexOf(after)));
  if (offset === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** A minimal profile with `threatModel` appended as its `threat-model` section (lines 5 on). */
function withThreatModel(threatModel: string): string {
  return `${minimalProfile}threat-model:\n${threatModel}`;
}

describe('parseSecurityProfile', () => {
  it('maps the documented example to the camelCase model', () => {
    expect(parseSecurityProfile(exampleProfile)).toStrictEqual({ ok: true, value: expectedModel });
  });

  it('fills defaults for everything optional', () => {
    expect(parseSecurityProfile(minimalProfile)).toStrictEqual({
      ok: true,
      value: {
        version: 1,
        project: { name: 'demo' },
        policy: {
          contact: [{ type: 'github-pvr' }],
          // No day count is invented: replies promise only the numbers a profile sets.
          response: {},
          supportedVersions: [],
        },
        reportRequirements: { required: [], recommended: [], aiDisclosure: 'optional' },
        threatModel: { components: [], inScope: [], outOfScope: [] },
      },
    });
  });

  it('keeps only the response times a profile sets', () => {
    const result = parseSecurityProfile(`${minimalProfile}  response: { triage-days: 7 }\n`);
    expect(result.ok && result.value.policy.response).toStrictEqual({ triageDays: 7 });
  });

  it("reads bounty, supported-version keywords, mentions and the project's own severity scale", () => {
    const result = parseSecurityProfile(
      [
        'version: 1',
        'project: { name: demo }',
        'policy:',
        '  contact: [{ type: github-pvr }]',
        '  supported-versions: latest-minor',
        '  bounty: none',
        'severity:',
        '  cvss: false',
        '  levels:',
        '    - { id: high, description: Remote code execution, when: { impact: [code-execution] } }',
        '    - { id: low, description: Everything else, cvss: { min: 0.1, max: 3.9 } }',
        'threat-model:',
        '  out-of-scope:',
        '    - { id: OOS-WEB, statement: The website, when: { mentions: [DMARC, www.example.org] } }',
        '',
      ].join('\n'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.policy.supportedVersions).toBe('latest-minor');
    expect(result.value.policy.bounty).toBe('none');
    expect(result.value.severity).toStrictEqual({
      cvss: false,
      levels: [
        { id: 'high', description: 'Remote code execution', when: { impact: ['code-execution'] } },
        { id: 'low', description: 'Everything else', cvss: { min: 0.1, max: 3.9 } },
      ],
    });
    expect(result.value.threatModel.outOfScope[0]?.when.mentions).toStrictEqual([
      'DMARC',
      'www.example.org',
    ]);
  });

  it('normalises CWE ids written as CWE-79, cwe-79 or 79', () => {
    const result = parseSecurityProfile(
      withThreatModel(
        '  out-of-scope:\n    - { id: X, statement: s, when: { cwe: [CWE-79, cwe-89, 352] } }\n',
      ),
    );
    expect(result.ok && result.value.threatModel.outOfScope[0]?.when.cwe).toStrictEqual([
      'CWE-79',
      'CWE-89',
      'CWE-352',
    ]);
  });

  it('rejects a malformed CWE id where it is written', () => {
    const text = withThreatModel(
      '  out-of-scope:\n    - { id: X, statement: s, when: { cwe: [XSS] } }\n',
    );
    expect(issuesOf(text)).toStrictEqual([
      {
        message: 'expected a CWE id such as CWE-79, cwe-79 or 79',
        path: 'threat-model.out-of-scope[0].when.cwe[0]',
        ...placeOf(text, 'XSS'),
      },
    ]);
  });

  it('names an unknown enum value, the allowed values and the exact place', () => {
    const text = exampleProfile.replace('impact: [bounded-resource-consumption]', 'impact: [rce]');
    expect(issuesOf(text)).toStrictEqual([
      {
        message:
          'unknown impact "rce" (expected one of: code-execution, memory-corruption, privilege-escalation, ' +
          'auth-bypass, information-disclosure, denial-of-service, bounded-resource-consumption, hardening-bypass)',
        path: 'threat-model.out-of-scope[5].when.impact[0]',
        ...placeOf(text, 'rce]'),
      },
    ]);
  });

  it('suggests the key an unknown key was probably meant to be, pointing at the key', () => {
    const issues = issuesOf(exampleProfile.replace('  out-of-scope:', '  out-of-scop:'));
    expect(issues).toStrictEqual([
      {
        message: 'unknown key "out-of-scop" (did you mean "out-of-scope"?)',
        path: 'threat-model.out-of-scop',
        line: 17,
        column: 3,
      },
    ]);
  });

  it('lists the allowed keys when no known key is close', () => {
    const [issue] = issuesOf(`${minimalProfile}colour: blue\n`);
    expect(issue).toStrictEqual({
      message:
        'unknown key "colour" (expected one of: version, project, policy, report-requirements, threat-model, severity, exemptions)',
      path: 'colour',
      line: 5,
      column: 1,
    });
  });

  it('points a missing required key at the mapping that should hold it', () => {
    const issues = issuesOf(
      'version: 1\nproject:\n  repository: https://example.org/x.git\npolicy:\n  contact: []\n',
    );
    expect(issues).toStrictEqual([
      { message: 'missing required key "name"', path: 'project.name', line: 3, column: 3 },
      { message: 'list at least one contact', path: 'policy.contact', line: 5, column: 12 },
    ]);
  });

  it('points a missing top-level key at the top mapping', () => {
    const issues = issuesOf(
      '# profile\nproject: { name: demo }\npolicy: { contact: [{ type: github-pvr }] }\n',
    );
    expect(issues).toStrictEqual([
      { message: 'missing required key "version"', path: 'version', line: 2, column: 1 },
    ]);
  });

  it('describes a wrong type with what was found', () => {
    const issues = issuesOf(minimalProfile.replace('{ name: demo }', 'demo'));
    expect(issues).toStrictEqual([
      {
        message: 'expected a mapping, got the string "demo"',
        path: 'project',
        line: 2,
        column: 10,
      },
    ]);
  });

  it('points an empty value at its key', () => {
    const issues = issuesOf(minimalProfile.replace('{ name: demo }', '\n  name:'));
    expect(issues).toStrictEqual([
      {
        message: 'expected a string, got an empty value',
        path: 'project.name',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('rejects an unsupported format version', () => {
    expect(issuesOf(minimalProfile.replace('version: 1', 'version: 2'))).toStrictEqual([
      { message: 'expected 1, got 2', path: 'version', line: 1, column: 10 },
    ]);
  });

  it('rejects an unknown contact type and a misspelt contact field', () => {
    const issues = issuesOf(
      minimalProfile.replace(
        '{ type: github-pvr }',
        '{ type: mail }, { type: email, adress: a@example.org }',
      ),
    );
    expect(issues).toStrictEqual([
      {
        message: 'unknown type "mail" (expected one of: email, url, github-pvr)',
        path: 'policy.contact[0].type',
        line: 4,
        column: 21,
      },
      {
        message: 'missing required key "address"',
        path: 'policy.contact[1].address',
        line: 4,
        column: 29,
      },
      {
        message: 'unknown key "adress" (did you mean "address"?)',
        path: 'policy.contact[1].adress',
        line: 4,
        column: 44,
      },
    ]);
  });

  it('rejects an invalid semver range in supported-versions', () => {
    const text = `${minimalProfile}  supported-versions: [">=2.0.0", latest]\n`;
    expect(issuesOf(text)).toStrictEqual([
      {
        message: '"latest" is not a valid semver range',
        path: 'policy.supported-versions[1]',
        ...placeOf(text, 'latest'),
      },
    ]);
  });

  it('rejects duplicate component and rule ids, naming the first use', () => {
    const text = withThreatModel(
      [
        '  components:',
        '    - { id: core, paths: ["src/**"], input: untrusted }',
        '    - { id: core, paths: ["lib/**"], input: trusted }',
        '  in-scope:',
        '    - { id: R1, statement: s, when: { attack-vector: [network] } }',
        '  out-of-scope:',
        '    - { id: R1, statement: s, when: { attack-vector: [local] } }',
        '',
      ].join('\n'),
    );
    expect(issuesOf(text)).toStrictEqual([
      {
        message: 'duplicate component id "core" (first used at threat-model.components[0])',
        path: 'threat-model.components[1].id',
        ...placeOf(text, 'core, paths: ["lib'),
      },
      {
        message: 'duplicate rule id "R1" (first used at threat-model.in-scope[0])',
        path: 'threat-model.out-of-scope[0].id',
        ...placeOf(text, 'R1', 'out-of-scope'),
      },
    ]);
  });

  it('rejects a reference to an undeclared component, suggesting a close one', () => {
    const text = exampleProfile.replace('components: [http-parser]', 'components: [http-parsr]');
    expect(issuesOf(text)).toStrictEqual([
      {
        message: 'unknown component "http-parsr" (did you mean "http-parser"?)',
        path: 'threat-model.in-scope[0].when.components[0]',
        ...placeOf(text, 'http-parsr'),
      },
    ]);
  });

  it('reports duplicate ids together with unrelated problems', () => {
    const issues = issuesOf(
      withThreatModel(
        [
          '  components:',
          '    - { id: core, paths: ["src/**"], input: untrusted }',
          '    - { id: core, paths: ["lib/**"], input: sometimes }',
          '',
        ].join('\n'),
      ),
    );
    expect(issues.map((issue) => issue.path)).toStrictEqual([
      'threat-model.components[1].id',
      'threat-model.components[1].input',
    ]);
  });

  it('requires at least one condition in a when, and a non-empty list per condition', () => {
    const text = withThreatModel(
      '  out-of-scope:\n    - { id: A, statement: s, when: {} }\n    - { id: B, statement: s, when: { impact: [] } }\n',
    );
    expect(issuesOf(text)).toStrictEqual([
      {
        message:
          'a "when" needs at least one condition, such as attack-vector, impact or paths-only',
        path: 'threat-model.out-of-scope[0].when',
        ...placeOf(text, '{}'),
      },
      {
        message: 'must list at least one value',
        path: 'threat-model.out-of-scope[1].when.impact',
        ...placeOf(text, '[]'),
      },
    ]);
  });

  it('rejects empty globs and blank statements', () => {
    const issues = issuesOf(
      withThreatModel(
        '  components:\n    - { id: c, paths: [""], input: trusted }\n  in-scope:\n    - { id: A, statement: " ", when: { versions: supported } }\n',
      ),
    );
    expect(issues.map(({ message, path }) => ({ message, path }))).toStrictEqual([
      { message: 'a glob pattern must not be empty', path: 'threat-model.components[0].paths[0]' },
      { message: 'must not be empty', path: 'threat-model.in-scope[0].statement' },
    ]);
  });

  it('returns YAML syntax errors and schema errors together, top to bottom', () => {
    const issues = issuesOf(
      'version: 1\nproject: { name: demo\npolicy:\n  contact: [{ type: github-pvr }]\n  colour: red\n',
    );
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues.some((issue) => issue.message.startsWith('invalid YAML:'))).toBe(true);
    for (const issue of issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
    const lines = issues.map((issue) => issue.line ?? 0);
    expect(lines).toStrictEqual([...lines].sort((a, b) => a - b));
  });

  it('rejects duplicate keys', () => {
    expect(issuesOf(`${minimalProfile}version: 1\n`)).toStrictEqual([
      { message: 'duplicate key "version"', line: 5, column: 1 },
    ]);
  });

  it('rejects a disposition on an in-scope rule', () => {
    const issues = issuesOf(
      withThreatModel(
        '  in-scope:\n    - { id: A, statement: s, when: { versions: supported }, disposition: hardening }\n',
      ),
    );
    expect(issues.map((issue) => issue.path)).toStrictEqual([
      'threat-model.in-scope[0].disposition',
    ]);
  });
});

describe('parseSecurityProfile on hostile input', () => {
  it('says an empty or comment-only file is empty', () => {
    expect(issuesOf('')).toStrictEqual([{ message: 'the profile is empty' }]);
    expect(issuesOf('  \n\n')).toStrictEqual([{ message: 'the profile is empty' }]);
    expect(issuesOf('# nothing yet\n')).toStrictEqual([
      { message: 'the profile is empty', line: 1, column: 1 },
    ]);
  });

  it('refuses more than 1 MiB at once, without parsing', () => {
    const huge = `# ${'x'.repeat(50 * 1024 * 1024)}`;
    let issues: unknown;
    const work = measureWork(() => {
      issues = issuesOf(huge);
    });
    expect(issues).toStrictEqual([{ message: 'the profile is larger than 1 MiB' }]);
    expect(work).toBeLessThan(1000);
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    expect(issuesOf(`# ${'é'.repeat(600 * 1024)}`)).toStrictEqual([
      { message: 'the profile is larger than 1 MiB' },
    ]);
  });

  it('refuses binary content and invalid UTF-8 with their position', () => {
    expect(issuesOf('version: 1\nproject: \u0000\u0001')).toStrictEqual([
      { message: 'the profile contains a NUL byte; is it a binary file?', line: 2, column: 10 },
    ]);
    expect(issuesOf('version: 1\u0007')).toStrictEqual([
      {
        message: 'the profile contains the control character U+0007; is it a binary file?',
        line: 1,
        column: 11,
      },
    ]);
    expect(issuesOf('version: 1\nproject: { name: caf\uFFFD }')).toStrictEqual([
      {
        message: 'the profile is not valid UTF-8 text (found a U+FFFD replacement character)',
        line: 2,
        column: 21,
      },
    ]);
  });

  it('stops a YAML alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [index, name] of [...'bcdefghi'].entries()) {
      const previous = 'abcdefghi'[index] ?? 'a';
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    expect(issuesOf(levels.join('\n'))).toStrictEqual([
      {
        message: 'the YAML expands aliases too often (limit 100); is it an alias bomb?',
        line: 2,
        column: 8,
      },
    ]);
  });

  it('accepts a few ordinary aliases', () => {
    const text = `${minimalProfile}threat-model:\n  components:\n    - { id: a, paths: &shared ["src/**"], input: trusted }\n    - { id: b, paths: *shared, input: untrusted }\n`;
    const result = parseSecurityProfile(text);
    expect(result.ok && result.value.threatModel.components[1]?.paths).toStrictEqual(['src/**']);
  });

  it('refuses very deep nesting without overflowing the stack', () => {
    for (const opener of ['[', '{a: ', '- ']) {
      const issues = issuesOf(opener.repeat(100_000));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toBe('the YAML nests deeper than 64 levels');
    }
  });

  it('refuses more than one document', () => {
    const issues = issuesOf(`${minimalProfile}---\nversion: 1\n`);
    expect(issues).toStrictEqual([
      { message: 'expected a single YAML document, found a second one', line: 5, column: 1 },
    ]);
  });

  it('refuses custom tags and never runs them', () => {
    const issues = issuesOf(
      minimalProfile.replace(
        '{ name: demo }',
        '{ name: !!js/function "function () { throw new Error() }" }',
      ),
    );
    expect(issues).toStrictEqual([
      {
        message: 'unsupported YAML tag !!js/function: only plain values are allowed',
        line: 2,
        column: 18,
      },
    ]);
    expect(issuesOf(minimalProfile.replace('demo', '!local demo'))[0]?.message).toBe(
      'unsupported YAML tag !local: only plain values are allowed',
    );
  });

  it('refuses a top level that is not a mapping', () => {
    expect(issuesOf('- version: 1\n')).toStrictEqual([
      {
        message:
          'the profile must be a mapping with keys such as version, project and policy; found a list',
        line: 1,
        column: 1,
      },
    ]);
    expect(issuesOf('just words')[0]?.message).toContain('found a single value');
  });

  it('treats __proto__ as an unknown key, not as a prototype', () => {
    const issues = issuesOf(`${minimalProfile}__proto__: { polluted: true }\n`);
    expect(issues).toStrictEqual([
      {
        message:
          'unknown key "__proto__" (expected one of: version, project, policy, report-requirements, threat-model, severity, exemptions)',
        path: '__proto__',
        line: 5,
        column: 1,
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses collection keys and caps a flood of problems', () => {
    expect(issuesOf(`${minimalProfile}? [a]\n: 1\n`)[0]?.message).toBe(
      'a mapping key must be a plain value, not a list or mapping',
    );
    const flood = Array.from({ length: 5000 }, (_, index) => `key${index}: 1`).join('\n');
    const issues = issuesOf(`${minimalProfile}${flood}\n`);
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toStrictEqual({
      message: 'too many problems; only the first 100 are listed',
    });
  });
});
