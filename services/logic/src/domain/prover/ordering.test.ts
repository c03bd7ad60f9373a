import { describe, expect, it } from 'vitest';
import { Cmp, Kbo } from './ordering.js';
import { app, Signature, type Term } from './terms.js';

describe('Kbo', () => {
  const sig = new Signature();
  const e = sig.intern('e', 0, false);
  const inv = sig.intern('inv', 1, false);
  const mult = sig.intern('mult', 2, false);
  const kbo = new Kbo(sig.arities);
  const E = app(e, []);
  const m = (a: Term, b: Term): Term => app(mult, [a, b]);
  const i = (a: Term): Term => app(inv, [a]);

  it('orients the group axioms left to right', () => {
    expect(kbo.compare(m(0, E), 0)).toBe(Cmp.GT);
    expect(kbo.compare(m(i(0), 0), E)).toBe(Cmp.GT);
    expect(kbo.compare(m(m(0, 1), 2), m(0, m(1, 2)))).toBe(Cmp.GT);
    expect(kbo.compare(m(0, m(1, 2)), m(m(0, 1), 2))).toBe(Cmp.LT);
  });

  it('leaves terms incomparable when a variable occurs more often on the smaller side', () => {
    expect(kbo.compare(m(0, 0), m(1, 0))).toBe(Cmp.INC);
    expect(kbo.compare(0, 1)).toBe(Cmp.INC);
    expect(kbo.compare(0, m(0, E))).toBe(Cmp.LT);
  });

  it('is total on ground terms', () => {
    const ground = [E, i(E), m(E, E), i(i(E)), m(i(E), E), m(E, i(E))];
    for (const a of ground) for (const b of ground) expect(kbo.compare(a, b) === Cmp.INC).toBe(false);
  });
});
