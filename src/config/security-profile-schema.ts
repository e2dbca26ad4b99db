// The `security-profile.yml` format: one zod schema with the file's kebab-case keys (the single
// source for validation and the generated JSON Schema), mapped to core's camelCase SecurityProfile.

import { validRange } from 'semver';
import * as z from 'zod';
import { parseCallSignature, requirementNames, type SecurityProfile } from '../core/triage.js';
import { camelCaseKeys } from './camel-case-keys.js';
import { suggestClosestKey } from './suggest-closest-key.js';

// A profile is parsed once per run (or per change, in the inbox): zod's JIT, which generates code
// with `new Function` on a schema's first parse, costs more than it saves (about a quarter of a
// one-report triage's profile read). The same validation without it.
z.config({ jitless: true });

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function identifier(what: string) {
  return z
    .string()
    .regex(
      idPattern,
      `a ${what} id starts with a letter or digit and uses only letters, digits, ".", "_" and "-"`,
    );
}

function text(description: string) {
  return z.string().regex(/\S/, 'must not be empty').describe(description);
}

function nonEmptyList<Item extends z.ZodType>(item: Item, description: string) {
  return z.array(item).min(1, 'must list at least one value').describe(description);
}

const glob = z.string().regex(/\S/, 'a glob pattern must not be empty');

const attackVector = z.enum(['network', 'adjacent', 'local', 'physical']);
const privilegesRequired = z.enum(['none', 'low', 'high']);
const userInteraction = z.enum(['none', 'passive', 'active']);
const impactKind = z.enum([
  'code-execution',
  'memory-corruption',
  'privilege-escalation',
  'auth-bypass',
  'information-disclosure',
  'denial-of-service',
  'bounded-resource-consumption',
  'hardening-bypass',
]);
const requirementName = z.enum(requirementNames);

const cweMessage = 'expected a CWE id such as CWE-79, cwe-79 or 79';
const cweId = z
  .union(
    [z.int().positive(cweMessage), z.string().regex(/^[Cc][Ww][Ee]-[1-9][0-9]*$/, cweMessage)],
    {
      error: cweMessage,
    },
  )
  .transform((id) => `CWE-${String(id).replace(/^cwe-/i, '')}`);

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const contact = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('email'),
      address: z.email('expected an email address').describe('Where reports are sent.'),
    }),
    z.strictObject({
      type: z.literal('url'),
      url: httpUrl.describe('A page or form that takes reports.'),
    }),
    z.strictObject({
      type: z.literal('github-pvr'),
      url: httpUrl
        .optional()
        .describe("The repository's GitHub private vulnerability reporting page."),
    }),
  ])
  .describe('One way to reach the security team: email, url or github-pvr.');

const callPattern = z
  .string()
  .refine((value) => parseCallSignature(value) !== null, {
    message:
      'expected a call pattern: a dotted name (or a Rust path) with optional arguments, e.g. yaml.unsafe_load, yaml.load(Loader=UnsafeLoader), Environment.from_string(non-literal) or String::from_utf8_unchecked',
  })
  .describe(
    'A dotted callee or Rust path (its last segments must match whole segments, `.` and `::` alike), optionally with arguments: Name, keyword=Name, or non-literal.',
  );

const ruleCondition = z
  .strictObject({
    'attack-vector': nonEmptyList(
      attackVector,
      'Holds when the attack vector is any of these (CVSS v4 AV).',
    ).optional(),
    'privileges-required': nonEmptyList(
      privilegesRequired,
      'Holds when the privileges the attacker needs are any of these (CVSS v4 PR).',
    ).optional(),
    'user-interaction': nonEmptyList(
      userInteraction,
      'Holds when the user interaction needed is any of these (CVSS v4 UI).',
    ).optional(),
    'attacker-controls': nonEmptyList(
      text('Something the attacker must control, e.g. environment, config-file, command-line.'),
      'Holds when the attacker must control any of these.',
    ).optional(),
    'requires-config': nonEmptyList(
      text('A named non-default option or build flag, e.g. debug.'),
      'Holds when the attack needs any of these non-default settings.',
    ).optional(),
    components: nonEmptyList(
      z.string().describe('The id of a component declared under threat-model.components.'),
      'Holds when the report concerns any of these components.',
    ).optional(),
    'paths-only': nonEmptyList(
      glob,
      'Globs. Holds when the report cites at least one path and every cited path matches one of them.',
    ).optional(),
    versions: z
      .enum(['supported', 'unsupported'])
      .optional()
      .describe(
        'unsupported holds when every affected version named is outside policy.supported-versions.',
      ),
    impact: nonEmptyList(impactKind, 'Holds when the claimed impact is any of these.').optional(),
    cwe: nonEmptyList(
      cweId,
      'Holds when the weakness is any of these CWE ids (CWE-79, cwe-79 or 79).',
    ).optional(),
    mentions: nonEmptyList(
      text('A word or phrase, matched case-insensitively as whole words.'),
      'Holds when the report says any of these phrases about the problem (not in a denial such as "this is not X", not only in its reproduction steps). For exclusions facts cannot express.',
    ).optional(),
    calls: nonEmptyList(
      callPattern,
      "Call patterns. Holds when the caller's code in the report (a code block, an indented snippet or inline code) makes one of these calls: an API choice that is the caller's to make.",
    ).optional(),
  })
  .refine((condition) => Object.keys(condition).length > 0, {
    message: 'a "when" needs at least one condition, such as attack-vector, impact or paths-only',
  })
  .meta({
    description:
      'The facts that make the rule apply. Every listed key must hold; a list holds when any value matches.',
    minProperties: 1,
  });

