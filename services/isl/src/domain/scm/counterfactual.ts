/**
 * Counterfactual and interventional prediction for `POST /api/v1/causal/counterfactual`.
 *
 * Field names follow the original API (`scenario`, `prediction.point_estimate`,
 * `confidence_interval{lower,upper,confidence_level}`, `sensitivity_range{optimistic,pessimistic}`,
 * `uncertainty{overall,sources}`, `robustness{score,critical_assumptions}`, `explanation`).
 */
import { IslError } from '../../errors.js';
import { seedFromString } from '../random.js';
import { canonicalJson } from './canonical-json.js';
import { compileScm } from './model.js';
import type { CompiledScm, ScmSpec } from './model.js';
import { simulate } from './simulation.js';
import type { SimulationResult } from './simulation.js';
import { tidy, weightedCovariance, weightedMean, weightedQuantile } from './weighted-statistics.js';

/** Default and maximum Monte Carlo sample counts. */
export const DEFAULT_SAMPLES = 2000;
export const MAX_SAMPLES = 20000;

/** The request body. */
export interface CounterfactualRequest {
  model: ScmSpec;
  intervention: Record<string, number>;
  outcome: string;
  /** Known values of exogenous terms or free inputs; values of endogenous variables count as evidence. */
  context?: Record<string, number>;
  /** Observed facts about one unit; triggers abduction–action–prediction. */
  evidence?: Record<string, number>;
  samples?: number;
  seed?: number;
}

export type Level3 = 'low' | 'medium' | 'high';
export type RobustnessLevel = 'robust' | 'moderate' | 'fragile';

export interface UncertaintySource {
  factor: string;
  /** Outcome shift per one standard deviation of this source (outcome units). */
  impact: number;
  /** Share of the outcome's variance attributed to this source, in percent. */
  variance_share: number;
  confidence: Level3;
  explanation: string;
  basis: string;
}

export interface CriticalAssumption {
  assumption: string;
  impact: number;
  confidence: Level3;
  recommendation: string;
}

/** The response body. */
export interface CounterfactualResponse {
  scenario: {
    intervention: Record<string, number>;
    outcome: string;
    context?: Record<string, number>;
    evidence?: Record<string, number>;
  };
  method: 'abduction_action_prediction' | 'interventional_monte_carlo';
  prediction: {
    point_estimate: number;
    confidence_interval: { lower: number; upper: number; confidence_level: number };
    sensitivity_range: { optimistic: number; pessimistic: number; explanation: string };
    /** Mean outcome in the factual world (no intervention), when it is defined. */
    baseline?: number;
    /** point_estimate − baseline. */
    effect?: number;
  };
  uncertainty: { overall: Level3; sources: UncertaintySource[] };
  robustness: {
    score: RobustnessLevel;
    robustness_score: number;
    critical_assumptions: CriticalAssumption[];
  };
  explanation: { summary: string; reasoning: string; technical_basis: string; assumptions: string[] };
  simulation: { samples: number; effective_sample_size: number; seed: number; exact: boolean };
}

function numberMap(value: unknown, field: string): Map<string, number> {
  const out = new Map<string, number>();
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new IslError('ISL_INVALID_INPUT', `${field} must be an object of numbers`, { field });
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new IslError('ISL_INVALID_INPUT', `${field}.${k} must be a finite number`, {
        field: `${field}.${k}`,
      });
    }
    out.set(k, v);
  }
  return out;
}

/**
 * Computes the prediction. Deterministic: without `seed`, the seed is derived from the request's
 * canonical JSON, so an identical request yields an identical response.
 *
 * @example
 * counterfactual({ model: { variables: ['X', 'Y'], equations: { Y: '10 + 2 * X' } }, intervention: { X: 10 }, outcome: 'Y' })
 *   .prediction.point_estimate // 30
 */
