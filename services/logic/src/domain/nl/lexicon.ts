/**
 * The closed word classes of the controlled English the converter accepts. Every other word is an
 * open-class word (noun, adjective or verb) whose role the grammar infers from its position.
 */

export const UNIVERSAL_DETERMINERS = new Set(['all', 'every', 'each', 'any']);
export const EXISTENTIAL_DETERMINERS = new Set(['some', 'a', 'an']);
export const NEGATIVE_DETERMINERS = new Set(['no']);

/** Quantified pronouns: `everyone` = ∀x, `someone` = ∃x, `nobody` = ∀x ¬. */
export const QUANTIFIED_PRONOUNS: Readonly<Record<string, 'all' | 'some' | 'no'>> = {
  everyone: 'all',
  everybody: 'all',
  everything: 'all',
  anyone: 'all',
  anybody: 'all',
  anything: 'all',
  someone: 'some',
  somebody: 'some',
  something: 'some',
  nobody: 'no',
  nothing: 'no',
};

export const ANAPHORIC_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'him', 'her', 'them']);
export const COPULAS_SINGULAR = new Set(['is', 'was']);
export const COPULAS_PLURAL = new Set(['are', 'were']);
export const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which', 'whom']);
export const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'of', 'to', 'from', 'with', 'by', 'for', 'about', 'than', 'into', 'under', 'over',
  'near', 'after', 'before', 'between', 'among', 'without', 'within', 'through', 'as',
]);

const FUNCTION_WORDS = new Set([
  ...UNIVERSAL_DETERMINERS,
  ...EXISTENTIAL_DETERMINERS,
  ...NEGATIVE_DETERMINERS,
  ...Object.keys(QUANTIFIED_PRONOUNS),
  ...ANAPHORIC_PRONOUNS,
  ...COPULAS_SINGULAR,
  ...COPULAS_PLURAL,
  ...RELATIVE_PRONOUNS,
  ...PREPOSITIONS,
  'the', 'not', 'and', 'or', 'nor', 'if', 'then', 'either', 'neither', 'both', 'can', 'could', 'does',
  'do', 'did', 'be', 'am', 'there', 'case', 'one', 'also', ',', ...['will', 'would', 'shall', 'should', 'must', 'may', 'might'],
]);

/** True for a closed-class word, which can never be a noun, adjective or verb. */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** Modal auxiliaries other than `can`: tense and mood are not represented, so they are dropped. */
export const DROPPED_MODALS = new Set(['will', 'would', 'shall', 'should', 'must', 'may', 'might']);
