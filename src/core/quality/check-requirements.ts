// Checks a report against the profile's reporting requirements: what is required, what is
// recommended, and the AI-use disclosure. A heading alone is not enough: a "PoC" section that only
// says "an attacker could send a malicious payload" does not reproduce anything.

import type { Fact, FactKind } from '../model/fact.js';
import type { Report, ReportField } from '../model/report.js';
import type { RequirementName, SecurityProfile } from '../model/security-profile.js';
import type { ExpectedItem, RequirementCheck } from '../model/triage-result.js';
import { findSanitizerError } from '../report/find-sanitizer-traces.js';
import { findWithheldExploit } from '../report/find-withheld-exploit.js';
import { isCompiledFragment, isHeaderPayload } from '../report/extract-reproduction-facts.js';
import { isLibraryCode } from '../report/extract-code-setting-facts.js';

interface Evidence {
  isPresent: boolean;
  reason: string;
}

/** The smallest amount of real content a section needs to count (headings with "N/A" do not). */
const minimumSectionLetters = 12;
// Tested on trimmed text, so no whitespace quantifiers can overlap.
const placeholderPattern = /^(?:n\/?a|none|tbd|todo|unknown|-+|\?+|not applicable)\.?$/i;
// "none, slowhttptest shows it", "No test case yet." : a short section that starts by saying no.
const saysNonePattern =
  /^(?:n\/?a|none|no|nothing|not\s+(?:yet|available|provided|applicable|included)|tbd|todo|unknown)\b(?:[\s,.;:!-]|$)/i;
const maxSaysNoneLength = 100;

function isPlaceholder(text: string): boolean {
  return (
    placeholderPattern.test(text) ||
    (text.length <= maxSaysNoneLength && saysNonePattern.test(text))
  );
}

function sectionContent(report: Report, field: ReportField): string | null {
  const texts = report.sections
    .filter((section) => section.field === field)
    .map((section) => report.body.slice(section.span.start, section.span.end).trim())
    .filter((text) => !isPlaceholder(text));
  const joined = texts.join('\n');
  return joined.replace(/[^\p{L}\p{N}]/gu, '').length >= minimumSectionLetters ? joined : null;
}

function firstFact(facts: readonly Fact[], kinds: readonly FactKind[]): Fact | undefined {
  return facts.find((fact) => kinds.includes(fact.kind));
}

function describeFact(fact: Fact): string {
  return `line ${fact.span.line}: "${fact.quote.length > 60 ? `${fact.quote.slice(0, 57)}...` : fact.quote}"`;
}

function byFactOrSection(
  report: Report,
  facts: readonly Fact[],
  kinds: readonly FactKind[],
  field: ReportField,
  lacking: string,
): Evidence {
  const fact = firstFact(facts, kinds);
  if (fact) return { isPresent: true, reason: describeFact(fact) };
  if (sectionContent(report, field) !== null) {
    return { isPresent: true, reason: `a "${field}" section` };
  }
  return { isPresent: false, reason: lacking };
}

// Fences that hold something to run against the project: a script, a shell session, a request.
const proofOfConceptInfos = new Set([
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
  'python',
  'python3',
  'py',
  'ruby',
  'rb',
  'perl',
  'php',
  'js',
  'javascript',
  'node',
  'http',
  'powershell',
  'go',
]);

// A block that is one definition and nothing run at its top level: `def f(self, packet):` and its
// indented body, as a report quotes the function it blames; also a PHP method with its modifiers
// (`public static function f($x)`), a Ruby singleton method (`def self.f(x)`), a Go method
// (`func (b *Broker) f() {`) and a JavaScript method assigned to its type
// (`Storage.prototype.f = function (x) {`).
const definitionStart =
  /^(?:async[ \t]+)?(?:(?:public|protected|private|static|final|abstract)[ \t]+){0,3}(?:def|fn|func|function)[ \t]+(?:self\.|\([ \t]?\w{1,30}[ \t]+\*?[\w.]{1,60}[ \t]?\)[ \t]*)?[A-Za-z_$][\w$]{0,60}[ \t]*[<(]|^(?:[A-Za-z_$][\w$]{0,60}\.){1,4}[A-Za-z_$][\w$]{0,60}[ \t]*=[ \t]*(?:async[ \t]+)?function\b/;
// The lines of a definition's body that start at the margin: a closing bracket, Ruby's `end`, or
// the opening brace a PHP or C# method puts on the line under its signature.
const definitionMarginLine = /^(?:[)}\]]|end\b|\{[ \t]*$)/;