export function counterfactual(request: CounterfactualRequest): CounterfactualResponse {
  if (typeof request.outcome !== 'string' || request.outcome === '') {
    throw new IslError('ISL_INVALID_INPUT', 'outcome must be a variable name', { field: 'outcome' });
  }
  const model = compileScm(request.model, 'model');
  const intervention = numberMap(request.intervention, 'intervention');
  const context = numberMap(request.context, 'context');
  const evidenceIn = numberMap(request.evidence, 'evidence');
  const endogenous = new Set(model.endogenous.map((v) => v.name));
  const known = new Map<string, number>();
  const evidence = new Map<string, number>();
  for (const [k, v] of [...context, ...evidenceIn]) (endogenous.has(k) ? evidence : known).set(k, v);

  const samples = request.samples ?? DEFAULT_SAMPLES;
  if (!Number.isInteger(samples) || samples < 2 || samples > MAX_SAMPLES) {
    throw new IslError('ISL_INVALID_INPUT', `samples must be an integer from 2 to ${MAX_SAMPLES}`, {
      field: 'samples',
    });
  }
  const seed = request.seed ?? seedFromString(canonicalJson({ ...request, seed: undefined }));
  const sim = simulate({ model, intervention, known, evidence, outcome: request.outcome, samples, seed });
  const reach = ancestorsUnderIntervention(model, request.outcome, intervention);
  // A source matters if it reaches the outcome in the intervened model, or (after abduction) if it
  // shapes a solved noise term that does.
  const relevant = new Set(
    sim.randomSources.filter((u) => reach.has(u) || sim.solvedSources.some((s) => reach.has(s))),
  );
  return describe(request, sim, relevant, evidence.size > 0, seed);
}

/** Symbols that can influence `outcome` once the intervened equations are replaced by constants. */
function ancestorsUnderIntervention(
  model: CompiledScm,
  outcome: string,
  intervention: ReadonlyMap<string, number>,
): Set<string> {
  const inputsOf = new Map(model.endogenous.map((v) => [v.name, v.inputs]));
  const seen = new Set<string>();
  const stack = [outcome];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    if (intervention.has(name)) continue;
    for (const input of inputsOf.get(name) ?? []) stack.push(input);
  }
  return seen;
}

