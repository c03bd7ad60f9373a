/**
 * `POST {prefix}/causal/validate`, `/causal/identify` and `/causal/estimate`: graph analysis,
 * the ID algorithm and effect estimation from data. Domain errors (IslError) carry their own
 * 4xx status and code; the kernel turns them into the common error body.
 */
import type { ServiceApp } from '@svc/kernel';
import type { CausalQuerySpec, CausalValidation } from '../../domain/causal/causal-validation.js';
import { validateCausalQuery } from '../../domain/causal/causal-validation.js';
import type { EffectEstimate, EstimateRequest } from '../../domain/causal/estimate.js';
import { estimateEffect } from '../../domain/causal/estimate.js';
import type { IdentifyQueryResult, IdentifyQuerySpec } from '../../domain/causal/identify-query.js';
import { identifyQuery } from '../../domain/causal/identify-query.js';
import { EstimateBodySchema, IdentifyBodySchema, ValidateBodySchema } from './causal-schemas.js';
import { estimateBody, identifyBody, validationBody } from './causal-wire.js';
import { IslError, toWireError } from '../../errors.js';

/** Business events of the causal routes (count them; never label them per user). */
export type CausalEvent = 'causal_validation' | 'causal_identification' | 'causal_estimation';

/** The computations behind the routes; swap in a worker pool to keep the event loop free. */
export interface CausalComputations {
  validate: (spec: CausalQuerySpec) => Promise<CausalValidation>;
  identify: (spec: IdentifyQuerySpec) => Promise<IdentifyQueryResult>;
  estimate: (request: EstimateRequest) => Promise<EffectEstimate>;
}

export interface CausalRouteOptions {
  /** API prefix, e.g. `/api/v1`. */
  prefix: string;
  /** Defaults to in-process computation. */
  compute?: Partial<CausalComputations>;
  onEvent?: (event: CausalEvent) => void;
}

/** In-process computations (pure, synchronous domain calls wrapped in promises). */
export const inProcessCausal: CausalComputations = {
  validate: (spec) => Promise.resolve().then(() => validateCausalQuery(spec)),
  identify: (spec) => Promise.resolve().then(() => identifyQuery(spec)),
  estimate: (request) => Promise.resolve().then(() => estimateEffect(request)),
};

/** Awaits a computation, putting a domain error's offending `field` into the HTTP body's details. */
async function withFieldInBody<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw e instanceof IslError ? toWireError(e) : e;
  }
}

/** Registers the three causal routes. */
export function registerCausalRoutes(app: ServiceApp, options: CausalRouteOptions): void {
  const compute: CausalComputations = { ...inProcessCausal, ...options.compute };
  const base = `${options.prefix}/causal`;

  app.post(
    `${base}/validate`,
    {
      schema: {
        summary: 'Analyse a causal graph: identifiability, adjustment sets, frontdoor sets, instruments',
        description:
          'Hidden confounding is given as `bidirected` pairs or unobserved `latent` nodes. Returns every minimal ' +
          'backdoor adjustment set and `minimal_set`, frontdoor sets, instrumental variables, the open backdoor ' +
          'paths and the ID algorithm verdict. A cycle, self-loop, duplicate or unknown node answers 400.',
        tags: ['causal'],
        body: ValidateBodySchema,
      },
    },
    async (request) => {
      const result = await withFieldInBody(compute.validate(request.body));
      options.onEvent?.('causal_validation');
      return validationBody(result);
    },
  );

  app.post(
    `${base}/identify`,
    {
      schema: {
        summary: 'Identify P(y | do(x)) with the ID algorithm (Shpitser & Pearl 2006)',
        description:
          'Returns the estimand as a Σ/P formula and as a structured tree, or `cannot_identify` with the hedge ' +
          '(c-forests F and F′). With a joint `distribution` or `data` rows and `intervention` values it also ' +
          'evaluates the interventional distribution of a single outcome.',
        tags: ['causal'],
        body: IdentifyBodySchema,
      },
    },
    async (request) => {
      const { distribution, data, intervention, ...rest } = request.body;
      const spec: IdentifyQuerySpec = { ...rest };
      if (distribution) spec.distribution = distribution;
      if (data) spec.rows = data;
      if (intervention) spec.interventionValues = intervention;
      const result = await withFieldInBody(compute.identify(spec));
      options.onEvent?.('causal_identification');
      return identifyBody(result);
    },
  );

  app.post(
    `${base}/estimate`,
    {
      schema: {
        summary: 'Estimate a causal effect from data with bootstrap intervals and refuters',
        description:
          'Methods: backdoor adjustment (stratification for discrete covariates, regression otherwise), inverse ' +
          'propensity weighting, frontdoor, or the ID estimand on discrete data. Bootstrap and refuters are ' +
          'seeded: the same request gives the same answer.',
        tags: ['causal'],
        body: EstimateBodySchema,
      },
    },
    async (request) => {
      const b = request.body;
      const req: EstimateRequest = { dag: b.dag, treatment: b.treatment, outcome: b.outcome };
      if (b.observed) req.observed = b.observed;
      if (b.latent) req.latent = b.latent;
      if (b.bidirected) req.bidirected = b.bidirected;
      if (b.data) req.data = b.data;
      if (b.csv !== undefined) req.csv = b.csv;
      if (b.method) req.method = b.method;
      if (b.treated_value !== undefined) req.treatedValue = b.treated_value;
      if (b.control_value !== undefined) req.controlValue = b.control_value;
      if (b.adjustment_set) req.adjustmentSet = b.adjustment_set;
      if (b.bootstrap_samples !== undefined) req.bootstrapSamples = b.bootstrap_samples;
      if (b.seed !== undefined) req.seed = b.seed;
      if (b.confidence_level !== undefined) req.confidenceLevel = b.confidence_level;
      if (b.refute !== undefined) req.refute = b.refute;
      const result = await withFieldInBody(compute.estimate(req));
      options.onEvent?.('causal_estimation');
      return estimateBody(result);
    },
  );
}
