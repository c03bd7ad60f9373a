/**
 * Weighted simulation of a structural causal model: abduction, action, prediction.
 *
 * Each sample is one possible unit (one assignment of the exogenous terms):
 * 1. abduction: exogenous terms are drawn from their priors, except that a continuous noise term
 *    owned by an observed variable (the first equation to read it) is solved exactly from the
 *    observation; the sample's weight is that noise's density over the Jacobian. An observation with no
 *    noise left to explain it weights the sample by whether it reproduces the observation (rejection).
 * 2. action: intervened variables are set and their equations dropped;
 * 3. prediction: the other equations are recomputed with the abducted exogenous terms.
 * Without evidence, step 1 is plain prior sampling and the result is the interventional distribution.
 * Symmetric priors are sampled in antithetic pairs, which makes linear models' means exact.
 */
import { IslError } from '../../errors.js';
import { createRng } from '../random.js';
import { solveNoise } from './abduction.js';
import type { CompiledScm, EndogenousVariable, ExogenousVariable } from './model.js';

/** What to simulate. Maps are keyed by symbol name. */
export interface SimulationInput {
  readonly model: CompiledScm;
  readonly intervention: ReadonlyMap<string, number>;
  /** Known values of exogenous terms or free inputs (context, or evidence on them). */
  readonly known: ReadonlyMap<string, number>;
  /** Observed values of endogenous variables (evidence about the unit). */
  readonly evidence: ReadonlyMap<string, number>;
  readonly outcome: string;
  readonly samples: number;
  readonly seed: number;
}

/** Weighted samples of the outcome. */
export interface SimulationResult {
  /** Outcome under the intervention, per sample. */
  readonly outcomes: Float64Array;
  /** Outcome in the factual (no-intervention) world, per sample; undefined when a free input has no factual value. */
  readonly baselines: Float64Array | undefined;
  /** Normalised weights (sum 1). */
  readonly weights: Float64Array;
  /** Exogenous terms drawn from their prior in every sample. */
  readonly randomSources: readonly string[];
  /** Exogenous terms solved from evidence in every sample. */
  readonly solvedSources: readonly string[];
  /** Per random or solved source, its value in each sample. */
  readonly sourceValues: ReadonlyMap<string, Float64Array>;
  /** True when no randomness remains: one deterministic world. */
  readonly exact: boolean;
  readonly effectiveSampleSize: number;
}

const tolerance = (x: number): number => 1e-9 * Math.max(1, Math.abs(x));

function unknownSymbol(field: string, name: string): never {
  throw new IslError('ISL_MODEL_UNKNOWN_SYMBOL', `${field}: "${name}" is not a variable of the model`, {
    field: `${field}.${name}`,
    details: { symbol: name },
  });
}

