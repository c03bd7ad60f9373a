import {
  clauseWeight,
  isPredicateLiteral,
  makeLiteral,
  normaliseLiterals,
  type Clause,
  type Derivation,
  type Literal,
} from './clause.js';
import { PassiveQueue } from './clause-queue.js';
import { ClauseSplitter } from './clause-splitting.js';
import { equalityFactoring, equalityResolution, maximalLiterals, selectLiteral, superpose, type Conclusion, type InferenceContext } from './inferences.js';
import type { Kbo } from './ordering.js';
import { Demodulators } from './rewriting.js';
import { subsumes, unitCuts } from './subsumption.js';
import type { Signature } from './terms.js';

export type SaturationOutcome = 'refuted' | 'saturated' | 'timeout' | 'budget' | 'paused';

export interface SaturationLimits {
  /** Stop (outcome `paused`) after this many given clauses. */
  readonly maxSteps: number;
  /** Absolute time, in the units of `now`, after which the loop stops with `timeout`. */
  readonly deadline: number;
  readonly now: () => number;
  /** Stop with `budget` once this many clauses were created. */
  readonly maxClauses: number;
}

function literalKey(lit: Literal): string {
  const head = isPredicateLiteral(lit) ? (lit.l as { f: number }).f : 'E';
  return `${lit.pos ? '+' : '-'}${head}`;
}

function complementKey(lit: Literal): string {
  return `${lit.pos ? '-' : '+'}${isPredicateLiteral(lit) ? (lit.l as { f: number }).f : 'E'}`;
}

/**
 * The given-clause loop (DISCOUNT variant: only active clauses simplify, passive clauses are
 * simplified when picked) for superposition with selection, subsumption, demodulation and
 * unit simplification.
 */
export class Saturation {
  /** Every clause ever created, by id (for proofs). */
  readonly clauses: Clause[] = [];
  empty: Clause | undefined;
  private readonly passive: PassiveQueue;
  private active: Clause[] = [];
  /** Active clauses under every literal key they contain (backward subsumption). */
  private readonly byKey = new Map<string, Clause[]>();
  /** Active clauses under the key of their first literal only (forward subsumption). */
  private readonly byFirstKey = new Map<string, Clause[]>();
  private readonly masks: number[] = [];
  private readonly units = new Map<string, Clause[]>();
  private readonly demodulators: Demodulators;
  private readonly ctx: InferenceContext;
  private activations = 0;
  private readonly splitter: ClauseSplitter;

  constructor(
    readonly signature: Signature,
    private readonly kbo: Kbo,
    pickRatio = 5,
  ) {
    this.demodulators = new Demodulators(kbo);
    this.splitter = new ClauseSplitter(signature);
    this.ctx = { kbo, predicateSorted: signature.isPredicate };
    // Clauses from the negated conjecture get a bonus: goal-directed search finds most proofs faster.
    this.passive = new PassiveQueue(pickRatio + 1, (c) => c.weight * (c.conj ? 2 : 3) + c.lits.length);
  }

  get activeCount(): number {
    return this.active.length;
  }

  /** Adds an input clause; tautologies are dropped. */
  addInput(lits: readonly Literal[], derivation: Derivation, conj: boolean): void {
    const c = this.create(lits, derivation, conj);
    if (c !== undefined) this.enqueue(c);
  }

  private create(raw: readonly Literal[], derivation: Derivation, conj: boolean): Clause | undefined {
    const oriented = raw.map((lit) => makeLiteral(lit.pos, lit.l, lit.r, this.kbo));
    const n = normaliseLiterals(oriented);
    if (n.tautology) return undefined;
    const c: Clause = {
      id: this.clauses.length,
      lits: n.lits,
      weight: clauseWeight(n.lits),
      conj,
      derivation,
      vars: n.vars,
      dead: false,
      active: false,
      selected: -1,
      maximal: undefined,
    };
    this.clauses.push(c);
    return c;
  }

