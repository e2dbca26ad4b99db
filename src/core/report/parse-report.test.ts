import { describe, expect, it } from 'vitest';
import { looksLikeEmail } from './looks-like-email.js';
import { parseReportText } from './parse-report.js';
import { measureWork } from '../../../test/support/measure-work.js';

function issuesOf(text: string, hint?: Parameters<typeof parseReportText>[2]): string[] {
  const result = parseReportText('input', text, hint);
  return result.ok ? [] : result.issues.map(({ message }) => message);
}

describe('parseReportText', () => {
  it('detects Markdown, Thresher JSON and GitHub advisories', () => {
    const formats = [
      '# Title\n\ntext',
      '{"thresher-report": 1, "title": "t"}',
      '{"ghsa_id": "GHSA-1", "summary": "s"}',
      '[link](https://x.example) is broken',
      '  \n{ "thresher-report": 1, "title": "t" }',
    ].map((text) => {
      const result = parseReportText('input', text);
      return result.ok ? result.value[0]?.format : result.issues;
    });
    expect(formats).toEqual([
      'markdown',
      'thresher-json',
      'github-advisory',
      'markdown',
      'thresher-json',
    ]);
  });

  it('honours a format hint', () => {
    const result = parseReportText('input.md', '{"thresher-report": 1, "title": "t"}', 'markdown');
    expect(result.ok && result.value[0]?.format).toBe('markdown');
    expect(issuesOf('# Title', 'thresher-json')[0]).toMatch(/^invalid JSON/);
  });

  it('sends e-mail to the mail adapter', () => {
    const mail = 'From: Ana <ana@example.org>\nTo: security@example.com\nSubject: Bug\n\nBody';
    expect(issuesOf(mail)).toEqual([expect.stringContaining('readReportInput') as string]);
    expect(
      issuesOf('From ana@example.org Sat Mar  1 12:00:00 2025\nSubject: x\n\nbody'),
    ).toHaveLength(1);
    expect(looksLikeEmail(mail)).toBe(true);
    expect(looksLikeEmail('Title: Bug\nAffected version: 1.0\n\nText')).toBe(false);
    expect(looksLikeEmail('Received: from mx.example.org\n by mx2\nSubject: x\n\nbody')).toBe(true);
  });

  it('refuses empty, binary and oversized text quickly', () => {
    expect(issuesOf('')).toEqual(['empty report']);
    expect(issuesOf('\uFEFF \r\n')).toEqual(['empty report']);
    expect(issuesOf('\u007fELF\u0002\u0001\u0001\0\0\0')[0]).toBe(
      'binary content, not a text report (NUL character at offset 7)',
    );
    const huge = 'x'.repeat(50 * 1024 * 1024);
    let issues: string[] = [];
    // Refused before any scan: the work does not depend on the 50 MB.
    const work = measureWork(() => {
      issues = issuesOf(huge);
    });
    expect(issues).toEqual(['report too large (52428800 characters > 10 MiB limit)']);
    expect(work).toBeLessThan(1000);
  });

  it('reports truncated and malformed JSON with a position', () => {
    const truncated = parseReportText('t.json', '{\n  "thresher-report": 1,\n  "title": "x');
    expect(truncated).toEqual({
      ok: false,
      issues: [{ message: 'invalid JSON: unterminated string', line: 3, column: 14 }],
    });
    const cut = parseReportText('t.json', '{"thresher-report": 1,');
    expect(cut.ok ? [] : cut.issues[0]?.message).toMatch(/^invalid JSON/);
    expect(cut.ok ? undefined : cut.issues[0]?.line).toBe(1);
    expect(issuesOf('[]')).toEqual(['empty array: no reports']);
    expect(issuesOf('{"title": "no marker"}')[0]).toMatch(/^unrecognised JSON report/);
  });

  it('refuses deeply nested JSON without overflowing the stack', () => {
    expect(issuesOf('['.repeat(100_000))).toEqual(['JSON nested too deeply (more than 64 levels)']);
    expect(issuesOf(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual([
      'JSON nested too deeply (more than 64 levels)',
    ]);
    // Brackets inside strings do not count.
    expect(issuesOf(JSON.stringify({ 'thresher-report': 1, title: '['.repeat(1000) }))).toEqual([]);
  });
});

describe('labels run into one paragraph in lower case', () => {
  const fieldsOf = (text: string): Array<string | null> => {
    const result = parseReportText('input.txt', text);
    return result.ok ? result.value[0]!.sections.map((section) => section.field) : [];
  };

  it('reads a later lower-case label after a space once a lower-case label opened a sentence', () => {
    const text =
      'Title. version: 7.1.1 on php 8.3. steps: 1. upload it 2. request the page 3. the file is read impact: the attacker reads files.';
    expect(fieldsOf(text)).toContain('impact');
  });

  it('does not read a lower-case label after a space in a report that labels with capitals', () => {
    const text =
      'Title. Version: 7.1.1 on php 8.3. Steps: 1. upload it 2. the security impact: none is claimed here.';
    expect(fieldsOf(text)).not.toContain('impact');
  });
});

describe('labels with accented letters', () => {
  const fieldsOf = (text: string): Array<string | null> => {
    const result = parseReportText('input.txt', text);
    return result.ok ? result.value[0]!.sections.map((section) => section.field) : [];
  };

  it('reads a Spanish or French label at a line start as its field', () => {
    expect(
      fieldsOf('Recorrido de directorios\n\nReproducción:\n1. compilar\n2. pedir la ruta\n'),
    ).toContain('reproduction');
    expect(
      fieldsOf('Lecture hors limites\n\nÉtapes de reproduction:\n1. compiler\n2. lancer\n'),
    ).toContain('reproduction');
  });

  it('reads an accented label inside a paragraph, and no unknown word before a colon', () => {
    expect(
      fieldsOf('Recorrido. Resumen del fallo. Reproducción: 1. compilar 2. pedir la ruta.'),
    ).toContain('reproduction');
    expect(fieldsOf('Recorrido\n\nCorazón: nada que ver aquí.\n')).not.toContain('reproduction');
  });
});
