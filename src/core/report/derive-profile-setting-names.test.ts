import { describe, expect, it } from 'vitest';
import type { ScopeRule } from '../model/security-profile.js';
import { deriveProfileSettingNames, foldSettingName } from './derive-profile-setting-names.js';

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

  it('reads a name and value written as configuration (`check_origin: false`) as the pair', () => {
    expect(foldSettingName('check_origin: false')).toBe('check_origin=false');
    expect(foldSettingName('verify = False')).toBe('verify=false');
    expect(foldSettingName('known_hosts=None')).toBe('known_hosts=none');
    expect(foldSettingName('early data')).toBe('early data');
    const names = deriveProfileSettingNames({
      threatModel: {
        components: [],
        inScope: [],
        outOfScope: [rule('OOS-APP-CONFIG', ['check_origin: false', 'force_ssl'])],
      },
    });
    expect(names).toEqual(['check_origin=false', 'force_ssl']);
  });
});

describe('settings an exclusion’s statement names', () => {
  const exclusion = (statement: string, requiresConfig = ['non-default']): ScopeRule => ({
    id: 'OOS-SETTINGS',
    statement,
    when: { requiresConfig },
  });
  const namesOf = (...outOfScope: ScopeRule[]): string[] =>
    deriveProfileSettingNames({ threatModel: { components: [], inScope: [], outOfScope } });

  it('reads a bare literal after a name as its value (`decodeEntities false`)', () => {
    expect(
      namesOf(
        exclusion(
          'The application changed the parser options (decodeEntities false), or set strict true',
          ['decodeEntities'],
        ),
      ),
    ).toEqual(['decodeentities', 'decodeentities=false']);
  });

  it('reads the names written as code, with the value the statement gives one', () => {
    expect(
      namesOf(
        exclusion(
          "A protection switched off, such as onProtoPoisoning 'ignore', insecureHTTPParser, `set_remote_address` or --forwarded-allow-ips '*'",
        ),
      ),
    ).toEqual([
      'onprotopoisoning=ignore',
      'onprotopoisoning',
      'insecurehttpparser',
      'set_remote_address',
      'forwarded-allow-ips=*',
      'forwarded-allow-ips',
    ]);
  });

  it('reads a plain word only when the statement assigns it, and no limit by its name alone', () => {
    expect(
      namesOf(exclusion('Escaping switched off (autoescape=False) or maxHttpBufferSize raised')),
    ).toEqual(['autoescape=false']);
  });

  it('leaves out products, a type’s constants and what the application left out', () => {
    expect(
      namesOf(
        exclusion(
          'A JavaScript or WebSocket client, a limit raised to Integer.MAX_VALUE, no select_autoescape, or an app that never calls SetTrustedProxies',
        ),
      ),
    ).toEqual([]);
  });

  it('reads only exclusions about settings: not the caller’s own code, not in-scope rules', () => {
    const callback = exclusion('A constructor the application registered (add_constructor)', [
      'caller-callback',
    ]);
    const noSettings: ScopeRule = {
      id: 'OOS-X',
      statement: 'Uses unsafe_load',
      when: { impact: ['code-execution'] },
    };
    expect(namesOf(callback, noSettings)).toEqual([]);
    expect(
      deriveProfileSettingNames({
        threatModel: {
          components: [],
          inScope: [
            { id: 'IN', statement: 'with follow_redirects', when: { requiresConfig: ['x'] } },
          ],
          outOfScope: [],
        },
      }),
    ).toEqual(['x']);
  });
});
