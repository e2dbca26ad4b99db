import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract-facts.js';
import { parseReportText } from './parse-report.js';

const stepsOf = (text: string): string[] => {
  const parsed = parseReportText('report.md', text);
  if (!parsed.ok) throw new Error('unparsable test report');
  return extractFacts(parsed.value[0]!)
    .filter((fact) => fact.kind === 'reproduction-steps')
    .map((fact) => fact.value);
};

const withheldPoc = (label: (name: string) => string): string =>
  [
    '# Heap overflow in parse_tag()',
    '',
    label('Summary'),
    '',
    'A heap overflow in `parse_tag()` gives code execution.',
    '',
    label('Proof of Concept'),
    '',
    'A working PoC is available upon request after the disclosure timeline is agreed.',
    '',
    label('Remediation'),
    '',
    '1. Validate the tag count.',
    '2. Use safe copy functions.',
    '3. Enable hardening flags.',
  ].join('\n');

describe('numbered lists led in by a reproduction cue', () => {
  it('does not read a remediation list after a withheld PoC as steps, however labelled', () => {
    expect(stepsOf(withheldPoc((name) => `## ${name}`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `**${name}:**`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `${name}:`))).toEqual([]);
    expect(stepsOf(withheldPoc((name) => `🛠️ ${name}:`))).toEqual([]);
  });

  it('reads a plain label decorated with an emoji as its field', () => {
    const parsed = parseReportText(
      'report.md',
      withheldPoc((name) => `🔬 ${name}:`),
    );
    if (!parsed.ok) throw new Error('unparsable test report');
    const fields = parsed.value[0]!.sections.map((section) => section.field);
    expect(fields).toContain('reproduction');
    expect(fields).toContain('summary');
  });

  it('still reads steps led in by a cue in their own section or in unlabelled text', () => {
    const ownSection = ['**Details:**', '', 'To reproduce:', '', '1. Build it.', '2. Run it.'];
    expect(stepsOf(ownSection.join('\n'))).toEqual(['2 steps']);
    expect(stepsOf('To reproduce it:\n\n1. Build it.\n2. Run it.')).toEqual(['2 steps']);
  });
});

describe('one command indented by itself', () => {
  const report = (leadIn: string, line: string): string =>
    [
      'Subject: heap overflow in the filler step',
      '',
      'The attached file triggers it with our reader. ' + leadIn,
      '',
      line,
      '',
      'ASan then reports a WRITE of size 2.',
    ].join('\n');

  it('reads the line as the reproduction after a reproduction lead-in', () => {
    expect(stepsOf(report('To reproduce:', '    ./readrgba16 gray16-wide.png'))).toEqual([
      'command',
    ]);
    expect(stepsOf(report('Steps:', '\tpngfix --optimize short.png'))).toEqual(['command']);
  });

  it('does not read an indented sentence or a line without a lead-in', () => {
    expect(stepsOf(report('To reproduce:', '    Just open the file in any viewer.'))).toEqual([]);
    expect(stepsOf(report('Here it is:', '    ./readrgba16 gray16-wide.png'))).toEqual([]);
  });
});
