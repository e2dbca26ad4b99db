// Types for the parts of @secvisogram/csaf-validator-lib (BSI's CSAF validator, plain JavaScript)
// that Thresher uses: the test runner, the CSAF 2.0 mandatory tests and the CWE catalogue.

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  interface TestResult {
    name: string;
    isValid: boolean;
    errors: Array<{ instancePath: string; message: string }>;
  }
  type DocumentTest = (document: unknown) => unknown;
  export default function validate(
    tests: DocumentTest[],
    document: unknown,
  ): Promise<{ isValid: boolean; tests: TestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (document: unknown) => unknown>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: ReadonlyArray<{ id: string; name: string }>;
}
