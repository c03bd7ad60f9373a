export { proveNative, type NativeProverOptions } from './native-prover.js';
export type { ProofResult, ProofStep, FiniteModel } from './proof-result.js';
export { evaluateInModel } from './model-evaluation.js';
export { findFiniteModel, type ModelSearchLimits } from './model-finder.js';
export { clausify, type ClausifyOptions, type InputClause, type NamedFormula } from './clausify.js';
