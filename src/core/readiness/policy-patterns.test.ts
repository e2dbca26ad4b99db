import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEmails } from './policy-patterns.js';

describe('findEmails', () => {
  it('finds addresses whose domain ends in a top-level domain of letters', () => {
    expect(findEmails('Write to Security@Example.org or ops@mail.example.co.uk.')).toEqual([
      'security@example.org',
      'ops@mail.example.co.uk',
    ]);
  });

  it('skips look-alikes: a numeric last label, a label run into digits', () => {
    // Found by the init property test: a project named "-@0.0 " put in SECURITY.md's heading.
    expect(findEmails('# Security policy of -@0.0 ')).toEqual([]);
    expect(findEmails('user@10.0.0.1 and a@b.cd9')).toEqual([]);
  });

  it('never throws and returns only strings with one @', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (line) => {
        for (const email of findEmails(line)) expect(email.split('@')).toHaveLength(2);
      }),
    );
  });
});
