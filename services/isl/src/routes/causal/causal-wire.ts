/** Maps the causal domain results to the wire's snake_case bodies (the original API's field style). */
import type { CausalValidation } from '../../domain/causal/causal-validation.js';
import type { EffectEstimate } from '../../domain/causal/estimate.js';
import type { IdentifyQueryResult } from '../../domain/causal/identify-query.js';
import type { Identification } from '../../domain/causal/identify.js';

function identificationBody(id: Identification): Record<string, unknown> {
  return id.identifiable
    ? {
        identifiable: true,
        query: id.query,
        formula: id.formula,
        estimand: id.estimand,
        arbitrary: id.arbitrary,
      }
    : {
        identifiable: false,
        query: id.query,
        hedge: { F: id.hedge.f, F_prime: id.hedge.fPrime },
        reason: id.reason,
      };
}

/** Body of POST /causal/validate. */
export function validationBody(v: CausalValidation): Record<string, unknown> {
  return {
    status: v.status,
    strategy: v.strategy,
    treatment: v.treatment,
    outcome: v.outcome,
    adjustment_sets: v.adjustmentSets,
    minimal_set: v.minimalSet,
    frontdoor_sets: v.frontdoorSets,
    instrumental_variables: v.instrumentalVariables.map((iv) => ({
      instrument: iv.instrument,
      conditional_on: iv.conditionalOn,
    })),
    backdoor_paths: v.backdoorPaths.map((p) => ({ nodes: p.nodes, path: p.text })),
    identification: identificationBody(v.identification),
    issues: v.issues,
    explanation: v.explanation,
    truncated: v.truncated,
  };
}

/** Body of POST /causal/identify. */
export function identifyBody(r: IdentifyQueryResult): Record<string, unknown> {
  return {
    status: r.identifiable ? 'identifiable' : 'cannot_identify',
    ...identificationBody(r),
    ...(r.interventional ? { interventional_distribution: r.interventional } : {}),
  };
}

/** Body of POST /causal/estimate. */
export function estimateBody(e: EffectEstimate): Record<string, unknown> {
  return {
    effect: e.effect,
    ci: e.ci,
    standard_error: e.standardError,
    confidence_level: e.confidenceLevel,
    method: e.method,
    treatment: e.treatment,
    outcome: e.outcome,
    arm_means: e.armMeans,
    adjustment_set: e.adjustmentSet,
    mediators: e.mediators,
    estimand: e.estimand,
    n: e.n,
    bootstrap: e.bootstrap,
    refutations: e.refutations.map((r) => ({
      refuter: r.refuter,
      original_effect: r.originalEffect,
      new_effect: r.newEffect,
      passed: r.passed,
      detail: r.detail,
    })),
  };
}