/**
 * The block only quotes the project's function: a single definition with nothing at its top
 * level after it, of a function the report names as the project's (`Type.method`) or introduces
 * as the library's code. Such a block shows what the reporter blames, not a way to run it.
 */
// A comment line (not a C preprocessor line or a shebang): `// lib/x.js`, `# app/x.py`, `/* x.c */`.
const leadingComment = /^[ \t]*(?:\/\/|\/\*|\*|#(?![!\w])|#[ \t]|--[ \t])/;

function isQuotedDefinition(report: Report, fact: Fact, content: string): boolean {
  const written = content.split('\n').filter((line) => line.trim() !== '');
  // A comment naming where the code lives (`// lib/proxy-trust.js`) may come first.
  const firstCode = written.findIndex((line) => !leadingComment.test(line));
  const lines = firstCode === -1 ? [] : written.slice(firstCode);
  if (lines.length < 2 || !definitionStart.test(lines[0]!)) return false;
  if (!lines.slice(1).every((line) => /^[ \t]/.test(line) || definitionMarginLine.test(line)))
    return false;
  return isLibraryCode(report.body, fact.span.start, content);
}

/** An empty fence left from a template ("### Code snippet" with nothing in it) is no PoC. */
function readCodeContent(report: Report, fact: Fact): string {
  const lines = report.body.slice(fact.span.start, fact.span.end).split('\n');
  return lines.slice(1, -1).join('\n');
}

function hasCodeContent(report: Report, fact: Fact): boolean {
  const content = readCodeContent(report, fact);
  return content.replace(/[^\p{L}\p{N}]/gu, '').length >= minimumSectionLetters;
}

function isInSection(report: Report, fact: Fact, field: ReportField): boolean {
  return report.sections.some(
    (section) =>
      section.field === field &&
      fact.span.start >= section.span.start &&
      fact.span.start < section.span.end,
  );
}

/**
 * A version, or a section that names one: "all versions" or "the latest" name none, so a section
 * counts only when it holds a number or a commit ("2.6", "main at 1f0e3b2").
 */
function namesVersion(report: Report, facts: readonly Fact[]): Evidence {
  const fact = firstFact(facts, ['version', 'commit']);
  if (fact) return { isPresent: true, reason: describeFact(fact) };
  const content = sectionContent(report, 'affected-version');
  if (content !== null && /\d/.test(content))
    return { isPresent: true, reason: 'an "affected-version" section' };
  return {
    isPresent: false,
    reason:
      content === null
        ? 'no affected version'
        : 'the affected-version section names no version ("all versions" is not one)',
  };
}

/**
 * Steps or a proof of concept: numbered steps or commands, a script or shell block, any code in a
 * reproduction section, or a sanitizer's report (fenced, indented or quoted). Quoted project
 * source (a fragment of C or another compiled language without an entry point, which cannot be
 * built and run as shown; a lone definition of the function the report blames), a block of HTTP
 * headers alone (a payload, with no request line or tool: where and how to send it is not said) or
 * a bare crash log ("Segmentation fault") alone reproduces nothing.
 */
function isReproducible(report: Report, facts: readonly Fact[]): Evidence {
  // A report that holds its exploit back until a bounty or a CVE says what it shows is not it:
  // its steps outline the attack and its code illustrates it; only a recorded run (a sanitizer's
  // report, below) shows the bug happened.
  const withheld = findWithheldExploit(report.body);
  const steps = facts.find((fact) => fact.kind === 'reproduction-steps' && withheld === null);
  if (steps) return { isPresent: true, reason: describeFact(steps) };
  const code = facts.find(
    (fact) =>
      fact.kind === 'code-block' &&
      fact.value !== 'diff' &&
      hasCodeContent(report, fact) &&
      !isCompiledFragment(fact.value, readCodeContent(report, fact)) &&
      !isQuotedDefinition(report, fact, readCodeContent(report, fact)) &&
      !isHeaderPayload(readCodeContent(report, fact)) &&
      (proofOfConceptInfos.has(fact.value.toLowerCase()) ||
        isInSection(report, fact, 'reproduction')),
  );
  if (code && withheld === null)
    return { isPresent: true, reason: `a code block at line ${code.span.line}` };
  // A sanitizer's own report records a run of the bug on a concrete input, wherever it was
  // pasted: fenced, indented, quoted, or run into a paragraph. Its error line is verbatim tool
  // output ("==1==ERROR: AddressSanitizer:", "x.c:3:5: runtime error:"), never a mention.
  const trace = findSanitizerError(report.body);
  if (trace !== null) return { isPresent: true, reason: `a sanitizer report ("${trace}")` };
  const hasSection = sectionContent(report, 'reproduction') !== null;
  if (withheld !== null) {
    return {
      isPresent: false,
      reason: `the report withholds its exploit until it is paid or credited ("${withheld.slice(0, 120)}")`,
    };
  }
  return {
    isPresent: false,
    reason: hasSection
      ? 'the reproduction section has no concrete steps, commands or proof-of-concept code'
      : 'no steps to reproduce or proof of concept',
  };
}

function checkRequirement(name: RequirementName, report: Report, facts: readonly Fact[]): Evidence {
  switch (name) {
    case 'affected-version':
      return namesVersion(report, facts);
    case 'affected-component':
      return byFactOrSection(
        report,
        facts,
        ['file-path', 'line-reference', 'function', 'diff'],
        'affected-component',
        'no affected file, function or component',
      );
    case 'reproduction':
      return isReproducible(report, facts);
    case 'impact':
      return byFactOrSection(report, facts, ['impact'], 'impact', 'no statement of impact');
    case 'proposed-patch':
      return byFactOrSection(report, facts, ['diff'], 'proposed-patch', 'no proposed patch');
    case 'test-case':
      return byFactOrSection(report, facts, [], 'test-case', 'no test case');
    case 'severity':
      return byFactOrSection(
        report,
        facts,
        ['cvss-vector', 'claimed-severity'],
        'severity',
        'no severity',
      );
    case 'weakness':
      return byFactOrSection(report, facts, ['cwe'], 'weakness', 'no CWE or weakness type');
  }
}

function checkAiDisclosure(report: Report, facts: readonly Fact[]): Evidence {
  return byFactOrSection(
    report,
    facts,
    ['ai-use'],
    'ai-disclosure',
    'no statement on the use of AI',
  );
}

export function checkRequirements(
  report: Report,
  facts: readonly Fact[],
  requirements: SecurityProfile['reportRequirements'],
): RequirementCheck[] {
  const checks: RequirementCheck[] = [];
  const add = (name: ExpectedItem, level: RequirementCheck['level'], evidence: Evidence): void => {
    checks.push({ name, level, isPresent: evidence.isPresent, reason: evidence.reason });
  };
  for (const name of requirements.required)
    add(name, 'required', checkRequirement(name, report, facts));
  for (const name of requirements.recommended) {
    if (!requirements.required.includes(name))
      add(name, 'recommended', checkRequirement(name, report, facts));
  }
  if (requirements.aiDisclosure !== 'optional') {
    const level = requirements.aiDisclosure === 'required' ? 'required' : 'recommended';
    add('ai-disclosure', level, checkAiDisclosure(report, facts));
  }
  return checks;
}
