import { IslError } from '../../errors.js';
import type { CausalQuerySpec } from './causal-validation.js';
import type { DataRow } from './data-table.js';
import type { DiscreteValue, JointEntry } from './discrete-distribution.js';
import { DiscreteDistribution } from './discrete-distribution.js';
import { evaluateIdentified } from './estimand-evaluation.js';
import type { GraphSpec } from './graph.js';
import { buildCausalGraph, requireNodes } from './graph.js';
import type { Identification } from './identify.js';
import { identifyEffect } from './identify.js';

/** The /causal/identify request: several treatments and outcomes allowed, optionally a distribution to evaluate on. */
export interface IdentifyQuerySpec extends Omit<CausalQuerySpec, 'treatment' | 'outcome'> {
  treatment: string | readonly string[];
  outcome: string | readonly string[];
  /** A joint table over the observed nodes (probabilities or counts) to evaluate the estimand on. */
  distribution?: readonly JointEntry[];
  /** Or data rows, whose empirical distribution is used. */
  rows?: readonly DataRow[];
  /** Intervention values do(x = v); required with a distribution or rows. */
  interventionValues?: Readonly<Record<string, DiscreteValue>>;
}

/** The identification plus, when a distribution was given, P(outcome = v | do(x)) for each value v. */
export type IdentifyQueryResult = Identification & {
  /** Outcome value → probability, for a single outcome evaluated on the given distribution. */
  interventional?: Record<string, number>;
};

function names(v: string | readonly string[], field: string): string[] {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? [...(v as readonly string[])] : [];
  if (list.length === 0 || list.some((n) => typeof n !== 'string')) {
    throw new IslError('ISL_INVALID_INPUT', `${field} must be a node name or a non-empty list of names`, {
      field,
    });
  }
  return list;
}

/**
 * Runs the ID algorithm for P(outcome | do(treatment)) and, when a distribution or data rows
 * and intervention values are given, evaluates the estimand on them.
 */
export function identifyQuery(spec: IdentifyQuerySpec): IdentifyQueryResult {
  const x = names(spec.treatment, 'treatment');
  const y = names(spec.outcome, 'outcome');
  const graphSpec: GraphSpec = { nodes: spec.dag.nodes, edges: spec.dag.edges };
  if (spec.bidirected) graphSpec.bidirected = spec.bidirected;
  if (spec.latent) graphSpec.latent = spec.latent;
  if (spec.observed) graphSpec.observed = spec.observed;
  const graph = buildCausalGraph(graphSpec);
  requireNodes(graph, x, 'treatment');
  requireNodes(graph, y, 'outcome');
  const result = identifyEffect(graph, y, x);
  if (!result.identifiable || (spec.distribution === undefined && spec.rows === undefined)) return result;
  const values = spec.interventionValues ?? {};
  const missing = x.find((t) => values[t] === undefined);
  if (missing !== undefined) {
    throw new IslError('ISL_INVALID_INPUT', `interventionValues needs a value for "${missing}"`, {
      field: 'interventionValues',
    });
  }
  if (y.length !== 1) {
    throw new IslError('ISL_INVALID_INPUT', 'evaluation on a distribution supports one outcome', {
      field: 'outcome',
    });
  }
  const dist = spec.distribution
    ? new DiscreteDistribution(graph.nodes, spec.distribution)
    : DiscreteDistribution.fromRows(spec.rows ?? [], graph.nodes);
  const outcome = y[0] as string;
  const interventional: Record<string, number> = {};
  for (const v of dist.domain(outcome)) {
    interventional[String(v)] = evaluateIdentified(result, dist, { ...values, [outcome]: v });
  }
  return { ...result, interventional };
}
