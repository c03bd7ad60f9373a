/**
 * Business counters on the app's registry (`isl_*`): they count what the service did, never who asked
 * (no user labels; every label has a small fixed set of values).
 */
import { Counter } from '@svc/kernel';
import type { Registry } from '@svc/kernel';
import type { CausalEvent } from '../routes/causal/causal-routes.js';
import type { BusinessEvent } from '../routes/preferences/user-state-store.js';
import type { JobOutcome } from './compute-pool.js';

/** Caches whose hits and misses are counted. */
export type CacheName = 'counterfactual' | 'sensitivity' | 'causal_validate' | 'causal_identify' | 'causal_estimate';

export interface BusinessMetrics {
  /** Counts one answered business request. */
  record(event: BusinessEvent | CausalEvent): void;
  cacheLookup(cache: CacheName, hit: boolean): void;
  computeJob(kind: string, outcome: JobOutcome): void;
  workerRestart(): void;
  userErasure(): void;
}

/** Registers the counters on `registry` and returns the recorder the routes' `onEvent` calls. */
export function createBusinessMetrics(registry: Registry, prefix = 'isl_'): BusinessMetrics {
  const counter = <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: `${prefix}${name}`, help, labelNames, registers: [registry] });

  const validations = counter('validations_total', 'Validations answered: causal graphs and causal models', ['kind']);
  const simple: Record<Exclude<BusinessEvent | CausalEvent, 'validation' | 'causal_validation'>, Counter> = {
    causal_identification: counter('identifications_total', 'ID-algorithm identifications answered'),
    causal_estimation: counter('estimations_total', 'Effect estimations from data answered'),
    counterfactual: counter('counterfactuals_total', 'Counterfactual and interventional predictions answered'),
    sensitivity_analysis: counter('sensitivity_analyses_total', 'Sensitivity analyses answered'),
    preference_elicitation: counter('preference_elicitations_total', 'Preference elicitations answered'),
    belief_update: counter('belief_updates_total', 'Preference belief updates applied'),
    teaching: counter('teaching_requests_total', 'Teaching example selections answered'),
    team_alignment: counter('team_alignments_total', 'Team alignments answered'),
  };
  const cacheHits = counter('cache_hits_total', 'Result cache hits', ['cache']);
  const cacheMisses = counter('cache_misses_total', 'Result cache misses', ['cache']);
  const jobs = counter('compute_jobs_total', 'Computations by kind and outcome', ['kind', 'outcome']);
  const restarts = counter('compute_worker_restarts_total', 'Computation worker threads replaced after a crash or overrun');
  const erasures = counter('user_erasures_total', 'DELETE /users/{id} requests carried out');

  // Series that exist from the start, so dashboards and rate() see zeros rather than gaps.
  for (const kind of ['causal_graph', 'model']) validations.labels({ kind }).inc(0);

  return {
    record(event) {
      if (event === 'validation') validations.labels({ kind: 'model' }).inc();
      else if (event === 'causal_validation') validations.labels({ kind: 'causal_graph' }).inc();
      else simple[event].inc();
    },
    cacheLookup(cache, hit) {
      (hit ? cacheHits : cacheMisses).labels({ cache }).inc();
    },
    computeJob(kind, outcome) {
      jobs.labels({ kind, outcome }).inc();
    },
    workerRestart() {
      restarts.inc();
    },
    userErasure() {
      erasures.inc();
    },
  };
}
