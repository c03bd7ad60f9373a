/**
 * A small DPLL SAT solver with two watched literals and chronological backtracking, enough for the
 * ground instances the finite model finder produces. Literals are integers: 2·var (true) and
 * 2·var+1 (false).
 */

export type SatAnswer = { readonly sat: true; readonly values: Int8Array } | { readonly sat: false } | { readonly sat: 'unknown' };

export const positive = (v: number): number => 2 * v;
export const negative = (v: number): number => 2 * v + 1;

export interface SatLimits {
  /** Give up (answer unknown) after this many decisions plus conflicts. */
  readonly maxSteps: number;
  /** Checked every 256 steps (one step can propagate through every clause); true means stop with unknown. */
  readonly expired?: () => boolean;
}

export function solveSat(varCount: number, input: readonly (readonly number[])[], limits: SatLimits): SatAnswer {
  const value = new Int8Array(varCount); // 0 unassigned, 1 true, -1 false
  const litValue = (lit: number): number => {
    const v = value[lit >> 1] as number;
    return lit & 1 ? -v : v;
  };
  const clauses: number[][] = [];
  const units: number[] = [];
  for (let i = 0; i < input.length; i++) {
    // Reading in a few hundred thousand clauses takes a while: the caller's deadline holds here too.
    if ((i & 4095) === 4095 && limits.expired?.() === true) return { sat: 'unknown' };
    const uniq = [...new Set(input[i])];
    if (uniq.some((l) => uniq.includes(l ^ 1))) continue;
    if (uniq.length === 0) return { sat: false };
    if (uniq.length === 1) units.push(uniq[0] as number);
    else clauses.push(uniq);
  }
  const watches: number[][] = Array.from({ length: 2 * varCount }, () => []);
  clauses.forEach((c, i) => {
    watches[c[0] as number]!.push(i);
    watches[c[1] as number]!.push(i);
  });
  const trail: number[] = [];
  const assign = (lit: number): void => {
    value[lit >> 1] = lit & 1 ? -1 : 1;
    trail.push(lit);
  };
  let head = 0;
  /** Unit propagation; returns false on a conflict. */
  const propagate = (): boolean => {
    while (head < trail.length) {
      const falseLit = (trail[head++] as number) ^ 1;
      const list = watches[falseLit] as number[];
      let i = 0;
      while (i < list.length) {
        const ci = list[i] as number;
        const c = clauses[ci] as number[];
        if (c[0] === falseLit) {
          c[0] = c[1] as number;
          c[1] = falseLit;
        }
        const other = c[0] as number;
        if (litValue(other) === 1) {
          i++;
          continue;
        }
        let moved = false;
        for (let k = 2; k < c.length; k++) {
          const l = c[k] as number;
          if (litValue(l) !== -1) {
            c[1] = l;
            c[k] = falseLit;
            watches[l]!.push(ci);
            list[i] = list[list.length - 1] as number;
            list.pop();
            moved = true;
            break;
          }
        }
        if (moved) continue;
        if (litValue(other) === -1) return false;
        assign(other);
        i++;
      }
    }
    return true;
  };
  for (const u of units) {
    const v = litValue(u);
    if (v === -1) return { sat: false };
    if (v === 0) assign(u);
  }
  const decisions: { trailSize: number; lit: number; flipped: boolean }[] = [];
  let nextVar = 0;
  let steps = 0;
  for (;;) {
    if (!propagate()) {
      // Backtrack to the most recent decision not yet flipped.
      for (;;) {
        const d = decisions.pop();
        if (d === undefined) return { sat: false };
        while (trail.length > d.trailSize) value[(trail.pop() as number) >> 1] = 0;
        head = trail.length;
        nextVar = 0;
        if (!d.flipped) {
          decisions.push({ trailSize: trail.length, lit: d.lit ^ 1, flipped: true });
          assign(d.lit ^ 1);
          break;
        }
      }
      if (++steps > limits.maxSteps || (steps % 256 === 0 && limits.expired?.() === true)) return { sat: 'unknown' };
      continue;
    }
    while (nextVar < varCount && value[nextVar] !== 0) nextVar++;
    if (nextVar === varCount) return { sat: true, values: value };
    if (++steps > limits.maxSteps || (steps % 256 === 0 && limits.expired?.() === true)) return { sat: 'unknown' };
    const lit = negative(nextVar);
    decisions.push({ trailSize: trail.length, lit, flipped: false });
    assign(lit);
  }
}
