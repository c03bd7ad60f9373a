import { IslError } from '../../errors.js';
import { minimalAdjustmentSets } from './adjustment-sets.js';
import type { CausalPath } from './backdoor-paths.js';
import { openBackdoorPaths } from './backdoor-paths.js';
import { minimalFrontdoorSets } from './frontdoor-sets.js';
import type { CausalGraph, GraphSpec } from './graph.js';
import { buildCausalGraph, requireNodes } from './graph.js';
import type { Identification } from './identify.js';
import { identifyEffect } from './identify.js';
import type { Instrument } from './instrumental-variables.js';
import { instrumentalVariables } from './instrumental-variables.js';

/** A causal query as it arrives on the wire: graph, treatment, outcome and hidden confounding. */
export interface CausalQuerySpec {
  dag: { nodes: readonly string[]; edges: readonly (readonly string[])[] };
  treatment: string;
  outcome: string;
  observed?: readonly string[];
  latent?: readonly string[];
  bidirected?: readonly (readonly string[])[];
}

/** How the effect is best obtained. */
export type IdentificationStrategy = 'backdoor' | 'frontdoor' | 'id_algorithm' | 'none';

/** Everything /causal/validate reports about a query. */
export interface CausalValidation {
  status: 'identifiable' | 'cannot_identify';
  strategy: IdentificationStrategy;
  treatment: string;
  outcome: string;
  /** Every minimal backdoor adjustment set, smallest first. */
  adjustmentSets: string[][];
  minimalSet: string[] | null;
  frontdoorSets: string[][];
  instrumentalVariables: Instrument[];
  /** Backdoor paths open with no adjustment. */
  backdoorPaths: CausalPath[];
  identification: Identification;
  issues: string[];
  explanation: string;
  truncated: boolean;
}

/** Builds and validates the graph of a query, checking that treatment and outcome are observed nodes. */
export function graphOfQuery(spec: CausalQuerySpec): CausalGraph {
  if (typeof spec.treatment !== 'string' || typeof spec.outcome !== 'string') {
    throw new IslError('ISL_INVALID_INPUT', 'treatment and outcome must be node names', {
      field: typeof spec.treatment !== 'string' ? 'treatment' : 'outcome',
    });
  }
  if (spec.treatment === spec.outcome) {
    throw new IslError('ISL_INVALID_INPUT', 'treatment and outcome must differ', { field: 'outcome' });
  }
  const graphSpec: GraphSpec = { nodes: spec.dag.nodes, edges: spec.dag.edges };
  if (spec.bidirected) graphSpec.bidirected = spec.bidirected;
  if (spec.latent) graphSpec.latent = spec.latent;
  if (spec.observed) graphSpec.observed = spec.observed;
  const graph = buildCausalGraph(graphSpec);
  requireNodes(graph, [spec.treatment], 'treatment');
  requireNodes(graph, [spec.outcome], 'outcome');
  return graph;
}

/**
 * Analyses a causal query: adjustment sets, frontdoor sets, instruments, open backdoor paths and
 * the ID algorithm's verdict (which is complete, so `status` is exact for nonparametric identification).
 */
export function validateCausalQuery(spec: CausalQuerySpec): CausalValidation {
  const graph = graphOfQuery(spec);
  const { treatment: x, outcome: y } = spec;
  const adjustment = minimalAdjustmentSets(graph, x, y);
  const frontdoorSets = minimalFrontdoorSets(graph, x, y);
  const ivs = instrumentalVariables(graph, x, y);
  const paths = openBackdoorPaths(graph, x, y);
  const identification = identifyEffect(graph, [y], [x]);
  const issues: string[] = [];
  if (!graph.descendants([x]).has(y))
    issues.push(`${y} is not a descendant of ${x}: the causal effect is zero`);
  for (const [a, b] of graph.bidirectedEdges()) {
    if ((a === x && b === y) || (a === y && b === x))
      issues.push(`${x} and ${y} share a hidden common cause`);
  }
  if (paths.paths.length > 0 && adjustment.minimalSet === null) {
    issues.push('no set of observed variables blocks every backdoor path');
  }
  if (paths.truncated) issues.push('the list of open backdoor paths was truncated');
  if (!identification.identifiable && ivs.length > 0) {
    issues.push(
      `instrumental variable(s) ${ivs.map((iv) => iv.instrument).join(', ')} identify the effect only under ` +
        'extra assumptions (linearity or monotonicity)',
    );
  }
  let strategy: IdentificationStrategy = 'none';
  if (adjustment.minimalSet !== null) strategy = 'backdoor';
  else if (frontdoorSets.length > 0) strategy = 'frontdoor';
  else if (identification.identifiable) strategy = 'id_algorithm';
  return {
    status: identification.identifiable ? 'identifiable' : 'cannot_identify',
    strategy,
    treatment: x,
    outcome: y,
    adjustmentSets: adjustment.sets,
    minimalSet: adjustment.minimalSet,
    frontdoorSets,
    instrumentalVariables: ivs,
    backdoorPaths: paths.paths,
    identification,
    issues,
    explanation: explain(
      x,
      y,
      strategy,
      adjustment.minimalSet,
      frontdoorSets,
      identification,
      paths.paths.length,
    ),
    truncated: adjustment.truncated || paths.truncated,
  };
}

function explain(
  x: string,
  y: string,
  strategy: IdentificationStrategy,
  minimalSet: string[] | null,
  frontdoor: string[][],
  id: Identification,
  openPaths: number,
): string {
  const set = (s: readonly string[]): string => `{${s.join(', ')}}`;
  switch (strategy) {
    case 'backdoor':
      return openPaths === 0
        ? `No backdoor path from ${x} to ${y} is open, so P(${y} | do(${x})) = P(${y} | ${x}) without adjustment.`
        : `Adjusting for ${set(minimalSet ?? [])} blocks all ${openPaths} open backdoor path(s) from ${x} to ${y}.`;
    case 'frontdoor':
      return `No observed set blocks the backdoor paths, but ${set(frontdoor[0] ?? [])} satisfies the frontdoor criterion.`;
    case 'id_algorithm':
      return `Neither backdoor nor frontdoor adjustment applies, but the ID algorithm identifies the effect: ${
        id.identifiable ? id.formula : ''
      }.`;
    case 'none':
      return id.identifiable
        ? ''
        : `${id.reason}; no nonparametric estimate exists without further assumptions.`;
  }
}
