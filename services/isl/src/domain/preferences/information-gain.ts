/**
 * Expected information gain (EIG) of "A or B?" queries from precomputed utilities.
 *
 * Under the logistic choice model the answer depends on a particle only through the utility
 * difference u(A) − u(B), and a scenario's utility under a particle does not depend on which scenario
 * it is compared with. So elicitation computes each candidate's utility under each particle once
 * (particles × candidates multiply-adds) and scores every pair from two rows of that table, instead of
 * re-deriving attribute differences and dot products per pair.
 *
 * EIG = H(E_w[p(A|w)]) − E_w[H(p(A|w))] in bits. For p = σ(z) the binary entropy is
 * H = log(1 + e^{−|z|}) + |z|·e^{−|z|} / (1 + e^{−|z|}) nats: one exp and one log1p per particle, and
 * no cancellation for large |z|.
 */

/** Utilities of candidates under particles, candidate-major: `values[c · particles + i]`. */
export interface UtilityTable {
  readonly particles: number;
  readonly candidates: number;
  readonly values: Float64Array;
}

/**
 * Utility of each candidate under each particle: Σ_k w_ik · x_ck / s_k, where `scaled` holds the
 * candidates' outcomes already divided by their attribute's scale (row-major, `d` per candidate) and
 * `particles` the weight vectors (row-major, `d` per particle).
 */
export function utilityTable(particles: Float64Array, scaled: Float64Array, d: number): UtilityTable {
  const n = d === 0 ? 0 : particles.length / d;
  const c = d === 0 ? 0 : scaled.length / d;
  const values = new Float64Array(n * c);
  for (let j = 0; j < c; j++) {
    const row = j * n;
    for (let i = 0; i < n; i++) {
      let u = 0;
      for (let k = 0; k < d; k++) u += (particles[i * d + k] as number) * (scaled[j * d + k] as number);
      values[row + i] = u;
    }
  }
  return { particles: n, candidates: c, values };
}

const entropyBits = (p: number): number =>
  p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));

/**
 * EIG in bits of asking "candidate a or candidate b?" under normalised particle weights `w` and
 * choice sharpness `rationality`.
 */
export function pairInformationGain(
  table: UtilityTable,
  a: number,
  b: number,
  w: Float64Array,
  rationality: number,
): number {
  const { values, particles: n } = table;
  const rowA = a * n;
  const rowB = b * n;
  let marginal = 0;
  let conditional = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    // Particles with no posterior mass contribute nothing; skipping them saves the exp and log.
    if (wi === 0) continue;
    const z = rationality * ((values[rowA + i] as number) - (values[rowB + i] as number));
    const az = Math.abs(z);
    const e = Math.exp(-az);
    const q = 1 / (1 + e);
    marginal += wi * (z >= 0 ? q : e * q);
    conditional += wi * (Math.log1p(e) + az * e * q);
  }
  return Math.max(0, entropyBits(marginal) - conditional / Math.LN2);
}