/**
 * Runs the simulation.
 *
 * @throws IslError ISL_MODEL_UNKNOWN_SYMBOL for names the model lacks, ISL_MODEL_INVALID when a free input
 *   has no value, ISL_EVIDENCE_INCONSISTENT when no sample can reproduce the evidence.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const { model, intervention, known, evidence, outcome } = input;
  const slot = (name: string, field: string): number => model.slotOf.get(name) ?? unknownSymbol(field, name);
  const outcomeSlot = slot(outcome, 'outcome');
  for (const name of intervention.keys()) slot(name, 'intervention');
  for (const name of known.keys()) slot(name, 'context');
  for (const name of evidence.keys()) slot(name, 'evidence');

  const endogenousNames = new Set(model.endogenous.map((v) => v.name));
  const missingFree = model.freeInputs.filter((n) => !known.has(n));
  const unsettled = missingFree.filter((n) => !intervention.has(n));
  if (unsettled.length > 0) {
    throw new IslError(
      'ISL_MODEL_INVALID',
      `Variable(s) ${unsettled.join(', ')} have no equation, no distribution and no value; give them in context or intervention`,
      {
        field: `context.${unsettled[0] ?? ''}`,
        details: { missing: unsettled },
      },
    );
  }
  if (evidence.size > 0 && missingFree.length > 0) {
    throw new IslError(
      'ISL_MODEL_INVALID',
      `Counterfactuals need the factual value of ${missingFree.join(', ')}; give it in context or evidence`,
      {
        field: `context.${missingFree[0] ?? ''}`,
        details: { missing: missingFree },
      },
    );
  }

  // Static abduction plan: the noise term each observed variable can be solved for.
  const firstReader = new Map<string, string>();
  for (const v of model.endogenous) {
    for (const s of v.inputs) if (!firstReader.has(s)) firstReader.set(s, v.name);
  }
  const owner = new Map<string, ExogenousVariable>();
  for (const u of model.exogenous) {
    const reader = firstReader.get(u.name);
    if (reader === undefined || known.has(u.name) || !u.distribution.continuous) continue;
    if (evidence.has(reader) && !owner.has(reader)) owner.set(reader, u);
  }
  const solvedNames = new Set([...owner.values()].map((u) => u.name));
  const random = model.exogenous.filter(
    (u) => !known.has(u.name) && !solvedNames.has(u.name) && u.distribution.sd > 0,
  );
  const exact = random.length === 0;
  const n = exact ? 1 : Math.max(2, Math.floor(input.samples));

  const fixedAction = new Set<number>();
  for (const name of intervention.keys()) {
    if (endogenousNames.has(name)) fixedAction.add(model.slotOf.get(name) ?? -1);
  }
  const rng = createRng(input.seed);
  const values = new Float64Array(model.symbols.length);
  const outcomes = new Float64Array(n);
  const baselines = missingFree.length === 0 ? new Float64Array(n) : undefined;
  const logWeights = new Float64Array(n);
  const sourceValues = new Map<string, Float64Array>();
  for (const u of [...random, ...owner.values()]) sourceValues.set(u.name, new Float64Array(n));
  const previousDraw = new Float64Array(random.length);
  const rejections = new Map<string, number>();

  for (let i = 0; i < n; i++) {
    values.fill(0);
    for (const [name, value] of known) values[model.slotOf.get(name) ?? -1] = value;
    for (const u of model.exogenous) {
      if (!known.has(u.name)) values[u.slot] = u.distribution.mean;
    }
    random.forEach((u, k) => {
      const mirrored = i % 2 === 1 ? u.distribution.mirror(previousDraw[k] ?? 0) : undefined;
      const draw = mirrored ?? u.distribution.sample(rng);
      previousDraw[k] = draw;
      values[u.slot] = draw;
    });
    for (const name of missingFree)
      values[model.slotOf.get(name) ?? -1] = intervention.get(name) ?? Number.NaN;

    let logWeight = 0;
    for (const v of model.endogenous) {
      const observed = evidence.get(v.name);
      if (observed === undefined) {
        values[v.slot] = v.evaluate(values);
        continue;
      }
      logWeight += abduce(v, observed, owner.get(v.name), values);
      if (logWeight === -Infinity) {
        rejections.set(v.name, (rejections.get(v.name) ?? 0) + 1);
        break;
      }
      values[v.slot] = observed;
    }
    logWeights[i] = logWeight;
    for (const [name, store] of sourceValues) store[i] = values[model.slotOf.get(name) ?? -1] ?? Number.NaN;
    if (logWeight === -Infinity) continue;
    if (baselines) baselines[i] = values[outcomeSlot] ?? Number.NaN;

    for (const [name, value] of intervention) values[model.slotOf.get(name) ?? -1] = value;
    model.propagate(values, fixedAction);
    outcomes[i] = values[outcomeSlot] ?? Number.NaN;
  }

  let maxLog = -Infinity;
  for (const lw of logWeights) if (lw > maxLog) maxLog = lw;
  if (maxLog === -Infinity) {
    const culprits = [...rejections.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    throw new IslError(
      'ISL_EVIDENCE_INCONSISTENT',
      `The model cannot reproduce the evidence on ${culprits.join(', ')}`,
      {
        field: `evidence.${culprits[0] ?? ''}`,
        details: { variables: culprits },
      },
    );
  }
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp((logWeights[i] ?? -Infinity) - maxLog);
    weights[i] = w;
    total += w;
  }
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const w = (weights[i] ?? 0) / total;
    weights[i] = w;
    sumSq += w * w;
  }
  return {
    outcomes,
    baselines,
    weights,
    randomSources: random.map((u) => u.name),
    solvedSources: [...owner.values()].map((u) => u.name),
    sourceValues,
    exact,
    effectiveSampleSize: 1 / sumSq,
  };
}

/** Explains one observation; returns the log-weight contribution (-Infinity rejects the sample). */
function abduce(
  v: EndogenousVariable,
  observed: number,
  noise: ExogenousVariable | undefined,
  values: Float64Array,
): number {
  if (noise === undefined) {
    const computed = v.evaluate(values);
    return Math.abs(computed - observed) <= tolerance(observed) ? 0 : -Infinity;
  }
  const f = (u: number): number => {
    values[noise.slot] = u;
    return v.evaluate(values);
  };
  const d = noise.distribution;
  const solution = solveNoise(f, observed, d.mean, d.sd);
  if (solution === undefined || solution.jacobian === 0) return -Infinity;
  values[noise.slot] = solution.value;
  return d.logDensity(solution.value) - Math.log(solution.jacobian);
}