function describe(
  request: CounterfactualRequest,
  sim: SimulationResult,
  relevant: ReadonlySet<string>,
  abduction: boolean,
  seed: number,
): CounterfactualResponse {
  const { outcomes, weights } = sim;
  const point = weightedMean(outcomes, weights);
  const lower = weightedQuantile(outcomes, weights, 0.025);
  const upper = weightedQuantile(outcomes, weights, 0.975);
  const variance = weightedCovariance(outcomes, outcomes, weights);

  // Linear attribution of the outcome's spread to each remaining source of randomness.
  const sources: UncertaintySource[] = [];
  for (const name of sim.randomSources) {
    if (!relevant.has(name)) continue;
    const u = sim.sourceValues.get(name);
    if (!u) continue;
    const varU = weightedCovariance(u, u, weights);
    if (!(varU > 0)) continue;
    const slope = weightedCovariance(u, outcomes, weights) / varU;
    const impact = Math.abs(slope) * Math.sqrt(varU);
    const share = variance > 0 ? Math.min(100, (100 * slope * slope * varU) / variance) : 0;
    sources.push({
      factor: name,
      impact: tidy(impact),
      variance_share: tidy(share),
      confidence: sim.effectiveSampleSize >= 500 ? 'high' : sim.effectiveSampleSize >= 100 ? 'medium' : 'low',
      explanation: `One standard deviation of ${name} moves ${request.outcome} by about ${tidy(impact)}`,
      basis: abduction ? 'posterior samples given the evidence' : 'prior samples of the exogenous terms',
    });
  }
  sources.sort((a, b) => b.impact - a.impact || a.factor.localeCompare(b.factor));

  const stress = sources.reduce((sum, s) => sum + 1.959963984540054 * s.impact, 0);
  const width = upper - lower;
  const relativeWidth = point !== 0 ? width / Math.abs(point) : width > 0 ? Infinity : 0;
  const overall: Level3 = relativeWidth < 0.1 ? 'low' : relativeWidth < 0.5 ? 'medium' : 'high';

  // Robustness: how often the direction of the intervention's effect holds across the plausible
  // units; without a factual baseline, how tight the outcome is around its mean.
  let baseline: number | undefined;
  let score: number;
  if (sim.baselines) {
    baseline = weightedMean(sim.baselines, weights);
    const effect = point - baseline;
    const tol = 1e-9 * Math.max(1, Math.abs(point));
    let agree = 0;
    for (let i = 0; i < outcomes.length; i++) {
      const e = (outcomes[i] ?? 0) - (sim.baselines[i] ?? 0);
      const same =
        Math.abs(effect) <= tol
          ? Math.abs(e) <= tol
          : Math.sign(e) === Math.sign(effect) && Math.abs(e) > tol;
      if (same) agree += weights[i] ?? 0;
    }
    score = agree;
  } else {
    score = 1 / (1 + (Number.isFinite(relativeWidth) ? relativeWidth : 1e12));
  }
  const level: RobustnessLevel = score >= 0.8 ? 'robust' : score >= 0.5 ? 'moderate' : 'fragile';
  const critical: CriticalAssumption[] = sources
    .filter((s) => s.variance_share >= 20)
    .map((s) => ({
      assumption: `Distribution of ${s.factor} is correctly specified`,
      impact: s.impact,
      confidence: s.variance_share >= 50 ? 'low' : 'medium',
      recommendation: `Measure or narrow ${s.factor}: it explains ${tidy(s.variance_share)}% of the outcome's variance`,
    }));

  const intervened = Object.entries(request.intervention ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const method = abduction ? 'abduction_action_prediction' : 'interventional_monte_carlo';
  const response: CounterfactualResponse = {
    scenario: {
      intervention: request.intervention,
      outcome: request.outcome,
      ...(request.context ? { context: request.context } : {}),
      ...(request.evidence ? { evidence: request.evidence } : {}),
    },
    method,
    prediction: {
      point_estimate: tidy(point),
      confidence_interval: { lower: tidy(lower), upper: tidy(upper), confidence_level: 0.95 },
      sensitivity_range: {
        optimistic: tidy(point + stress),
        pessimistic: tidy(point - stress),
        explanation:
          sources.length === 0
            ? 'No exogenous uncertainty remains: the outcome is determined'
            : `Every source of uncertainty (${sources.map((s) => s.factor).join(', ')}) at its 95% extreme in the same direction`,
      },
      ...(baseline !== undefined ? { baseline: tidy(baseline), effect: tidy(point - baseline) } : {}),
    },
    uncertainty: { overall, sources },
    robustness: { score: level, robustness_score: tidy(score), critical_assumptions: critical },
    explanation: {
      summary: `${abduction ? 'Counterfactual' : 'Interventional'} ${request.outcome} under do(${intervened}) is ${tidy(point)} (95% interval ${tidy(lower)} to ${tidy(upper)})`,
      reasoning: abduction
        ? "The evidence fixes the unit's exogenous terms (abduction); the intervention replaces the intervened equations (action); the model is re-run for that same unit (prediction)."
        : 'The intervened equations are replaced by constants and the model is simulated over the exogenous distributions.',
      technical_basis: sim.exact
        ? 'Exact evaluation: no exogenous randomness remains'
        : `Seeded Monte Carlo with ${outcomes.length} antithetic samples (effective ${tidy(sim.effectiveSampleSize)})`,
      assumptions: ['Structural equations are correct', 'Exogenous terms are mutually independent'],
    },
    simulation: {
      samples: outcomes.length,
      effective_sample_size: tidy(sim.effectiveSampleSize),
      seed,
      exact: sim.exact,
    },
  };
  return response;
}
