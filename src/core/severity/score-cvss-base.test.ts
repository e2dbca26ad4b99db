import { describe, expect, it } from 'vitest';
import { scoreCvssBase } from './score-cvss-base.js';

describe('scoreCvssBase', () => {
  it('gives the base score of a v3.1 vector even with temporal metrics, and the one v4.0 score', () => {
    expect(scoreCvssBase('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U')).toEqual({
      version: '3.1',
      baseScore: 9.8,
      rating: 'critical',
    });
    expect(
      scoreCvssBase('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N'),
    ).toEqual({
      version: '4.0',
      baseScore: 8.7,
      rating: 'high',
    });
  });

  it('refuses incomplete vectors and values the calculator rejects', () => {
    expect(scoreCvssBase('CVSS:3.1/AV:N/AC:L')).toBeNull();
    expect(scoreCvssBase('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
  });
});
