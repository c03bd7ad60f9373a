/**
 * Sensitivity analysis for `POST /api/v1/analysis/sensitivity`: re-runs a structural model over each
 * assumption's range (one at a time, the others at their current values and the exogenous terms at
 * their means), and reports tornado data, breakpoints where the conclusion flips and E-values.
 *
 * Field names follow the original API: `assumptions[{name, current_value, type, variation_range{min,max}}]`,
 * `baseline_result`; the response's `conclusion`, `assumptions[].impact{if_wrong, percentage}` and
 * `robustness{overall, summary, breakpoints}`.
 */
import { IslError } from '../../errors.js';
import { compileScm } from '../scm/model.js';
import type { ScmSpec } from '../scm/model.js';
import { tidy } from '../scm/weighted-statistics.js';
import { findBreakpoints } from './breakpoints.js';
import { eValue } from './e-value.js';
import type { EffectEstimate, EValueResult } from './e-value.js';
import { tornado } from './tornado.js';
import type { TornadoBar } from './tornado.js';

/** Relative half-width of the range tested when an assumption gives none. */
export const DEFAULT_VARIATION = 0.2;

/** One assumption to vary. `variable` names the model symbol it sets (defaults to `name`). */
export interface AssumptionSpec {
  name: string;
  variable?: string;
  current_value: number;
  type?: string;
  variation_range?: { min: number; max: number };
}

/** The request body. */
export interface SensitivityRequest {
  model: ScmSpec;
  assumptions: AssumptionSpec[];
  /** Outcome variable; defaults to the last equation in topological order. */
  outcome?: string;
  intervention?: Record<string, number>;
  context?: Record<string, number>;
  /** The conclusion tested is "outcome ≥ threshold"; defaults to 0 (the outcome's sign). */
  threshold?: number;
  baseline_result?: number;
  effect_estimates?: EffectEstimate[];
}

export interface AssumptionAnalysis {
  name: string;
  variable: string;
  current_value: number;
  importance: 'critical' | 'moderate' | 'minor';
  impact: { if_wrong: number; percentage: number };
  low_outcome: number;
  high_outcome: number;
  breakpoints: { value: number; direction: 'rises_above' | 'falls_below' }[];
  recommendation: string;
}

export interface SensitivityResponse {
  conclusion: {
    statement: string;
    base_case: number;
    threshold: number;
    holds: boolean;
    baseline_result?: number;
  };
  assumptions: AssumptionAnalysis[];
  tornado: TornadoBar[];
  robustness: {
    overall: 'robust' | 'moderate' | 'fragile';
    summary: string;
    breakpoints: { assumption: string; value: number; threshold: string }[];
  };
  e_values: EValueResult[];
  explanation: { summary: string; reasoning: string; technical_basis: string; assumptions: string[] };
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new IslError('ISL_INVALID_INPUT', `${field} must be a finite number`, { field });
  }
  return value;
}

/**
 * Runs the analysis.
 *
 * @throws IslError naming the offending field for malformed models, unknown variables or ranges.
 */
