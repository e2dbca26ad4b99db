import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestReport } from './build-test-report.js';
import { extractFacts } from './extract-facts.js';
import { isPublishedIdQuestion } from './is-published-id-question.js';

function judge(body: string, title = 'Test report'): boolean {
  const report = buildTestReport(body, title);
  return isPublishedIdQuestion(report, extractFacts(report));
}

describe('isPublishedIdQuestion', () => {
  it('recognises scanner questions about a published id, in any wording', () => {
    expect(judge('Is version 2.2.3 affected by CVE-2023-46136? Dependabot raised it.')).toBe(true);
    expect(
      judge(
        'Our SCA dashboard lists 3.1.4 with GHSA-87hc-h4r5-73f7.\n\nDoes this matter for us on Linux?',
      ),
    ).toBe(true);
    expect(judge('¿La versión 3.0.4 está afectada por CVE-2024-49767? No lo reprodujimos.')).toBe(
      true,
    );
    // A published advisory named in words, or a scanner's finding, stands for the id.
    expect(
      judge(
        'Is 3.1.3 affected by the published advisory about safe_join and Windows device names?',
      ),
    ).toBe(true);
    expect(
      judge('Trivy flags our redis:7.4.0 image for the bit library overflow. Are we affected?'),
    ).toBe(true);
    expect(
      judge('Bonjour, la version 2.1 est-elle concernée par l’avis de sécurité publié hier ?'),
    ).toBe(true);
    // The id and the question may be in the title (an e-mail Subject) only.
    expect(judge('See the subject line.', 'foo 2.3.7 - CVE-2023-46136 - still affected?')).toBe(
      true,
    );
  });

  it('does not count the command that ran a dependency scanner as a finding of its own', () => {
    const table =
      'Name     Version ID                  Fix Versions\n-------- ------- ------------------- ------------\nfoo      21.2.0  GHSA-w3h3-4rj7-4ph4 22.0.0';
    expect(
      judge(
        `Our nightly job fails:\n\n\`\`\`\n$ pip-audit -r requirements.txt\n${table}\n\`\`\`\n\nThe advisory is CVE-2024-1135. Will there be a 21.2.1?`,
      ),
    ).toBe(true);
    expect(
      judge(
        'Our pipeline runs:\n\n```\n$ npm audit --omit=dev\nfoo  <2.0.1  Severity: high  GHSA-pxg6-pf52-xh8x\n```\n\nAre we affected on 1.9.0?',
      ),
    ).toBe(true);
    // A command of the reporter's own after the scanner's still reproduces something.
    expect(
      judge(
        `\`\`\`\n$ pip-audit -r requirements.txt\n${table}\n\`\`\`\n\nSteps:\n\n1. Run \`python poc.py --chunked\`\n2. The worker hangs.\n\nIs CVE-2024-1135 back?`,
      ),
    ).toBe(false);
  });

  it('does not take a report that brings its own finding, or no published id, for a question', () => {
    // Reproduction steps of its own: a report, even if it cites the CVE it resembles and asks.
    expect(
      judge(
        'Similar to CVE-2023-46136, but on 3.1.5.\n\n## Steps to reproduce\n\n1. Run `python poc.py --boundary crlf`\n2. The worker spins at 100% CPU.\n\nCould you confirm?',
      ),
    ).toBe(false);
    // A question without a published id is a plain question.
    expect(judge('Is version 2.2.3 affected by the multipart slowness?')).toBe(false);
    // An id without a question: a statement, not a question.
    expect(judge('Dependabot flags CVE-2023-46136 on 2.2.3. We upgraded.')).toBe(false);
  });

  it('never throws on hostile text, and never calls text without a published id a question', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 80 }), (body, title) => {
        const result = judge(body, title);
        expect(typeof result).toBe('boolean');
        if (
          !/(?:CVE|GHSA)-|advis|scanner|flag|report|list|mark|show|says|raise|avis|sicherheit|seguri|sicurezza|beveiligings/i.test(
            `${title}\n${body}`,
          )
        )
          expect(result).toBe(false);
      }),
    );
  });
});
