import { describe, expect, it } from 'vitest';
import { mapToSeverityScale, type SeverityScale } from './map-to-severity-scale.js';

const scale: SeverityScale = {
  cvss: true,
  levels: [
    { name: 'minor', minScore: 0.1, description: 'fix in the next release' },
    { name: 'moderate', minScore: 4, description: 'fix within a month' },
    { name: 'important', minScore: 7, description: 'fix within a week' },
    { name: 'critical', minScore: 9, description: 'fix now, with an advisory' },
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
        { name: 'P1', description: 'remote code execution or data loss' },
        { name: 'P2', description: 'everything else' },
      ],
    };
    expect(mapToSeverityScale({ rating: 'high', score: 8 }, own)).toMatchObject({
      level: null,
      showsCvss: false,
      reason: 'the project rates by its own criteria (P1, P2): a maintainer chooses',
    });
  });
});
