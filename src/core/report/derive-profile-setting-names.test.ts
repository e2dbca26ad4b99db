import { describe, expect, it } from 'vitest';
import type { ScopeRule } from '../model/security-profile.js';
import { deriveProfileSettingNames } from './derive-profile-setting-names.js';

const rule = (id: string, requiresConfig: string[]): ScopeRule => ({
  id,
  statement: id,
  when: { requiresConfig },
});

describe('deriveProfileSettingNames', () => {
  it('lists the settings the rules name, lower-cased, without the profile’s own vocabulary', () => {
    const names = deriveProfileSettingNames({
      threatModel: {
        components: [],
        inScope: [rule('IN-X', ['debug'])],
        outOfScope: [
          rule('OOS-SETTINGS', ['follow_symlinks', 'AIOHTTP_NO_EXTENSIONS', 'non-default']),
          rule('OOS-APP', ['caller-callback', 'follow_symlinks']),
        ],
      },
    });
    expect(names).toEqual(['follow_symlinks', 'aiohttp_no_extensions']);
  });

  it('names a switch written with its dashes without them, as a command line reads it', () => {
    const names = deriveProfileSettingNames({
      threatModel: {
        components: [],
        inScope: [],
        outOfScope: [rule('OOS-ENV', ['--env', 'development'])],
      },
    });
    expect(names).toEqual(['env', 'development']);
  });
});
