import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectAddsFacts } from './subject-adds-facts.js';

describe('subjectAddsFacts', () => {
  it('reads a Subject that names a version, file or function the body leaves out', () => {
    expect(
      subjectAddsFacts(
        '[SECURITY] Werkzeug 2.3.7 - CVE-2023-46136 (multipart parser DoS) - still affected?',
        'Hello,\n\nsee the subject line. Is there a backport?\n',
      ),
    ).toBe(true);
    expect(
      subjectAddsFacts(
        'Crash in parse_header() of src/http/parser.c',
        'A long header crashes the server.',
      ),
    ).toBe(true);
  });

  it('leaves the Subject out when the body already says as much, or the Subject says nothing', () => {
    expect(
      subjectAddsFacts(
        'Stack overflow in config_load() (tinyhttpd 2.4.1)',
        'Version: 2.4.1\n\nA stack overflow: config_load() recurses on include directives.',
      ),
    ).toBe(false);
    expect(subjectAddsFacts('Security report', 'A long header crashes the server.')).toBe(false);
    expect(subjectAddsFacts('', 'Version 2.4.1 crashes.')).toBe(false);
  });

  it('never throws on hostile Subjects and bodies', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 400 }), (subject, body) => {
        expect(typeof subjectAddsFacts(subject, body)).toBe('boolean');
        // A Subject that the body contains whole adds nothing the body lacks.
        expect(subjectAddsFacts(subject, `${subject}\n\n${body}`)).toBe(false);
      }),
    );
  });
});