  private enqueue(c: Clause): void {
    if (c.lits.length === 0) {
      this.empty ??= c;
      return;
    }
    this.passive.push(c);
  }

  run(limits: SaturationLimits): SaturationOutcome {
    for (let step = 0; ; step++) {
      if (this.empty !== undefined) return 'refuted';
      if (step >= limits.maxSteps) return 'paused';
      if (limits.now() >= limits.deadline) return 'timeout';
      if (this.clauses.length >= limits.maxClauses) return 'budget';
      const picked = this.passive.pop();
      if (picked === undefined) return 'saturated';
      if (picked.dead) continue;
      const given = this.forwardSimplify(picked);
      if (given === undefined) continue;
      if (given.lits.length === 0) {
        this.empty = given;
        return 'refuted';
      }
      if (this.forwardSubsumed(given)) continue;
      const split = this.splitter.split(given.lits);
      if (split !== undefined) {
        for (const d of split.definitions) {
          const def = this.create(d, { rule: 'split_definition', parents: [] }, false);
          if (def !== undefined) this.enqueue(def);
        }
        const main = this.create(split.main, { rule: 'split', parents: [given.id] }, given.conj);
        if (main !== undefined) this.enqueue(main);
        continue;
      }
      this.activate(given);
    }
  }

  private parentsConj(parents: readonly number[]): boolean {
    return parents.some((p) => this.clauses[p]?.conj === true);
  }

  /** Demodulation and unit deletion by active units, to a fixpoint. Undefined when redundant. */
  private forwardSimplify(c: Clause): Clause | undefined {
    let current = c;
    for (let round = 0; round < 50; round++) {
      let lits: Literal[] | undefined;
      const used: number[] = [];
      const rewritten = this.demodulators.rewriteClause(current.lits, undefined);
      if (rewritten !== undefined) {
        lits = rewritten.lits;
        used.push(...rewritten.used);
      }
      const base = lits ?? current.lits;
      const kept: Literal[] = [];
      for (const lit of base) {
        const cutter = this.findCutter(lit);
        if (cutter === undefined) kept.push(lit);
        else used.push(cutter.id);
      }
      if (kept.length !== base.length) lits = kept;
      if (lits === undefined) return current;
      const parents = [current.id, ...new Set(used)];
      const next = this.create(lits, { rule: rewritten !== undefined ? 'demodulation' : 'unit_deletion', parents }, current.conj || this.parentsConj(used));
      if (next === undefined) return undefined;
      current = next;
      if (current.lits.length === 0) return current;
    }
    return current;
  }

  private findCutter(lit: Literal): Clause | undefined {
    const candidates = this.units.get(complementKey(lit));
    if (candidates === undefined) return undefined;
    for (const u of candidates) if (!u.dead && unitCuts(u.lits[0] as Literal, lit)) return u;
    return undefined;
  }

  /** Candidates are indexed under one key each, so every active clause is examined at most once. */
  private forwardSubsumed(c: Clause): boolean {
    const mask = this.maskOf(c);
    const keys = new Set(c.lits.map(literalKey));
    for (const key of keys) {
      const bucket = this.byFirstKey.get(key);
      if (bucket === undefined) continue;
      for (const d of bucket) {
        if (d.dead || d.lits.length > c.lits.length || (this.maskOf(d) & ~mask) !== 0) continue;
        if (subsumes(d.lits, c.lits)) return true;
      }
    }
    return false;
  }

  private backwardSubsume(c: Clause): void {
    let smallest: Clause[] | undefined;
    for (const lit of c.lits) {
      const bucket = this.byKey.get(literalKey(lit)) ?? [];
      if (smallest === undefined || bucket.length < smallest.length) smallest = bucket;
    }
    const mask = this.maskOf(c);
    for (const a of smallest ?? []) {
      if (a.dead || a === c || a.lits.length < c.lits.length || (mask & ~this.maskOf(a)) !== 0) continue;
      if (subsumes(c.lits, a.lits)) a.dead = true;
    }
  }