const ruleFields = {
  id: identifier('rule').describe('A short unique id, cited in triage output (e.g. OOS-PRIV).'),
  statement: text('The rule in one sentence, shown to maintainers and reporters.'),
  when: ruleCondition,
};

const inScopeRule = z
  .strictObject(ruleFields)
  .describe('A situation the project treats as a vulnerability.');

const outOfScopeRule = z
  .strictObject({
    ...ruleFields,
    disposition: z
      .enum(['not-a-vulnerability', 'regular-bug', 'hardening'])
      .default('not-a-vulnerability')
      .describe('What a matching report is instead of a vulnerability.'),
  })
  .describe('A situation the project does not treat as a vulnerability.');

const component = z
  .strictObject({
    id: identifier('component').describe('A short unique id, referenced from when.components.'),
    paths: nonEmptyList(glob, 'Globs of the files that make up the component.'),
    input: z
      .enum(['untrusted', 'trusted'])
      .describe('Whether the component handles input from untrusted parties.'),
    description: text('What the component does.').optional(),
  })
  .describe('A part of the code base and the trust of the input it handles.');

const threatModel = z
  .strictObject({
    components: z.array(component).default([]).describe('The parts of the code base, by path.'),
    'in-scope': z.array(inScopeRule).default([]).describe('Rules for reports that are in scope.'),
    'out-of-scope': z
      .array(outOfScopeRule)
      .default([])
      .describe('Rules for reports that are out of scope.'),
  })
  // Runs even when parts failed, so duplicate ids and unknown components are reported together
  // with every other problem; it therefore reads the value defensively.
  .superRefine((value, context) => checkThreatModelIds(value, context), { when: () => true })
  .prefault({})
  .describe('What the project defends against, and what it does not.');

const supportedVersion = z
  .string()
  .min(1, 'a version range must not be empty')
  .superRefine((range, context) => {
    if (validRange(range) === null) {
      context.addIssue({ code: 'custom', message: `"${range}" is not a valid semver range` });
    }
  });

const days = (description: string) =>
  z
    .int('expected a whole number of days')
    .min(0, 'must not be negative')
    .optional()
    .describe(
      `${description} Leave it out when the policy sets no number: replies then promise none.`,
    );

const supportedVersionsKeyword = z
  .enum(['latest', 'latest-minor', 'latest-major'])
  .describe(
    'Resolved against the release tags of the repository given with --repo: latest (the newest release only), latest-minor (every patch of the newest minor series), latest-major (every release of the newest major series).',
  );

const bounty = z
  .union([
    z.literal('none'),
    z.strictObject({
      url: httpUrl.describe('Where the bounty programme and its rules are published.'),
      description: text('What is paid for, in one sentence.').optional(),
    }),
  ])
  .describe('Whether reports can earn a bounty: none, or where the programme is published.');

const severityLevel = z
  .strictObject({
    id: identifier('severity level').describe('The level as the project writes it, e.g. moderate.'),
    description: text('What the level means, shown to maintainers and in replies.'),
    cvss: z
      .strictObject({
        min: z.number().min(0).max(10).describe('The lowest CVSS base score of the level.'),
        max: z.number().min(0).max(10).describe('The highest CVSS base score of the level.'),
      })
      .optional()
      .describe(
        'The CVSS base scores this level covers, when the project maps CVSS to its levels.',
      ),
    when: ruleCondition
      .optional()
      .describe('The facts that put a report at this level, for projects that rate without CVSS.'),
  })
  .describe("One of the project's own severity levels, highest first.");

const severityScale = z
  .strictObject({
    cvss: z
      .boolean()
      .default(true)
      .describe(
        'false when the project does not use CVSS: ratings are given in its own levels only.',
      ),
    levels: z
      .array(severityLevel)
      .default([])
      .describe("The project's own severity levels, highest first; replies use these words."),
  })
  .describe('How the project rates severity: CVSS, its own levels, or both.');

const policy = z
  .strictObject({
    contact: z
      .array(contact)
      .min(1, 'list at least one contact')
      .describe('How to report a vulnerability privately.'),
    response: z
      .strictObject({
        'acknowledge-days': days('Days until a report is acknowledged.'),
        'triage-days': days('Days until a report is triaged.'),
        'disclosure-days': days('Days until coordinated disclosure.'),
      })
      .prefault({})
      .describe('Response times the project aims for.'),
    'supported-versions': z
      .union([supportedVersionsKeyword, z.array(supportedVersion)])
      .default([])
      .describe(
        'Semver ranges that get security fixes (older versions are out of scope; empty: all supported), or latest, latest-minor or latest-major.',
      ),
    bounty: bounty.optional(),
  })
  .describe('How to report and what to expect.');