export function sensitivityAnalysis(request: SensitivityRequest): SensitivityResponse {
  const model = compileScm(request.model, 'model');
  if (
    !Array.isArray(request.assumptions) ||
    request.assumptions.length === 0 ||
    request.assumptions.length > 50
  ) {
    throw new IslError('ISL_INVALID_INPUT', 'assumptions must list 1 to 50 assumptions', {
      field: 'assumptions',
    });
  }
  const lastEquation = model.endogenous[model.endogenous.length - 1];
  const outcome = request.outcome ?? lastEquation?.name;
  if (outcome === undefined || !model.slotOf.has(outcome)) {
    throw new IslError(
      'ISL_MODEL_UNKNOWN_SYMBOL',
      `outcome "${String(outcome)}" is not a variable of the model`,
      { field: 'outcome' },
    );
  }
  const threshold = request.threshold === undefined ? 0 : finite(request.threshold, 'threshold');

  const assumptions = request.assumptions.map((a, i) => {
    const field = `assumptions[${i}]`;
    const variable = a.variable ?? a.name;
    if (!model.slotOf.has(variable)) {
      throw new IslError(
        'ISL_MODEL_UNKNOWN_SYMBOL',
        `${field}: "${variable}" is not a variable of the model; set "variable" to the symbol this assumption sets`,
        {
          field: `${field}.variable`,
        },
      );
    }
    const current = finite(a.current_value, `${field}.current_value`);
    const spread = Math.abs(current) * DEFAULT_VARIATION || DEFAULT_VARIATION;
    const min = a.variation_range
      ? finite(a.variation_range.min, `${field}.variation_range.min`)
      : current - spread;
    const max = a.variation_range
      ? finite(a.variation_range.max, `${field}.variation_range.max`)
      : current + spread;
    if (!(max > min)) {
      throw new IslError('ISL_INVALID_INPUT', `${field}.variation_range: max must exceed min`, {
        field: `${field}.variation_range.max`,
      });
    }
    return { name: a.name, variable, slot: model.slotOf.get(variable) ?? -1, current, min, max };
  });

  const intervention = Object.entries(request.intervention ?? {});
  const context = Object.entries(request.context ?? {});
  for (const [k, v] of [...intervention, ...context]) {
    if (!model.slotOf.has(k)) {
      throw new IslError('ISL_MODEL_UNKNOWN_SYMBOL', `"${k}" is not a variable of the model`, {
        field: `intervention.${k}`,
      });
    }
    finite(v, `intervention.${k}`);
  }
  const endogenousSlots = new Set(model.endogenous.map((v) => v.slot));
  const fixed = new Set<number>();
  for (const [k] of intervention) {
    const s = model.slotOf.get(k) ?? -1;
    if (endogenousSlots.has(s)) fixed.add(s);
  }
  for (const a of assumptions) if (endogenousSlots.has(a.slot)) fixed.add(a.slot);
  const assumed = new Set(assumptions.map((a) => a.variable));
  const settled = new Set([...intervention.map(([k]) => k), ...context.map(([k]) => k), ...assumed]);
  const missing = model.freeInputs.filter((n) => !settled.has(n));
  if (missing.length > 0) {
    throw new IslError(
      'ISL_MODEL_INVALID',
      `Variable(s) ${missing.join(', ')} need a value in context or intervention`,
      {
        field: `context.${missing[0] ?? ''}`,
      },
    );
  }

  const base = new Float64Array(model.symbols.length);
  for (const u of model.exogenous) base[u.slot] = u.distribution.mean;
  for (const [k, v] of context) base[model.slotOf.get(k) ?? -1] = v;
  for (const [k, v] of intervention) base[model.slotOf.get(k) ?? -1] = v;
  for (const a of assumptions) base[a.slot] = a.current;
  const outcomeSlot = model.slotOf.get(outcome) ?? -1;
  const values = new Float64Array(base.length);
  const outcomeAt = (index: number, value: number): number => {
    values.set(base);
    const a = assumptions[index];
    if (a) values[a.slot] = value;
    model.propagate(values, fixed);
    return values[outcomeSlot] ?? Number.NaN;
  };
  const baseCase = outcomeAt(-1, 0);
  const holds = baseCase >= threshold;

  const bars = tornado(assumptions, outcomeAt).map((b) => ({
    ...b,
    low_outcome: tidy(b.low_outcome),
    high_outcome: tidy(b.high_outcome),
    swing: tidy(b.swing),
  }));
  const shareOf = new Map(bars.map((b) => [b.name, b.share]));

  const flips: SensitivityResponse['robustness']['breakpoints'] = [];
  let closest = Infinity;
  const analyses: AssumptionAnalysis[] = assumptions.map((a, i) => {
    const low = outcomeAt(i, a.min);
    const high = outcomeAt(i, a.max);
    const points = findBreakpoints((v) => outcomeAt(i, v), threshold, a.min, a.max).map((p) => ({
      value: tidy(p.value),
      direction: p.direction,
    }));
    for (const p of points) {
      closest = Math.min(closest, Math.abs(p.value - a.current) / (a.max - a.min));
      flips.push({
        assumption: a.name,
        value: p.value,
        threshold: `If ${a.variable} ${a.current < p.value ? '>' : '<'} ${p.value}, ${outcome} ${
          (p.direction === 'rises_above') === a.current < p.value ? 'rises above' : 'falls below'
        } ${threshold}`,
      });
    }
    const share = shareOf.get(a.name) ?? 0;
    const importance = points.length > 0 || share >= 50 ? 'critical' : share >= 20 ? 'moderate' : 'minor';
    return {
      name: a.name,
      variable: a.variable,
      current_value: a.current,
      importance,
      impact: {
        if_wrong: tidy(Math.max(Math.abs(low - baseCase), Math.abs(high - baseCase))),
        percentage: share,
      },
      low_outcome: tidy(low),
      high_outcome: tidy(high),
      breakpoints: points,
      recommendation:
        importance === 'critical'
          ? `Validate ${a.name} before acting (for example with an experiment): the conclusion depends on it`
          : importance === 'moderate'
            ? `Narrow the range of ${a.name} if it is cheap to do so`
            : `${a.name} has little influence; no action needed`,
    };
  });

  const overall = flips.length === 0 ? 'robust' : closest < 0.25 ? 'fragile' : 'moderate';
  const top = bars[0];
  const eValues = (request.effect_estimates ?? []).map((e, i) => eValue(e, `effect_estimates[${i}]`));
  const statement = `${outcome} ${holds ? '≥' : '<'} ${threshold}`;
  return {
    conclusion: {
      statement,
      base_case: tidy(baseCase),
      threshold,
      holds,
      ...(request.baseline_result !== undefined ? { baseline_result: request.baseline_result } : {}),
    },
    assumptions: analyses,
    tornado: bars,
    robustness: {
      overall,
      summary:
        flips.length === 0
          ? `"${statement}" holds across every assumption's range`
          : `"${statement}" flips at ${flips.length} breakpoint(s); nearest at ${flips.map((f) => `${f.assumption} = ${f.value}`).join(', ')}`,
      breakpoints: flips,
    },
    e_values: eValues.map((e) => ({
      ...e,
      risk_ratio: tidy(e.risk_ratio),
      e_value: tidy(e.e_value),
      ...(e.risk_ratio_ci
        ? { risk_ratio_ci: { lower: tidy(e.risk_ratio_ci.lower), upper: tidy(e.risk_ratio_ci.upper) } }
        : {}),
      ...(e.e_value_ci !== undefined ? { e_value_ci: tidy(e.e_value_ci) } : {}),
    })),
    explanation: {
      summary: top ? `${top.name} drives ${top.share}% of the outcome's swing` : 'No assumptions tested',
      reasoning:
        'Each assumption is moved across its range while the others stay at their current values; the model is re-run each time.',
      technical_basis:
        'One-at-a-time sensitivity analysis with exogenous terms at their means; breakpoints by grid scan and bisection; E-values after VanderWeele & Ding (2017)',
      assumptions: ['Assumptions vary independently', 'Structural equations are correct'],
    },
  };
}
