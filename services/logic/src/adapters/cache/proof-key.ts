/**
 * The proof cache key: a CIDv1 (raw codec 0x55, sha2-256) of the canonical JSON of
 * `{formula, axioms, prover, config}` with the axioms in canonical order (sorted by printed form,
 * duplicates dropped), so the same question asked with its axioms in another order, or written in
 * another notation, names the same cache entry.
 */
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';
import { canonicalJson, type JsonValue } from './canonical-json.js';

export interface ProofKeyInput {
  /** The goal, printed (Unicode) from its parsed form so notation does not matter. */
  readonly formula: string;
  /** The axioms, printed; order and duplicates do not matter. */
  readonly axioms: readonly string[];
  /** Engine name (`native`, `z3`, `eprover`). */
  readonly prover: string;
  /** Everything else that changes the answer: the logic, engine settings. */
  readonly config: { readonly [key: string]: JsonValue };
}

/** Sorted by UTF-16 code units with duplicates removed: the order proofs and keys use. */
export function canonicalAxioms(axioms: readonly string[]): string[] {
  return [...new Set(axioms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The canonical JSON text the key hashes. */
export function proofKeyDocument(input: ProofKeyInput): string {
  return canonicalJson({
    formula: input.formula,
    axioms: canonicalAxioms(input.axioms),
    prover: input.prover,
    config: input.config,
  });
}

/**
 * The CID naming a proof question.
 *
 * @example
 * (await proofKey({ formula: 'q', axioms: ['p', 'p → q'], prover: 'native', config: { logic: 'fol' } })).toString()
 * // 'bafkrei…' (base32, CIDv1, raw, sha2-256)
 */
export async function proofKey(input: ProofKeyInput): Promise<CID> {
  const bytes = new TextEncoder().encode(proofKeyDocument(input));
  return CID.createV1(raw.code, await sha256.digest(bytes));
}
