/**
 * Distributions of exogenous (noise) variables in a structural causal model.
 *
 * Field names follow the original API: `{type, parameters: {mean, std}}`; `params`, `sd`, `low`/`high`
 * are accepted as synonyms because callers write both.
 */
import { IslError } from '../../errors.js';
import type { Rng } from '../random.js';

/** A distribution as it arrives in a request. */
export interface DistributionSpec {
  type: string;
  parameters?: Record<string, number>;
  params?: Record<string, number>;
}

/** A validated distribution with the operations the counterfactual engine needs. */
export interface Distribution {
  readonly type: 'normal' | 'uniform' | 'bernoulli' | 'constant' | 'exponential';
  readonly mean: number;
  readonly sd: number;
  /** True for distributions with a density (abduction can invert them). */
  readonly continuous: boolean;
  sample(rng: Rng): number;
  /** Draw mirrored through the distribution's centre, for antithetic sampling; undefined when asymmetric. */
  mirror(draw: number): number | undefined;
  /** Inverse CDF at p in (0, 1). */
  quantile(p: number): number;
  /** Log density (continuous) or log mass (discrete) at x; -Infinity outside the support. */
  logDensity(x: number): number;
}

/** Standard normal inverse CDF (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const at = (arr: number[], i: number): number => arr[i] ?? 0;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1)
    );
  }
  if (p > 1 - pLow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) /
    (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1)
  );
}

function param(spec: Record<string, number>, names: string[], field: string, fallback?: number): number {
  for (const name of names) {
    const value = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (value !== undefined) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new IslError('ISL_MODEL_INVALID', `${field}.${name} must be a finite number`, {
          field: `${field}.${name}`,
        });
      }
      return value;
    }
  }
  if (fallback !== undefined) return fallback;
  throw new IslError('ISL_MODEL_INVALID', `${field} needs parameter ${names.join(' or ')}`, {
    field: `${field}.${names[0] ?? ''}`,
  });
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Validates a distribution spec.
 *
 * @param field request path used in error messages, e.g. `model.distributions.U_Y`.
 * @throws IslError ISL_MODEL_INVALID naming the field.
 */
export function createDistribution(spec: DistributionSpec, field: string): Distribution {
  if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') {
    throw new IslError('ISL_MODEL_INVALID', `${field} must be an object with a type`, { field });
  }
  const p = spec.parameters ?? spec.params ?? {};
  const pf = `${field}.parameters`;
  switch (spec.type) {
    case 'normal':
    case 'gaussian': {
      const mean = param(p, ['mean', 'mu', 'loc'], pf, 0);
      const sd = param(p, ['std', 'sd', 'sigma', 'scale'], pf, 1);
      if (sd < 0) throw new IslError('ISL_MODEL_INVALID', `${pf}.std must be >= 0`, { field: `${pf}.std` });
      return {
        type: 'normal',
        mean,
        sd,
        continuous: sd > 0,
        sample: (rng) => rng.normal(mean, sd),
        mirror: (x) => 2 * mean - x,
        quantile: (q) => mean + sd * normalQuantile(q),
        logDensity: (x) =>
          sd === 0
            ? x === mean
              ? 0
              : -Infinity
            : -LOG_SQRT_2PI - Math.log(sd) - 0.5 * ((x - mean) / sd) ** 2,
      };
    }
    case 'uniform': {
      const low = param(p, ['min', 'low', 'a'], pf);
      const high = param(p, ['max', 'high', 'b'], pf);
      if (!(high > low))
        throw new IslError('ISL_MODEL_INVALID', `${pf}: max must exceed min`, { field: `${pf}.max` });
      return {
        type: 'uniform',
        mean: (low + high) / 2,
        sd: (high - low) / Math.sqrt(12),
        continuous: true,
        sample: (rng) => rng.uniform(low, high),
        mirror: (x) => low + high - x,
        quantile: (q) => low + (high - low) * q,
        logDensity: (x) => (x >= low && x <= high ? -Math.log(high - low) : -Infinity),
      };
    }
    case 'bernoulli': {
      const prob = param(p, ['p', 'prob', 'probability'], pf);
      if (prob < 0 || prob > 1)
        throw new IslError('ISL_MODEL_INVALID', `${pf}.p must be in [0, 1]`, { field: `${pf}.p` });
      return {
        type: 'bernoulli',
        mean: prob,
        sd: Math.sqrt(prob * (1 - prob)),
        continuous: false,
        sample: (rng) => rng.bernoulli(prob),
        mirror: () => undefined,
        quantile: (q) => (q <= 1 - prob ? 0 : 1),
        logDensity: (x) => (x === 1 ? Math.log(prob) : x === 0 ? Math.log(1 - prob) : -Infinity),
      };
    }
    case 'constant': {
      const value = param(p, ['value', 'mean'], pf);
      return {
        type: 'constant',
        mean: value,
        sd: 0,
        continuous: false,
        sample: () => value,
        mirror: () => value,
        quantile: () => value,
        logDensity: (x) => (x === value ? 0 : -Infinity),
      };
    }
    case 'exponential': {
      const rate = param(p, ['rate', 'lambda'], pf, 1);
      if (!(rate > 0))
        throw new IslError('ISL_MODEL_INVALID', `${pf}.rate must be > 0`, { field: `${pf}.rate` });
      return {
        type: 'exponential',
        mean: 1 / rate,
        sd: 1 / rate,
        continuous: true,
        sample: (rng) => -Math.log(1 - rng.next()) / rate,
        mirror: () => undefined,
        quantile: (q) => -Math.log(1 - q) / rate,
        logDensity: (x) => (x >= 0 ? Math.log(rate) - rate * x : -Infinity),
      };
    }
    default:
      throw new IslError(
        'ISL_MODEL_INVALID',
        `${field}.type "${spec.type}" is not one of normal, uniform, bernoulli, constant, exponential`,
        {
          field: `${field}.type`,
          details: { allowed: ['normal', 'uniform', 'bernoulli', 'constant', 'exponential'] },
        },
      );
  }
}
