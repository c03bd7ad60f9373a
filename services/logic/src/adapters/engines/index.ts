export type { ProverEngine, ProveOptions, ProofResult, ProofStep, FiniteModel } from './prover-engine.js';
export { NativeEngine, type NativeEngineOptions } from './native-engine.js';
export { EproverEngine, parseSzsStatus, mapSzsStatus, type EproverEngineOptions } from './eprover-engine.js';
export { Z3Engine } from './z3-engine.js';
