/**
 * The heavy computations the service runs off the event loop, by job kind. Each is a pure domain
 * function (JSON in, JSON out), so the same table serves the worker threads and the in-process path.
 *
 * Two tables: `computeJobs` go through the result cache (see computations.ts); `preferenceJobs` run on
 * the pool uncached, because their input is the user's posterior, which every answer changes.
 */
import { validateCausalQuery } from '../domain/causal/causal-validation.js';
import type { CausalQuerySpec, CausalValidation } from '../domain/causal/causal-validation.js';
import { estimateEffect } from '../domain/causal/estimate.js';
import type { EffectEstimate, EstimateRequest } from '../domain/causal/estimate.js';
import { identifyQuery } from '../domain/causal/identify-query.js';
import type { IdentifyQueryResult, IdentifyQuerySpec } from '../domain/causal/identify-query.js';
import { answerPreferenceQuery, elicitPreferences } from '../domain/preferences/preference-session.js';
import type {
  AnswerPreferenceInput,
  AnswerPreferenceOutput,
  ElicitPreferencesInput,
  ElicitPreferencesOutput,
} from '../domain/preferences/preference-session.js';
import { counterfactual } from '../domain/scm/counterfactual.js';
import type { CounterfactualRequest, CounterfactualResponse } from '../domain/scm/counterfactual.js';
import type { ComputePool } from './compute-pool.js';
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

/** Inputs and outputs of the preference jobs (elicit, update), run on the pool without the cache. */
export interface PreferenceJobTypes {
  preferences_elicit: [ElicitPreferencesInput, ElicitPreferencesOutput];
  preferences_update: [AnswerPreferenceInput, AnswerPreferenceOutput];
}

export type PreferenceJobKind = keyof PreferenceJobTypes;

/** The domain function behind each preference job kind. */
export const preferenceJobs: {
  readonly [K in PreferenceJobKind]: (input: PreferenceJobTypes[K][0]) => PreferenceJobTypes[K][1];
} = {
  preferences_elicit: (input) => elicitPreferences(input),
  preferences_update: (input) => answerPreferenceQuery(input),
};

/** Runs a preference job on the pool, its input and output typed by kind. */
export function runPreferenceJob<K extends PreferenceJobKind>(
  pool: Pick<ComputePool, 'run'>,
  kind: K,
  input: PreferenceJobTypes[K][0],
): Promise<PreferenceJobTypes[K][1]> {
  return pool.run<PreferenceJobTypes[K][1]>(kind, input);
}

/** Every job kind a worker thread serves. */
export const workerJobs: Readonly<Record<string, (input: never) => unknown>> = { ...computeJobs, ...preferenceJobs };

/** Runs a job in this thread (no worker threads configured, or the pool fell back). */
export function runJobInProcess<K extends ComputeJobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  return Promise.resolve().then(() => computeJobs[kind](input));
}

/** Runs any job kind of `workerJobs` in this thread: the pool's fallback when threads cannot start. */
export function runWorkerJobInProcess(kind: string, input: unknown): Promise<unknown> {
  return Promise.resolve().then(() => {
    const job = Object.hasOwn(workerJobs, kind) ? workerJobs[kind] : undefined;
    if (!job) throw new Error(`unknown job kind "${kind}"`);
    return job(input as never);
  });
}
