/**
 * Bayesian teaching: choose the examples that move the learner's beliefs most toward the target
 * understanding. The learner is modelled as a Bayesian over the concept's hypotheses; the value of an
 * example is the rise in the learner's probability of the correct hypothesis after seeing it. Examples
 * are chosen greedily, each scored against the beliefs left by the ones before it.
 */
import { IslError } from '../../errors.js';
import { CONCEPTS, normaliseConceptId } from './concept-catalogue.js';
import type { Concept, ConceptExample } from './concept-catalogue.js';

/** Per-concept beliefs of one user: a probability per hypothesis. Stored per user (24 h). */
export type TeachingBeliefs = Record<string, number[]>;

export interface TeachingExample {
  scenario: { description: string; outcomes: Record<string, number>; trade_offs: string[] };
  key_insight: string;
  why_this_example: string;
  /** Rise in P(correct understanding) this example brings, given the examples before it. */
  information_value: number;
}

export interface TeachingResult {
  concept: string;
  examples: TeachingExample[];
  explanation: string;
  learning_objectives: string[];
  expected_learning_time: string;
  /** P(correct understanding) before and after the selected examples. */
  belief_before: number;
  belief_after: number;
  /** Beliefs after studying the examples, for the store. */
  updated_beliefs: TeachingBeliefs;
}

/** Looks a concept up, or throws listing the valid ones. */
export function findConcept(name: string): Concept {
  const id = normaliseConceptId(String(name));
  const concept = CONCEPTS.find((c) => c.id === id);
  if (!concept) {
    const valid = CONCEPTS.map((c) => c.id);
    throw new IslError(
      'ISL_UNKNOWN_CONCEPT',
      `Unknown concept "${name}"; valid concepts: ${valid.join(', ')}`,
      {
        field: 'target_concept',
        details: { valid },
      },
    );
  }
  return concept;
}

/** Learner's belief after one example (Bayes' rule). */
export function learnerPosterior(prior: readonly number[], example: ConceptExample): number[] {
  const unnormalised = prior.map((p, i) => p * (example.likelihoods[i] ?? 0));
  const total = unnormalised.reduce((a, b) => a + b, 0);
  return total > 0 ? unnormalised.map((x) => x / total) : [...prior];
}

function priorFor(concept: Concept, beliefs: TeachingBeliefs | undefined): number[] {
  const stored = beliefs?.[concept.id];
  const n = concept.hypotheses.length;
  if (stored && stored.length === n && stored.every((x) => x >= 0) && stored.some((x) => x > 0)) {
    const total = stored.reduce((a, b) => a + b, 0);
    return stored.map((x) => x / total);
  }
  return new Array<number>(n).fill(1 / n);
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Selects up to `maxExamples` examples for `target` given the user's stored beliefs (uniform over the
 * hypotheses when none are stored).
 *
 * @throws IslError ISL_UNKNOWN_CONCEPT listing the valid concepts.
 */
export function selectTeachingExamples(
  beliefs: TeachingBeliefs | undefined,
  target: string,
  maxExamples = 3,
): TeachingResult {
  const concept = findConcept(target);
  const count = Math.max(1, Math.min(5, Math.floor(maxExamples)));
  let current = priorFor(concept, beliefs);
  const before = current[0] ?? 0;
  const remaining = [...concept.examples];
  const chosen: TeachingExample[] = [];
  while (chosen.length < count && remaining.length > 0) {
    let best = 0;
    let bestGain = -Infinity;
    remaining.forEach((example, i) => {
      const gain = (learnerPosterior(current, example)[0] ?? 0) - (current[0] ?? 0);
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    });
    const [example] = remaining.splice(best, 1) as [ConceptExample];
    const next = learnerPosterior(current, example);
    const strongest = example.likelihoods
      .slice(1)
      .reduce((m, l, i) => (l > (example.likelihoods[m + 1] ?? 0) ? i : m), 0);
    chosen.push({
      scenario: { description: example.description, outcomes: { ...example.outcomes }, trade_offs: [] },
      key_insight: example.key_insight,
      why_this_example: `It is ${round((example.likelihoods[0] ?? 0) / Math.max(1e-9, example.likelihoods[strongest + 1] ?? 0))}× more expected under the correct view than under "${concept.hypotheses[strongest + 1] ?? ''}"`,
      information_value: round(bestGain),
    });
    current = next;
  }
  const after = current[0] ?? 0;
  return {
    concept: concept.id,
    examples: chosen,
    explanation: `Examples were chosen to raise the belief that "${concept.hypotheses[0] ?? ''}" from ${round(before)} to ${round(after)}`,
    learning_objectives: [...concept.learning_objectives],
    expected_learning_time: `${chosen.length * 3} minutes`,
    belief_before: round(before),
    belief_after: round(after),
    updated_beliefs: { ...(beliefs ?? {}), [concept.id]: current.map(round) },
  };
}
