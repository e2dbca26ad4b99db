import { describe, expect, it } from 'vitest';
import { camelCaseKeys } from './camel-case-keys.js';

describe('camelCaseKeys', () => {
  it('renames keys deeply, leaves values alone and drops undefined entries', () => {
    const input = {
      'out-of-scope': [{ 'paths-only': ['a-b'], note: undefined }],
      'ai-disclosure': 'not-a-bug',
    };
    expect(camelCaseKeys(input)).toStrictEqual({
      outOfScope: [{ pathsOnly: ['a-b'] }],
      aiDisclosure: 'not-a-bug',
    });
  });
});
