/**
 * The heavy computations the service runs off the event loop, by job kind. Each is a pure domain
 * function (JSON in, JSON out), so the same table serves the worker threads and the in-process path.
 */
import { validateCausalQuery } from '../domain/causal/causal-validation.js';
import type { CausalQuerySpec, CausalValidation } from '../domain/causal/causal-validation.js';
import { estimateEffect } from '../domain/causal/estimate.js';
import type { EffectEstimate, EstimateRequest } from '../domain/causal/estimate.js';
import { identifyQuery } from '../domain/causal/identify-query.js';
import type { IdentifyQueryResult, IdentifyQuerySpec } from '../domain/causal/identify-query.js';
import { counterfactual } from '../domain/scm/counterfactual.js';
import type { CounterfactualRequest, CounterfactualResponse } from '../domain/scm/counterfactual.js';
import { sensitivityAnalysis } from '../domain/sensitivity/sensitivity-analysis.js';
import type { SensitivityRequest, SensitivityResponse } from '../domain/sensitivity/sensitivity-analysis.js';

/** Inputs and outputs of every job kind. */
export interface ComputeJobTypes {
  counterfactual: [CounterfactualRequest, CounterfactualResponse];
  sensitivity: [SensitivityRequest, SensitivityResponse];
  causal_validate: [CausalQuerySpec, CausalValidation];
  causal_identify: [IdentifyQuerySpec, IdentifyQueryResult];
  causal_estimate: [EstimateRequest, EffectEstimate];
}

export type ComputeJobKind = keyof ComputeJobTypes;
export type JobInput<K extends ComputeJobKind> = ComputeJobTypes[K][0];
export type JobOutput<K extends ComputeJobKind> = ComputeJobTypes[K][1];

/** The domain function behind each job kind. */
export const computeJobs: { readonly [K in ComputeJobKind]: (input: JobInput<K>) => JobOutput<K> } = {
  counterfactual: (input) => counterfactual(input),
  sensitivity: (input) => sensitivityAnalysis(input),
  causal_validate: (input) => validateCausalQuery(input),
  causal_identify: (input) => identifyQuery(input),
  causal_estimate: (input) => estimateEffect(input),
};

/** Runs a job in this thread (no worker threads configured, or the pool fell back). */
export function runJobInProcess<K extends ComputeJobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  return Promise.resolve().then(() => computeJobs[kind](input));
}
