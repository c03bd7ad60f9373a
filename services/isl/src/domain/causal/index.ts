/**
 * The causal core of the Inference Service Layer: graphs with hidden confounding, d-separation,
 * adjustment/frontdoor/instrument search, the ID algorithm, estimand evaluation and estimation.
 * Routes call `validateCausalQuery`, `identifyQuery` and `estimateEffect`.
 */
export { CausalGraph, MAX_GRAPH_NODES, buildCausalGraph, requireNodes } from './graph.js';
export type { BidirectedEdge, DirectedEdge, GraphSpec } from './graph.js';
export { dConnectedNodes, isDSeparated } from './d-separation.js';
export { MAX_ENUMERATED_PATHS, isPathOpen, openBackdoorPaths } from './backdoor-paths.js';
export type { CausalPath, PathEdge } from './backdoor-paths.js';
export {
  MAX_ENUMERATION_NODES,
  MAX_LISTED_SETS,
  minimalAdjustmentSets,
  satisfiesBackdoor,
} from './adjustment-sets.js';
export type { AdjustmentSets } from './adjustment-sets.js';
export { MAX_FRONTDOOR_CANDIDATES, minimalFrontdoorSets, satisfiesFrontdoor } from './frontdoor-sets.js';
export { instrumentalVariables, isInstrument } from './instrumental-variables.js';
export type { Instrument } from './instrumental-variables.js';
export { MAX_ID_NODES, identifyEffect } from './identify.js';
export type { Hedge, Identification } from './identify.js';
export { freeVariables, renderEstimand } from './estimand.js';
export type { Estimand } from './estimand.js';
export { DiscreteDistribution } from './discrete-distribution.js';
export type { Cpt, DiscreteValue, JointEntry } from './discrete-distribution.js';
export { evaluateEstimand, evaluateIdentified, interventionalDistribution } from './estimand-evaluation.js';
export { graphOfQuery, validateCausalQuery } from './causal-validation.js';
export type { CausalQuerySpec, CausalValidation, IdentificationStrategy } from './causal-validation.js';
export { identifyQuery } from './identify-query.js';
export type { IdentifyQuerySpec, IdentifyQueryResult } from './identify-query.js';
export { MAX_DATA_ROWS, parseCsv } from './data-table.js';
export type { DataRow } from './data-table.js';
export { MAX_BOOTSTRAP_SAMPLES } from './bootstrap.js';
export { estimateEffect, rowsOf } from './estimate.js';
export type { ArmMean, EffectEstimate, EstimateRequest, EstimationMethod } from './estimate.js';
export type { Refutation } from './refuters.js';