  /** A 31-bit feature mask of the literal keys: a subsuming clause's mask is a subset. */
  private maskOf(c: Clause): number {
    let m = this.masks[c.id];
    if (m === undefined) {
      m = 0;
      for (const lit of c.lits) {
        const key = literalKey(lit);
        let h = 0;
        for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
        m |= 1 << ((h >>> 0) % 31);
      }
      this.masks[c.id] = m;
    }
    return m;
  }

  /** A new unit simplifies the active set: rewritten or shortened clauses go back to passive. */
  private backwardSimplify(unit: Clause): void {
    const lit = unit.lits[0] as Literal;
    const rewrites = lit.pos;
    for (const a of this.active) {
      if (a.dead || a === unit) continue;
      let lits: Literal[] | undefined;
      let rule = 'unit_deletion';
      if (rewrites) {
        const r = this.demodulators.rewriteClause(a.lits, a, unit);
        if (r !== undefined) {
          lits = r.lits;
          rule = 'demodulation';
        }
      }
      const base = lits ?? a.lits;
      const kept = base.filter((l) => !unitCuts(lit, l));
      if (kept.length !== base.length) lits = kept;
      if (lits === undefined) continue;
      a.dead = true;
      const next = this.create(lits, { rule, parents: [a.id, unit.id] }, a.conj || unit.conj);
      if (next !== undefined) this.enqueue(next);
    }
  }

  private activate(given: Clause): void {
    this.backwardSubsume(given);
    if (given.lits.length === 1) {
      const lit = given.lits[0] as Literal;
      if (lit.pos) this.demodulators.add(given);
      this.backwardSimplify(given);
      const key = literalKey(lit);
      const list = this.units.get(key) ?? [];
      list.push(given);
      this.units.set(key, list);
    }
    given.selected = selectLiteral(given.lits, this.splitter.isSplitSymbol);
    given.maximal = maximalLiterals(given.lits, this.kbo);
    given.active = true;
    for (const key of new Set(given.lits.map(literalKey))) {
      const bucket = this.byKey.get(key) ?? [];
      bucket.push(given);
      this.byKey.set(key, bucket);
    }
    const firstKey = literalKey(given.lits[0] as Literal);
    const firstBucket = this.byFirstKey.get(firstKey) ?? [];
    firstBucket.push(given);
    this.byFirstKey.set(firstKey, firstBucket);
    const out: Conclusion[] = [];
    for (const a of this.active) {
      if (a.dead) continue;
      superpose(given, a, this.ctx, out);
      superpose(a, given, this.ctx, out);
    }
    superpose(given, given, this.ctx, out);
    equalityResolution(given, this.ctx, out);
    equalityFactoring(given, this.ctx, out);
    this.active.push(given);
    for (const c of out) {
      const clause = this.create(c.lits, { rule: c.rule, parents: c.parents }, this.parentsConj(c.parents));
      if (clause === undefined) continue;
      this.enqueue(clause);
      if (this.empty !== undefined) return;
    }
    if (++this.activations % 512 === 0) this.compact();
  }

  private compact(): void {
    this.active = this.active.filter((c) => !c.dead);
    for (const [k, list] of this.byKey) this.byKey.set(k, list.filter((c) => !c.dead));
    for (const [k, list] of this.byFirstKey) this.byFirstKey.set(k, list.filter((c) => !c.dead));
    for (const [k, list] of this.units) this.units.set(k, list.filter((c) => !c.dead));
    this.demodulators.compact();
  }

  /** The derivation of the empty clause: its ancestors in id order. */
  proof(): Clause[] {
    if (this.empty === undefined) return [];
    const seen = new Set<number>();
    const stack = [this.empty.id];
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const p of this.clauses[id]?.derivation.parents ?? []) stack.push(p);
    }
    return [...seen].sort((a, b) => a - b).map((id) => this.clauses[id] as Clause);
  }
}
