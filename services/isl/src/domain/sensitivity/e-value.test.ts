import { describe, expect, it } from 'vitest';
import { eValue, eValueForConfidenceLimit, eValueFromRiskRatio } from './e-value.js';

describe('eValueFromRiskRatio', () => {
  it('gives 3.4142 at RR = 2 (VanderWeele & Ding)', () => {
    expect(eValueFromRiskRatio(2)).toBe(2 + Math.sqrt(2));
    expect(eValueFromRiskRatio(2).toFixed(4)).toBe('3.4142');
  });

  it('inverts protective risk ratios and gives 1 at the null', () => {
    expect(eValueFromRiskRatio(0.5)).toBe(eValueFromRiskRatio(2));
    expect(eValueFromRiskRatio(1)).toBe(1);
  });

  it('uses the limit closer to the null and 1 when the interval contains it', () => {
    expect(eValueForConfidenceLimit(2, 1.5, 3)).toBe(1.5 + Math.sqrt(0.75));
    expect(eValueForConfidenceLimit(0.5, 0.3, 0.8)).toBeCloseTo(1.25 + Math.sqrt(1.25 * 0.25), 12);
    expect(eValueForConfidenceLimit(2, 0.9, 3)).toBe(1);
  });
});

describe('eValue', () => {
  it('converts odds ratios for rare and common outcomes', () => {
    expect(eValue({ type: 'odds_ratio', estimate: 2, rare_outcome: true }).e_value).toBe(2 + Math.sqrt(2));
    // Common outcome: RR ≈ √4 = 2.
    expect(eValue({ type: 'odds_ratio', estimate: 4 }).e_value).toBe(2 + Math.sqrt(2));
  });

  it('converts standardized mean differences with RR = exp(0.91 d)', () => {
    const result = eValue({ type: 'standardized_mean_difference', estimate: 0.5, se: 0.1 });
    const rr = Math.exp(0.455);
    expect(result.risk_ratio).toBe(rr);
    expect(result.e_value).toBe(rr + Math.sqrt(rr * (rr - 1)));
    const lower = Math.exp(0.455 - 0.178);
    expect(result.e_value_ci).toBe(lower + Math.sqrt(lower * (lower - 1)));
  });

  it('reports the confidence-limit E-value for risk ratios', () => {
    // RR 3.9 (1.8, 8.7): E = 3.9 + √(3.9·2.9) = 7.26; lower limit 1.8 + √(1.8·0.8) = 3.00.
    const result = eValue({ type: 'risk_ratio', estimate: 3.9, lower: 1.8, upper: 8.7 });
    expect(result.e_value.toFixed(2)).toBe('7.26');
    expect(result.e_value_ci?.toFixed(2)).toBe('3.00');
  });

  it('rejects a non-positive ratio naming the field', () => {
    expect(() => eValue({ type: 'risk_ratio', estimate: 0 }, 'effect_estimates[0]')).toThrow(
      'effect_estimates[0].estimate',
    );
  });
});
