/**
 * The letter operators of deontic and temporal logic. They are ordinary uppercase letters, so they
 * are read as operators only when the caller names the logic (the same `F` is "forbidden" in SDL and
 * "finally/eventually" in LTL) and only where a predicate could not stand:
 *
 * - `O p`, `O ¬p`, `O (p ∧ q)`, `G X p`: the letter is followed by whitespace, or directly by a token
 *   that starts a formula and cannot follow a predicate name (`¬`, `□`, `∀`, …) → operator;
 * - `F(x)`: the letter is glued to `(` → predicate (or function) application, in every logic;
 * - `F`, `F ∧ q`, `P = c`: nothing that starts a formula follows → a proposition or constant.
 *
 * Without letters (plain FOL and the alethic logics K–S5) every letter is a name.
 */
import type { ModalOperator } from '../formula.js';

/** Which letter operators a parse reads: deontic `O P F` (SDL) or temporal `G F X` (LTL). */
export type ModalLetters = 'deontic' | 'temporal';

export const MODAL_LETTERS: Readonly<Record<ModalLetters, Readonly<Record<string, ModalOperator>>>> = {
  deontic: { O: 'obligatory', P: 'permitted', F: 'forbidden' },
  temporal: { G: 'always', F: 'eventually', X: 'next' },
};

/** Every letter that is an operator in some logic (for a hint when a plain FOL parse stumbles on one). */
export const ALL_MODAL_LETTERS: ReadonlySet<string> = new Set(
  Object.values(MODAL_LETTERS).flatMap((table) => Object.keys(table)),
);

/** The operator a letter stands for under `letters`, if any. */
export function letterOperator(letters: ModalLetters | undefined, text: string): ModalOperator | undefined {
  if (letters === undefined) return undefined;
  return MODAL_LETTERS[letters][text];
}

/** The letter printed for a deontic or temporal operator; undefined for □ and ◇. */
export function operatorLetter(op: ModalOperator): string | undefined {
  for (const table of Object.values(MODAL_LETTERS)) {
    for (const [letter, candidate] of Object.entries(table)) if (candidate === op) return letter;
  }
  return undefined;
}
