/**
 * Abduction: solving an equation for its noise term given an observed value.
 *
 * For additive (more generally, affine) noise the solution is exact: two evaluations give the slope
 * and one division the noise. Otherwise a bracketing search and bisection find a root of the monotone
 * segment nearest the noise's centre. The Jacobian |df/du| is returned too, because the posterior
 * weight of the solved noise is its density divided by it (change of variables).
 */

/** Result of solving `f(u) = target`. */
export interface NoiseSolution {
  readonly value: number;
  /** |df/du| at the solution. */
  readonly jacobian: number;
}

const relTol = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

/**
 * Solves f(u) = target for u near `centre` with natural scale `scale`.
 * Returns undefined when no solution is found (the evidence is impossible for this sample).
 */
export function solveNoise(
  f: (u: number) => number,
  target: number,
  centre: number,
  scale: number,
): NoiseSolution | undefined {
  const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const f0 = f(centre);
  const f1 = f(centre + s);
  const f2 = f(centre + 2 * s);
  const slope = (f1 - f0) / s;
  // Affine in u (additive noise, or noise times a known factor): exact inversion.
  if (Number.isFinite(slope) && slope !== 0 && Math.abs(f2 - f1 - (f1 - f0)) <= relTol(f1 - f0)) {
    const u = centre + (target - f0) / slope;
    if (Math.abs(f(u) - target) <= relTol(target)) return { value: u, jacobian: Math.abs(slope) };
  }
  // General case: expand a bracket around the centre, then bisect.
  const g = (u: number): number => f(u) - target;
  let step = s;
  for (let k = 0; k < 60; k++) {
    for (const [a, b] of [
      [centre, centre + step],
      [centre - step, centre],
    ] as const) {
      const ga = g(a);
      const gb = g(b);
      if (!Number.isFinite(ga) || !Number.isFinite(gb)) continue;
      if (ga === 0) return withJacobian(f, a, s);
      if (gb === 0) return withJacobian(f, b, s);
      if (ga * gb < 0) return withJacobian(f, bisect(g, a, b, ga), s);
    }
    step *= 2;
  }
  return undefined;
}

function bisect(g: (u: number) => number, a0: number, b0: number, ga0: number): number {
  let a = a0;
  let b = b0;
  let ga = ga0;
  for (let i = 0; i < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    const gm = g(m);
    if (gm === 0) return m;
    if (ga * gm < 0) b = m;
    else {
      a = m;
      ga = gm;
    }
  }
  return (a + b) / 2;
}

function withJacobian(f: (u: number) => number, u: number, scale: number): NoiseSolution {
  const h = 1e-6 * Math.max(scale, Math.abs(u), 1e-12);
  const jacobian = Math.abs((f(u + h) - f(u - h)) / (2 * h));
  return { value: u, jacobian };
}
