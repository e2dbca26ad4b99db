import { describe, expect, it } from 'vitest';
import type { SeverityScale } from '../model/security-profile.js';
import { mapToSeverityScale } from './map-to-severity-scale.js';

const scale: SeverityScale = {
  cvss: true,
  levels: [
    { id: 'minor', description: 'fix in the next release', cvss: { min: 0.1, max: 10 } },
    { id: 'moderate', description: 'fix within a month', cvss: { min: 4, max: 10 } },
    { id: 'important', description: 'fix within a week', cvss: { min: 7, max: 10 } },
    { id: 'critical', description: 'fix now, with an advisory', cvss: { min: 9, max: 10 } },
  ],
};

describe('mapToSeverityScale', () => {
  it("maps a score to the project's level with the highest minimum at or below it", () => {
    expect(mapToSeverityScale({ rating: 'high', score: 7.5 }, scale)).toMatchObject({
      level: 'important',
      description: 'fix within a week',
      showsCvss: true,
    });
    expect(mapToSeverityScale({ rating: 'critical', score: 9.8 }, scale).level).toBe('critical');
    expect(mapToSeverityScale({ rating: 'medium', score: 4 }, scale).level).toBe('moderate');
  });

  it('maps a rating without a score by the lowest score of its band', () => {
    expect(mapToSeverityScale({ rating: 'low', score: null }, scale).level).toBe('minor');
  });

  it('maps a range to the levels of its ends', () => {
    const mapped = mapToSeverityScale(
      { rating: 'unknown', score: null, range: { lowest: 'medium', highest: 'critical' } },
      scale,
    );
    expect(mapped).toMatchObject({
      level: null,
      range: { lowest: 'moderate', highest: 'critical' },
    });
  });

  it('gives no level for an unknown severity or a score below every level', () => {
    expect(mapToSeverityScale({ rating: 'unknown', score: null }, scale).level).toBeNull();
    expect(mapToSeverityScale({ rating: 'none', score: 0 }, scale)).toMatchObject({
      level: null,
      reason: 'no level of the project starts at or below 0',
    });
  });

  it('leaves the choice to a maintainer when the levels have no scores (no CVSS)', () => {
    const own: SeverityScale = {
      cvss: false,
      levels: [
        { id: 'P1', description: 'remote code execution or data loss' },
        { id: 'P2', description: 'everything else' },
      ],
    };
    expect(mapToSeverityScale({ rating: 'high', score: 8 }, own)).toMatchObject({
      level: null,
      showsCvss: false,
      reason: 'the project rates by its own criteria (P1, P2): a maintainer chooses',
    });
  });
});
