/**
 * Hand-written English morphology for the controlled-English converter: plural nouns to their
 * singular lemma, finite verb forms to the base form and back to the third person singular.
 * The rules cover regular inflection plus a short list of irregular words; anything unusual is left
 * as it is, which keeps predicate names stable (an unknown word maps to itself).
 */

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  men: 'man',
  women: 'woman',
  people: 'person',
  children: 'child',
  mice: 'mouse',
  geese: 'goose',
  feet: 'foot',
  teeth: 'tooth',
  oxen: 'ox',
  lice: 'louse',
  dice: 'die',
  knives: 'knife',
  wives: 'wife',
  lives: 'life',
  leaves: 'leaf',
  wolves: 'wolf',
  calves: 'calf',
  halves: 'half',
  shelves: 'shelf',
  thieves: 'thief',
  loaves: 'loaf',
  elves: 'elf',
  heroes: 'hero',
  potatoes: 'potato',
  tomatoes: 'tomato',
  cacti: 'cactus',
  fungi: 'fungus',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  movies: 'movie',
  cookies: 'cookie',
  zombies: 'zombie',
  pies: 'pie',
  ties: 'tie',
  lies: 'lie',
  calories: 'calorie',
  rookies: 'rookie',
};

/** Words ending in -s that are singular (or invariant) nouns and adjectives, so no -s is stripped. */
const SINGULAR_IN_S = new Set([
  'news', 'series', 'species', 'physics', 'mathematics', 'economics', 'politics', 'ethics', 'always',
  'gas', 'bus', 'lens', 'atlas', 'canvas', 'chaos', 'cosmos', 'ethos', 'bias', 'alias', 'iris', 'basis',
  'thesis', 'analysis', 'crisis', 'yes', 'this', 'his', 'its', 'us', 'was', 'has', 'is', 'does', 'less',
]);

const IRREGULAR_VERB_BASE: Readonly<Record<string, string>> = {
  has: 'have',
  does: 'do',
  is: 'be',
  are: 'be',
  goes: 'go',
};

const IRREGULAR_THIRD_PERSON: Readonly<Record<string, string>> = {
  have: 'has',
  do: 'does',
  be: 'is',
  go: 'goes',
};

const SIBILANT_ES = /(ss|sh|ch|x|z|o)es$/;

/** True for a form that has a plural -s / -es / -ies ending (or is an irregular plural). */
export function looksPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR_PLURALS) return true;
  if (SINGULAR_IN_S.has(w) || w.length < 3) return false;
  return w.endsWith('s') && !/(ss|us|is|ous)$/.test(w);
}

/** The singular lemma of a noun: `cats` → `cat`, `men` → `man`, `flies` → `fly`, `boxes` → `box`. */
export function singularNoun(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PLURALS[w];
  if (irregular !== undefined) return irregular;
  if (!looksPlural(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (SIBILANT_ES.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** True for a finite verb form that agrees with a singular subject (`loves`, `passes`, `has`). */
export function looksThirdPersonSingular(word: string): boolean {
  const w = word.toLowerCase();
  if (w in IRREGULAR_VERB_BASE) return true;
  return w.length > 2 && w.endsWith('s') && !w.endsWith('ss');
}

/** The base form of a verb: `loves` → `love`, `flies` → `fly`, `passes` → `pass`, `fly` → `fly`. */
export function verbBase(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_VERB_BASE[w];
  if (irregular !== undefined) return irregular;
  if (!looksThirdPersonSingular(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (SIBILANT_ES.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** The third person singular of a base form: `love` → `loves`, `fly` → `flies`, `pass` → `passes`. */
export function thirdPersonSingular(base: string): string {
  const w = base.toLowerCase();
  const irregular = IRREGULAR_THIRD_PERSON[w];
  if (irregular !== undefined) return irregular;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z|o)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'went', 'wrote', 'sat', 'got', 'made', 'took', 'gave', 'saw', 'knew', 'ate', 'ran',
  'won', 'lost', 'found', 'began', 'became', 'built', 'bought', 'brought', 'came', 'chose', 'drew', 'drove', 'fell',
  'felt', 'flew', 'forgot', 'grew', 'heard', 'held', 'kept', 'led', 'left', 'met', 'paid', 'said', 'sang', 'sent',
  'sold', 'spoke', 'spent', 'stood', 'taught', 'told', 'thought', 'threw', 'understood', 'wore', 'won', 'born',
]);

/** True for a past-tense (or past-participle) form: `published`, `wrote`. Past forms show no number. */
export function looksPastTense(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed'));
}