const reportRequirements = z
  .strictObject({
    required: z.array(requirementName).default([]).describe('What every report must contain.'),
    recommended: z.array(requirementName).default([]).describe('What a good report also contains.'),
    'ai-disclosure': z
      .enum(['required', 'recommended', 'optional'])
      .default('optional')
      .describe('Whether a report must say if and how AI tools were used.'),
  })
  .prefault({})
  .describe('What a report must and should contain.');

const exemption = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
        'expected an audit check id such as workflows.pinned-actions',
      )
      .describe('The `thresher audit` check id (see docs/audit-checks.md).'),
    file: glob
      .optional()
      .describe("A glob: only the check's results for matching files are exempt; all when absent."),
    reason: text('Why the check is accepted as it is, shown next to the exempted result.'),
    expires: z.iso
      .date('expected a date written YYYY-MM-DD')
      .describe(
        'The last day the exemption applies (YYYY-MM-DD); after it the check counts again.',
      ),
  })
  .describe('An audit check the project accepts for now, with its reason and an expiry.');

/** The file as written: kebab-case keys, before mapping to the core model. */
export const securityProfileFileSchema = z
  .strictObject({
    version: z.literal(1).describe('The profile format version; always 1.'),
    project: z
      .strictObject({
        name: text('The project name.'),
        repository: text('Where the source lives (a clone URL).').optional(),
      })
      .describe('The project this profile is for.'),
    policy,
    'report-requirements': reportRequirements,
    'threat-model': threatModel,
    severity: severityScale.optional(),
    exemptions: z
      .array(exemption)
      .optional()
      .describe(
        '`thresher audit` checks the project accepts for now (each with a reason and expiry).',
      ),
  })
  .meta({
    title: 'Thresher security profile',
    description:
      "A project's security policy, report requirements and threat model, read by Thresher to triage vulnerability reports.",
  });

type SecurityProfileFile = z.output<typeof securityProfileFileSchema>;

/** Validates a profile file's data and maps it to the core model. */
export const securityProfileSchema = securityProfileFileSchema.transform(toSecurityProfile);

// The return type is the compile-time check that the mapped file shape fits core's model.
function toSecurityProfile(file: SecurityProfileFile): SecurityProfile {
  return camelCaseKeys(file);
}

interface IdOccurrence {
  id: string;
  path: (string | number)[];
}

function checkThreatModelIds(value: unknown, context: z.RefinementCtx): void {
  const section = isRecord(value) ? value : {};
  const components = listIds(section.components, ['components']);
  const rules = [
    ...listIds(section['in-scope'], ['in-scope']),
    ...listIds(section['out-of-scope'], ['out-of-scope']),
  ];
  reportDuplicates(components, 'component', context);
  reportDuplicates(rules, 'rule', context);
  reportUnknownComponents(section, new Set(components.map((entry) => entry.id)), context);
}

function listIds(list: unknown, path: (string | number)[]): IdOccurrence[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) =>
    isRecord(item) && typeof item.id === 'string'
      ? [{ id: item.id, path: [...path, index, 'id'] }]
      : [],
  );
}

function reportDuplicates(
  occurrences: IdOccurrence[],
  what: string,
  context: z.RefinementCtx,
): void {
  const firstPaths = new Map<string, (string | number)[]>();
  for (const { id, path } of occurrences) {
    const firstPath = firstPaths.get(id);
    if (firstPath === undefined) {
      firstPaths.set(id, path);
      continue;
    }
    const first = `threat-model.${firstPath[0]}[${firstPath[1]}]`;
    context.addIssue({
      code: 'custom',
      path,
      message: `duplicate ${what} id "${id}" (first used at ${first})`,
    });
  }
}

function reportUnknownComponents(
  section: Record<string, unknown>,
  declared: Set<string>,
  context: z.RefinementCtx,
): void {
  for (const listName of ['in-scope', 'out-of-scope']) {
    const rules = section[listName];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule: unknown, ruleIndex) => {
      const when = isRecord(rule) && isRecord(rule.when) ? rule.when : {};
      const names: unknown = when.components;
      if (!Array.isArray(names)) return;
      names.forEach((name: unknown, nameIndex) => {
        if (typeof name !== 'string' || declared.has(name)) return;
        const path = [listName, ruleIndex, 'when', 'components', nameIndex];
        context.addIssue({
          code: 'custom',
          path,
          message: describeUnknownComponent(name, declared),
        });
      });
    });
  }
}

function describeUnknownComponent(name: string, declared: Set<string>): string {
  if (declared.size === 0)
    return `unknown component "${name}": declare it under threat-model.components`;
  const suggestion = suggestClosestKey(name, [...declared]);
  const hint =
    suggestion === undefined
      ? `declared: ${[...declared].join(', ')}`
      : `did you mean "${suggestion}"?`;
  return `unknown component "${name}" (${hint})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
