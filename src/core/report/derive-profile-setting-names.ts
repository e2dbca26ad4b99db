// The settings a profile's rules name (`requires-config: [follow_symlinks, AIOHTTP_NO_EXTENSIONS]`),
// lower-cased: a report that switches one of them on in the caller's code (`follow_symlinks=True`,
// `AIOHTTP_NO_EXTENSIONS=1`) states that condition, though the name says nothing unsafe by itself.
// The profile's own vocabulary (`non-default`, `debug`, `caller-callback`) names no setting.

import type { SecurityProfile } from '../model/security-profile.js';

const vocabulary = new Set(['non-default', 'debug', 'caller-callback', 'verification-disabled']);

/**
 * A setting a rule names, as reports' facts name it: lower case, and a switch named with its
 * dashes (`--env`) is the setting `env`.
 */
export function foldSettingName(name: string): string {
  return name.toLowerCase().replace(/^-{1,2}(?=[a-z])/, '');
}

export function deriveProfileSettingNames(profile: Pick<SecurityProfile, 'threatModel'>): string[] {
  const names = new Set<string>();
  for (const rule of [...profile.threatModel.inScope, ...profile.threatModel.outOfScope]) {
    for (const name of rule.when.requiresConfig ?? []) {
      const lower = foldSettingName(name);
      if (!vocabulary.has(lower) && /^[a-z_][\w.-]*$/.test(lower)) names.add(lower);
    }
  }
  return [...names];
}
