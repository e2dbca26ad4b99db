import { describe, expect, it } from 'vitest';
import { isInRoleStep } from './read-step-role.js';

describe('isInRoleStep', () => {
  const steps =
    '## Steps to reproduce\n\n1. As root, compile a modified catalogue into\n   `/usr/share/locale/de/x.mo`.\n2. As any user, run `tool file.jpg`.\n3. It crashes.\n';

  it('finds a mention in a step whose actor differs from another step', () => {
    expect(isInRoleStep(steps, steps.indexOf('As root'))).toBe(true);
    expect(isInRoleStep(steps, steps.indexOf('/usr/share/locale'))).toBe(true);
  });

  it('leaves steps without roles, or with one role only, to the setup', () => {
    expect(isInRoleStep(steps, steps.indexOf('It crashes'))).toBe(false);
    const oneRole = '## Steps\n\n1. As root, start the daemon.\n2. Send the packet.\n';
    expect(isInRoleStep(oneRole, oneRole.indexOf('As root'))).toBe(false);
    const prose = 'As root, I started it. As any user, run it.';
    expect(isInRoleStep(prose, 0)).toBe(false);
  });
});
