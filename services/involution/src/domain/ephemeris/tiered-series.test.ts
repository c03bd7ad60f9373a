import { describe, expect, it } from 'vitest';
import { geocentricMoon, geocentricMoonPlace, geocentricMoonState } from './lunar-theory.js';
import { heliocentricPlace, heliocentricPosition, heliocentricState } from './planetary-theory.js';
import { compileTieredSeries, compileTieredSeriesGroup, evaluateTiered } from './tiered-series.js';

// Terms [A, φ0, φ1]: A cos(φ0 + φ1 t). Coarse tier (|A|·2^α ≥ 1): frequencies 2 and 5, evaluated first;
// then the fine tier's 1 and 3, where 3 = 2 + 1 is derived (5 = 2 + 3 cannot be: 3 comes after it).
const POWER0 = [
  [0.5, 0.1, 1],
  [2, 0.2, 2],
  [0.01, 0.3, 3],
  [3, 0.4, 5],
];
const POWER1 = [[0.7, 1.1, 2]];
const series = compileTieredSeries([{ powers: [POWER0, POWER1], limits: [0.001, 1] }], 'cos', 2);

function naive(t: number, limit: number): number {
  const sum = (terms: number[][], scale: number) =>
    terms
      .filter(([a]) => Math.abs(a!) * scale >= limit)
      .reduce((s, [a, p, f]) => s + a! * Math.cos(p! + f! * t), 0);
  return sum(POWER0, 1) + t * sum(POWER1, 2);
}

describe('compileTieredSeries / evaluateTiered', () => {
  it('sums every term at the fine tier and only the large ones at the coarse tier', () => {
    const out = new Float64Array(3);
    for (const t of [-1.7, -0.2, 0, 0.6, 1.9]) {
      evaluateTiered(series, t, 0, 1, out);
      expect(out[0]).toBeCloseTo(naive(t, 0.001), 14);
      // Coarse tier keeps |A|·2^α ≥ 1: the 2, 3 and 0.7·t terms.
      expect(out[1]).toBeCloseTo(naive(t, 1), 14);
    }
    expect(series.termCount).toEqual([5, 3]);
  });

  it("gives the coarse tier's rate, matching a central difference", () => {
    const out = new Float64Array(3);
    const h = 1e-5;
    evaluateTiered(series, 0.4, 0, 1, out);
    expect(out[2]).toBeCloseTo((naive(0.4 + h, 1) - naive(0.4 - h, 1)) / (2 * h), 8);
  });

  it('orders frequencies coarse tier first and derives 3 = 2 + 1 instead of evaluating it', () => {
    const { set } = series;
    const frequencies = Array.from({ length: set.derivedFrom.length }, (_, i) => set.frequencies[4 * i]);
    expect(frequencies).toEqual([2, 5, 1, 3]);
    expect([...series.frequencyCount]).toEqual([4, 2]);
    expect([...set.derivedFrom]).toEqual([-1, -1, -1, 0]);
    expect([...set.derivedTo]).toEqual([-1, -1, -1, 2]);
  });
});

describe('compileTieredSeriesGroup', () => {
  // Two series with frequencies 2 and 3 in common; the second's 7 = 5 + 2 is derived across members.
  const first = [
    {
      powers: [
        [
          [1, 0.1, 2],
          [0.5, 0.2, 3],
          [0.25, 0.3, 5],
        ],
      ],
      limits: [0.001],
    },
  ];
  const second = [
    {
      powers: [
        [
          [2, 0.4, 3],
          [1.5, 0.5, 7],
          [0.75, 0.6, 2],
        ],
      ],
      limits: [0.001],
    },
  ];
  const [a, b] = compileTieredSeriesGroup([first, second], 'cos', 1);
  const alone = [compileTieredSeries(first, 'cos', 1), compileTieredSeries(second, 'cos', 1)];

  it('shares one frequency set, each member using what it needs', () => {
    expect(a!.set).toBe(b!.set);
    expect(Array.from({ length: 4 }, (_, i) => a!.set.frequencies[4 * i])).toEqual([2, 3, 5, 7]);
    expect([...a!.frequencyCount]).toEqual([3]);
    expect([...b!.frequencyCount]).toEqual([4]);
  });

  it('gives what each series compiled alone gives, whichever member is evaluated first at an instant', () => {
    const out = new Float64Array(3);
    const expected = new Float64Array(3);
    for (const t of [0.3, -0.8, 0.3]) {
      for (const [member, single] of [
        [b, alone[1]],
        [a, alone[0]],
      ] as const) {
        evaluateTiered(member!, t, 0, -1, out);
        evaluateTiered(single!, t, 0, -1, expected);
        expect(out[0]).toBeCloseTo(expected[0]!, 14);
      }
    }
  });
});

describe('one-pass places', () => {
  it('equal the precise position and the coarse velocity evaluated separately (VSOP87 Mars)', () => {
    const jd = 2460000.5;
    const place = heliocentricPlace('Mars', jd);
    const position = heliocentricPosition('Mars', jd, 'precise');
    const velocity = heliocentricState('Mars', jd, 'coarse').velocity;
    place.position.forEach((x, i) => expect(x).toBe(position[i]));
    place.velocity.forEach((v, i) => expect(v).toBe(velocity[i]));
  });

  it('equal the precise position and the coarse velocity evaluated separately (ELP/MPP02 Moon)', () => {
    const jd = 2433282.5;
    const place = geocentricMoonPlace(jd);
    const position = geocentricMoon(jd, 'precise');
    const velocity = geocentricMoonState(jd, 'coarse').velocity;
    place.position.forEach((x, i) => expect(x).toBe(position[i]));
    place.velocity.forEach((v, i) => expect(v).toBe(velocity[i]));
  });
});
