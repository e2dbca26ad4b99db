// Validates exported advisories against the official schemas shipped in schema/standards/ (OSV,
// draft 2020-12; CVE JSON 5, draft-07; CSAF 2.0 with FIRST's CVSS schemas) with Ajv, and CSAF
// documents also against the standard's mandatory tests (BSI's csaf-validator-lib). Schemas are
// read and compiled on first use only, so commands that export nothing never pay for them.

import { readFile } from 'node:fs/promises';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AdvisoryFormat, ParseIssue } from '../../core/index.js';
import type { StandardValidator, WeaknessCatalog } from '../../services/ports.js';

const schemaFolder = new URL('../../../schema/standards/', import.meta.url);
const maxIssues = 20;

async function readSchema(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(new URL(name, schemaFolder), 'utf8')) as Record<string, unknown>;
}

interface CompiledSchema {
  validate: ValidateFunction;
  /** Validators for the alternatives of a top-level `oneOf`, to explain a failure. */
  branches: ValidateFunction[];
}

/** The errors of the alternative the document fails least (all errors without alternatives). */
function findClosestErrors(schema: CompiledSchema, document: unknown): ErrorObject[] {
  const all = schema.validate.errors ?? [];
  let closest: ErrorObject[] | null = null;
  for (const branch of schema.branches) {
    if (branch(document)) return [...all];
    const errors = branch.errors ?? [];
    if (closest === null || errors.length < closest.length) closest = [...errors];
  }
  return closest ?? [...all];
}

async function compileSchema(format: AdvisoryFormat): Promise<CompiledSchema> {
  // Both packages are CommonJS that also export themselves as `default`.
  const addFormats = (await import('ajv-formats')).default.default;
  if (format === 'cve5') {
    const Ajv = (await import('ajv')).default.default;
    const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
    addFormats(ajv);
    const schema = await readSchema('cve-record-format-5-bundled.json');
    const validate = ajv.compile(schema);
    // The record is one of a published or a rejected record; errors are told from the branch
    // the document comes closest to, as the other branch's errors would only confuse.
    const branches = (schema.oneOf as unknown[]).map((_, index) =>
      ajv.compile({ $ref: `${String(schema.$id)}#/oneOf/${index}` }),
    );
    return { validate, branches };
  }
  const Ajv2020 = (await import('ajv/dist/2020.js')).default.default;
  // FIRST's CVSS schemas declare draft-07; they are plain enough to compile as they are.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, validateSchema: false });
  addFormats(ajv);
  if (format === 'osv')
    return { validate: ajv.compile(await readSchema('osv-schema.json')), branches: [] };
  for (const version of ['2.0', '3.0', '3.1']) {
    // FIRST's files say draft-04 (`id`) or draft-07; their keywords mean the same in 2020-12, so
    // they are registered under the URL the CSAF schema refers to, as BSI's validator does.
    const cvss = Object.fromEntries(
      Object.entries(await readSchema(`csaf-2.0/cvss-v${version}.json`)).filter(
        ([key]) => key !== 'id' && key !== '$id' && key !== '$schema',
      ),
    );
    ajv.addSchema({ ...cvss, $id: `https://www.first.org/cvss/cvss-v${version}.json` });
  }
  return {
    validate: ajv.compile(await readSchema('csaf-2.0/csaf_json_schema.json')),
    branches: [],
  };
}

/** One line per schema error, naming the field by JSON pointer; repeats (from oneOf) dropped. */
function describeSchemaErrors(errors: readonly ErrorObject[]): ParseIssue[] {
  // An if/then rule says what it means in its title; its inner `not` error adds nothing.
  const ruled = new Set(
    errors.filter((error) => error.keyword === 'if').map((error) => error.instancePath),
  );
  const seen = new Set<string>();
  const issues: ParseIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'not' && ruled.has(error.instancePath)) continue;
    const issue = { path: error.instancePath || '/', message: describeSchemaError(error) };
    const key = `${issue.path} ${issue.message}`;
    if (seen.has(key) || issues.length >= maxIssues) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const title = (error.parentSchema as { title?: unknown } | undefined)?.title;
  if (error.keyword === 'if' && typeof title === 'string') return `breaks the rule "${title}"`;
  if (error.keyword === 'additionalProperties') {
    return `unknown property "${String(params.additionalProperty)}"`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.map(String).join(', ')}`;
  }
  if (error.keyword === 'pattern') {
    const pattern = String(params.pattern);
    return pattern.length > 60
      ? "does not match the schema's pattern for this field"
      : `must match ${pattern}`;
  }
  return error.message ?? error.keyword;
}

async function runCsafMandatoryTests(document: unknown): Promise<ParseIssue[]> {
  // validate.js, not validateStrict.js: the strict runner only checks that each test comes from
  // the library (these all do), and loads every optional and informative test to do so.
  const { default: validate } = await import('@secvisogram/csaf-validator-lib/validate.js');
  // An ES module of named exports, one per test.
  const mandatory =
    (await import('@secvisogram/csaf-validator-lib/mandatoryTests.js')) as unknown as Record<
      string,
      unknown
    >;
  const tests = Object.entries(mandatory)
    .filter(([name]) => name.startsWith('mandatoryTest_'))
    .map(([, test]) => test)
    .filter((test): test is (document: unknown) => unknown => typeof test === 'function');
  const result = await validate(tests, document);
  return result.tests.flatMap((test) =>
    test.errors.map((error) => ({
      path: error.instancePath || '/',
      message: `CSAF mandatory test ${test.name.replace('mandatoryTest_', '').replace(/_/g, '.')}: ${error.message}`,
    })),
  );
}

export function createStandardValidator(): StandardValidator {
  const compiled = new Map<AdvisoryFormat, Promise<CompiledSchema>>();
  return {
    async validate(format, document) {
      let pending = compiled.get(format);
      if (pending === undefined) {
        pending = compileSchema(format);
        compiled.set(format, pending);
      }
      const schema = await pending;
      if (!schema.validate(document))
        return describeSchemaErrors(findClosestErrors(schema, document));
      return format === 'csaf' ? runCsafMandatoryTests(document) : [];
    },
  };
}

/** The CWE catalogue that CSAF's mandatory test 6.1.11 checks names against. */
export function createWeaknessCatalog(): WeaknessCatalog {
  return {
    async findNames(ids) {
      if (ids.length === 0) return new Map();
      const { weaknesses } = await import('@secvisogram/csaf-validator-lib/cwe.js');
      const wanted = new Set(ids);
      return new Map(
        weaknesses
          .filter((weakness) => wanted.has(weakness.id))
          .map((weakness) => [weakness.id, weakness.name]),
      );
    },
  };
}
