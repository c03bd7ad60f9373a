import { describe, expect, it } from 'vitest';
import { attributeScores } from './attribute-levels.js';
import { paretoFront } from './pareto-front.js';
import { alignTeam } from './team-alignment.js';
import type { TeamAlignmentRequest } from './team-alignment.js';

describe('paretoFront', () => {
  it('keeps exactly the non-dominated points', () => {
    expect(
      paretoFront([
        [1, 0],
        [0, 1],
        [0, 0],
        [0.5, 0.5],
        [0.4, 0.4],
        [1, 0],
      ]),
    ).toEqual([0, 1, 3, 5]);
  });
});

describe('attributeScores', () => {
  it('scales numbers and maps ordinal words', () => {
    expect(attributeScores([10, 20, 15])).toEqual([0, 1, 0.5]);
    expect(attributeScores(['fast', 'medium', 'unheard-of'])).toEqual([0.75, 0.5, undefined]);
  });
});

const request: TeamAlignmentRequest = {
  perspectives: [
    {
      role: 'PM',
      priorities: ['Fast time-to-market', 'Revenue growth'],
      constraints: ['Limited budget'],
      preferred_options: ['option_a'],
    },
    {
      role: 'Designer',
      priorities: ['User experience quality'],
      constraints: ['Limited budget'],
      preferred_options: ['option_b'],
    },
    { role: 'Engineer', priorities: ['Quality', 'Speed'], constraints: ['Limited budget', 'Legacy stack'] },
  ],
  options: [
    { id: 'option_a', name: 'Quick MVP', attributes: { speed: 'fast', quality: 'medium' } },
    { id: 'option_b', name: 'Polished feature', attributes: { speed: 'medium', quality: 'high' } },
    { id: 'option_c', name: 'Slow and rough', attributes: { speed: 'slow', quality: 'low' } },
  ],
};

describe('alignTeam', () => {
  it('scores roles, aggregates, finds the Pareto front and recommends with a reason', () => {
    const result = alignTeam(request);
    // PM: speed only (no quality word) → 0.7·level + 0.3·preferred.
    const a = result.aligned_options.find((o) => o.option === 'option_a')!;
    const b = result.aligned_options.find((o) => o.option === 'option_b')!;
    expect(a.role_scores).toEqual({ PM: 82.5, Designer: 35, Engineer: 55.83 });
    // Engineer: quality weight 1, speed weight 1/2, no preferences (0.5): 0.7·(0.75 + 0.25)/1.5 + 0.15.
    expect(b.role_scores).toEqual({ PM: 35, Designer: 82.5, Engineer: 61.67 });
    expect(a.satisfaction_score).toBe(57.78);
    expect(b.satisfaction_score).toBe(59.72);
    expect(result.pareto_front).toEqual(['option_a', 'option_b']);
    expect(result.recommendation.top_option).toBe('option_b');
    expect(result.recommendation.rationale).toContain('highest weighted satisfaction (59.72/100');
    expect(result.common_ground.shared_constraints).toEqual(['Limited budget']);
    expect(result.conflicts.map((c) => c.between)).toEqual([
      ['PM', 'Designer'],
      ['PM', 'Engineer'],
    ]);
  });

  it('lets role weights change the recommendation', () => {
    const weighted = alignTeam({
      ...request,
      perspectives: request.perspectives.map((p) => (p.role === 'PM' ? { ...p, weight: 3 } : p)),
    });
    expect(weighted.recommendation.top_option).toBe('option_a');
  });

  it('names unknown preferred options', () => {
    expect(() =>
      alignTeam({
        ...request,
        perspectives: [{ ...request.perspectives[0]!, preferred_options: ['zzz'] }, request.perspectives[1]!],
      }),
    ).toThrow('perspectives[0].preferred_options[0]: unknown option "zzz"');
  });
});
