/**
 * The posterior over a user's attribute weights, as a weighted particle set.
 *
 * Particles are weight vectors on the simplex (non-negative, summing to 1), drawn from a flat
 * Dirichlet prior with a seeded generator. Only the seed and the log-weights are stored: the particles
 * are regenerated from the seed, which keeps the stored state small and the update exact.
 * Everything here is a pure function over explicit JSON state, so the HTTP layer can keep it per user
 * (beliefs live 24 h).
 */
import { IslError } from '../../errors.js';
import { createRng } from '../random.js';

/** Particles per posterior. */
export const PARTICLE_COUNT = 512;
/** Most attributes a preference model may have. */
export const MAX_ATTRIBUTES = 12;
/** Choice sharpness β of the logistic (Bradley–Terry) choice model on normalised utilities. */
export const DEFAULT_RATIONALITY = 8;

/** JSON-serialisable posterior state. */
export interface PreferencePosterior {
  readonly attributes: readonly string[];
  readonly seed: number;
  /** Unnormalised log-weight per particle. */
  readonly log_weights: readonly number[];
  readonly rationality: number;
  readonly queries_completed: number;
}

/**
 * A flat prior over the weights of `attributes`.
 *
 * @example createPosterior(['revenue', 'churn'], 1).queries_completed // 0
 */
export function createPosterior(
  attributes: readonly string[],
  seed: number,
  rationality = DEFAULT_RATIONALITY,
): PreferencePosterior {
  const unique = new Set(attributes);
  if (attributes.length < 2 || attributes.length > MAX_ATTRIBUTES || unique.size !== attributes.length) {
    throw new IslError('ISL_INVALID_INPUT', `preferences need 2 to ${MAX_ATTRIBUTES} distinct attributes`, {
      field: 'context.variables',
    });
  }
  if (attributes.some((a) => typeof a !== 'string' || a.length === 0 || a.length > 100)) {
    throw new IslError('ISL_INVALID_INPUT', 'attribute names must be 1 to 100 characters', {
      field: 'context.variables',
    });
  }
  return {
    attributes: [...attributes],
    seed: seed >>> 0,
    log_weights: new Array<number>(PARTICLE_COUNT).fill(0),
    rationality,
    queries_completed: 0,
  };
}

/**
 * The particles of a posterior as one flat row-major matrix (particle i's weight on attribute k at
 * i·d + k), regenerated from its seed. The hot paths (elicitation, updates, summaries) read this form.
 */
export function particleMatrix(posterior: PreferencePosterior): Float64Array {
  const rng = createRng(posterior.seed);
  const d = posterior.attributes.length;
  const n = posterior.log_weights.length;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    // Dirichlet(1, …, 1): normalised standard exponentials.
    let sum = 0;
    for (let k = 0; k < d; k++) {
      const e = -Math.log(1 - rng.next());
      out[i * d + k] = e;
      sum += e;
    }
    for (let k = 0; k < d; k++) out[i * d + k] = (out[i * d + k] as number) / sum;
  }
  return out;
}

/** The particles (weight vectors) of a posterior, regenerated from its seed. */
export function particlesOf(posterior: PreferencePosterior): number[][] {
  const d = posterior.attributes.length;
  const flat = particleMatrix(posterior);
  return Array.from({ length: posterior.log_weights.length }, (_, i) => Array.from(flat.subarray(i * d, i * d + d)));
}

/** Normalised particle weights. */
export function normalisedWeights(posterior: PreferencePosterior): number[] {
  return Array.from(normalisedWeightArray(posterior));
}

/** Normalised particle weights as a typed array. */
export function normalisedWeightArray(posterior: PreferencePosterior): Float64Array {
  const lw = posterior.log_weights;
  let max = -Infinity;
  for (const x of lw) if (x > max) max = x;
  const w = new Float64Array(lw.length);
  let total = 0;
  for (let i = 0; i < lw.length; i++) {
    const x = Math.exp((lw[i] as number) - max);
    w[i] = x;
    total += x;
  }
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / total;
  return w;
}

/** Posterior mean and standard deviation of each attribute's weight. */
export function weightSummary(
  posterior: PreferencePosterior,
): { attribute: string; mean: number; std: number }[] {
  const d = posterior.attributes.length;
  const particles = particleMatrix(posterior);
  const w = normalisedWeightArray(posterior);
  return posterior.attributes.map((attribute, a) => {
    let mean = 0;
    for (let i = 0; i < w.length; i++) mean += (w[i] as number) * (particles[i * d + a] as number);
    let variance = 0;
    for (let i = 0; i < w.length; i++) variance += (w[i] as number) * ((particles[i * d + a] as number) - mean) ** 2;
    return { attribute, mean, std: Math.sqrt(variance) };
  });
}

/** Effective number of particles, (Σw)²/Σw². */
export function effectiveSampleSize(posterior: PreferencePosterior): number {
  const w = normalisedWeights(posterior);
  return 1 / w.reduce((s, x) => s + x * x, 0);
}

/** Validates a posterior read back from storage or a request. */
export function assertPosterior(value: unknown, field = 'current_beliefs'): PreferencePosterior {
  const p = value as PreferencePosterior;
  const ok =
    typeof p === 'object' &&
    p !== null &&
    Array.isArray(p.attributes) &&
    Array.isArray(p.log_weights) &&
    p.log_weights.length === PARTICLE_COUNT &&
    p.log_weights.every((x) => typeof x === 'number' && !Number.isNaN(x)) &&
    Number.isInteger(p.seed) &&
    typeof p.rationality === 'number' &&
    p.rationality > 0 &&
    Number.isInteger(p.queries_completed);
  if (!ok) throw new IslError('ISL_INVALID_INPUT', `${field} is not a valid preference posterior`, { field });
  return p;
}

/** Stated beliefs in the original API's `UserBeliefModel.value_weights` shape. */
export type StatedValueWeights = Record<
  string,
  { type?: string; parameters?: { mean?: number; std?: number } }
>;

/**
 * A prior tilted toward stated beliefs: each particle is weighted by the normal densities of its
 * weights under the stated means and standard deviations (attributes without both are left flat).
 */
export function posteriorFromStatedBeliefs(
  attributes: readonly string[],
  seed: number,
  stated: StatedValueWeights,
): PreferencePosterior {
  const flat = createPosterior(attributes, seed);
  const particles = particlesOf(flat);
  const terms = attributes.flatMap((a, k) => {
    const p = Object.prototype.hasOwnProperty.call(stated, a) ? stated[a]?.parameters : undefined;
    const mean = p?.mean;
    const std = p?.std;
    return typeof mean === 'number' && typeof std === 'number' && std > 0 && Number.isFinite(mean)
      ? [{ k, mean, std }]
      : [];
  });
  const logWeights = particles.map((particle) =>
    terms.reduce((s, t) => s - ((particle[t.k] ?? 0) - t.mean) ** 2 / (2 * t.std * t.std), 0),
  );
  const max = Math.max(...logWeights);
  return { ...flat, log_weights: logWeights.map((x) => x - max) };
}
