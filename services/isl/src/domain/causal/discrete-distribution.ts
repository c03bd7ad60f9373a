import { IslError } from '../../errors.js';

/** A value a discrete variable takes. */
export type DiscreteValue = string | number | boolean;

/** One cell of a joint table: an assignment of every variable and its probability (or count). */
export interface JointEntry {
  values: Record<string, DiscreteValue>;
  p: number;
}

/** A conditional probability table: P(variable = value | parents) for each parent assignment. */
export interface Cpt {
  variable: string;
  parents: string[];
  /** The variable's values, in order. */
  values: DiscreteValue[];
  /** Maps a parent assignment to the probability of each value, in `values` order. */
  probabilities: (parents: Record<string, DiscreteValue>) => number[];
}

const SEP = '\u0001';

/**
 * A joint distribution over discrete variables, stored as its non-zero cells; marginals are
 * computed on demand and cached per variable subset.
 */
export class DiscreteDistribution {
  readonly variables: readonly string[];
  private readonly domains = new Map<string, DiscreteValue[]>();
  private readonly cells: { values: Record<string, DiscreteValue>; p: number }[];
  private readonly marginals = new Map<string, Map<string, number>>();

  /** Weights are normalised; they may be counts. */
  constructor(variables: readonly string[], entries: readonly JointEntry[]) {
    this.variables = [...variables];
    const total = entries.reduce((s, e) => s + e.p, 0);
    if (!(total > 0)) throw new IslError('ISL_DATA_INVALID', 'distribution has no mass', { field: 'data' });
    for (const v of variables) this.domains.set(v, []);
    this.cells = [];
    for (const e of entries) {
      if (e.p < 0 || !Number.isFinite(e.p)) {
        throw new IslError('ISL_DATA_INVALID', 'probabilities must be finite and non-negative', {
          field: 'data',
        });
      }
      for (const v of variables) {
        const val = e.values[v];
        if (val === undefined) {
          throw new IslError('ISL_DATA_INVALID', `a cell has no value for "${v}"`, {
            field: 'data',
            details: { variable: v },
          });
        }
        const dom = this.domains.get(v) as DiscreteValue[];
        if (!dom.some((d) => String(d) === String(val))) dom.push(val);
      }
      this.cells.push({ values: e.values, p: e.p / total });
    }
  }

  /** The joint distribution of a Bayesian network given by its CPTs (in any order). */
  static fromCpts(cpts: readonly Cpt[]): DiscreteDistribution {
    let cells: JointEntry[] = [{ values: {}, p: 1 }];
    const done = new Set<string>();
    const pending = [...cpts];
    while (pending.length > 0) {
      const i = pending.findIndex((c) => c.parents.every((p) => done.has(p)));
      if (i < 0)
        throw new IslError('ISL_INVALID_INPUT', 'CPT parents form a cycle or are missing', { field: 'cpts' });
      const c = pending.splice(i, 1)[0] as Cpt;
      const next: JointEntry[] = [];
      for (const cell of cells) {
        const ps = c.probabilities(cell.values);
        c.values.forEach((val, k) => {
          const q = ps[k] ?? 0;
          next.push({ values: { ...cell.values, [c.variable]: val }, p: cell.p * q });
        });
      }
      cells = next;
      done.add(c.variable);
    }
    return new DiscreteDistribution(
      cpts.map((c) => c.variable),
      cells,
    );
  }

  /** The empirical distribution of data rows over the given variables. */
  static fromRows(
    rows: readonly Record<string, unknown>[],
    variables: readonly string[],
  ): DiscreteDistribution {
    const counts = new Map<string, JointEntry>();
    for (const [i, row] of rows.entries()) {
      const values: Record<string, DiscreteValue> = {};
      for (const v of variables) {
        const val = row[v];
        if (typeof val !== 'string' && typeof val !== 'number' && typeof val !== 'boolean') {
          throw new IslError('ISL_DATA_INVALID', `row ${i} has no usable value for "${v}"`, {
            field: `data[${i}].${v}`,
          });
        }
        values[v] = val;
      }
      const key = variables.map((v) => String(values[v])).join(SEP);
      const e = counts.get(key);
      if (e) e.p += 1;
      else counts.set(key, { values, p: 1 });
    }
    return new DiscreteDistribution(variables, [...counts.values()]);
  }

  domain(variable: string): readonly DiscreteValue[] {
    const d = this.domains.get(variable);
    if (!d) {
      throw new IslError('ISL_DATA_INVALID', `the distribution has no variable "${variable}"`, {
        field: 'data',
        details: { variable },
      });
    }
    return d;
  }

  /** P(vars = assignment) for a subset of variables. */
  probability(vars: readonly string[], assignment: Readonly<Record<string, DiscreteValue>>): number {
    const sorted = [...vars].sort();
    const mkey = sorted.join(SEP);
    let m = this.marginals.get(mkey);
    if (!m) {
      for (const v of sorted) this.domain(v);
      m = new Map();
      for (const c of this.cells) {
        const k = sorted.map((v) => String(c.values[v])).join(SEP);
        m.set(k, (m.get(k) ?? 0) + c.p);
      }
      this.marginals.set(mkey, m);
    }
    return m.get(sorted.map((v) => String(assignment[v])).join(SEP)) ?? 0;
  }

  /** P(vars | given) at an assignment; 0 when the conditioning event has probability 0. */
  conditional(
    vars: readonly string[],
    given: readonly string[],
    assignment: Readonly<Record<string, DiscreteValue>>,
  ): number {
    const den = given.length === 0 ? 1 : this.probability(given, assignment);
    if (den === 0) return 0;
    return this.probability([...vars, ...given], assignment) / den;
  }
}
