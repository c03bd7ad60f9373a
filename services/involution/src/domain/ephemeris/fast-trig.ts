/**
 * Sine and cosine of one angle in a single pass, for the series' inner loops.
 *
 * Math.sin and Math.cos each reduce the argument again and are calls into the runtime; the series need
 * both for thousands of angles per instant. Here the angle is reduced once by π/2 (Cody–Waite: the
 * high part of π/2 has trailing zero bits, so k·PIO2_HI is exact for |k| < 2²⁰, i.e. |x| < 1.6·10⁶ rad,
 * far beyond the series' largest argument, ~3·10⁵ rad), then the minimax kernels of fdlibm's
 * __kernel_sin/__kernel_cos (|r| ≤ π/4) run and the quadrant picks signs by table, without branches.
 * Agrees with Math.sin/Math.cos to ~1 ulp of 1.
 */

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;
/** 1.5 · 2⁵²: adding and subtracting it rounds a double to the nearest integer (|x| < 2⁵¹). */
const ROUND = 6755399441055744;

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

// cos x = A[q]·cos r + B[q]·sin r and sin x = A[q]·sin r − B[q]·cos r for x = r + q·π/2.
const QUADRANT_A = Float64Array.from([1, 0, -1, 0]);
const QUADRANT_B = Float64Array.from([0, -1, 0, 1]);

/**
 * Writes cos x to out[offset] and sin x to out[offset + 1], for |x| < 1.6·10⁶ rad.
 *
 * @example const cs = new Float64Array(2); sinCosInto(Math.PI / 3, cs, 0); // cs ≈ [0.5, 0.8660254037844386]
 */
export function sinCosInto(x: number, out: Float64Array, offset: number): void {
  const k = x * INV_PIO2 + ROUND - ROUND;
  const r = x - k * PIO2_HI - k * PIO2_LO;
  const z = r * r;
  const s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
  const c = 1 - 0.5 * z + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const q = k & 3;
  const a = QUADRANT_A[q]!;
  const b = QUADRANT_B[q]!;
  out[offset] = a * c + b * s;
  out[offset + 1] = a * s - b * c;
}
