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

const IRREGULAR_PARTICIPLES: Readonly<Record<string, string>> = {
  written: 'write', given: 'give', taken: 'take', known: 'know', seen: 'see', eaten: 'eat', made: 'make',
  built: 'build', held: 'hold', found: 'find', paid: 'pay', sold: 'sell', told: 'tell', taught: 'teach',
  bought: 'buy', brought: 'bring', thought: 'think', caught: 'catch', won: 'win', driven: 'drive',
  chosen: 'choose', spoken: 'speak', stolen: 'steal', broken: 'break', forgotten: 'forget', begun: 'begin',
  sung: 'sing', drawn: 'draw', grown: 'grow', thrown: 'throw', shown: 'show', worn: 'wear', kept: 'keep',
  left: 'leave', lost: 'lose', led: 'lead', read: 'read', run: 'run', set: 'set', put: 'put', cut: 'cut',
  hit: 'hit', beaten: 'beat', bitten: 'bite', hidden: 'hide', ridden: 'ride', done: 'do', gone: 'go',
  become: 'become', born: 'bear', borne: 'bear', fed: 'feed', felt: 'feel', heard: 'hear', met: 'meet',
  sent: 'send', spent: 'spend', understood: 'understand', struck: 'strike', shot: 'shoot', frozen: 'freeze',
  fought: 'fight', sought: 'seek', dealt: 'deal', meant: 'mean', lit: 'light', laid: 'lay', said: 'say',
  // Regular spellings the silent-e rule below gets wrong.
  created: 'create', creating: 'create', writing: 'write', being: 'be', dying: 'die', lying: 'lie', tying: 'tie',
  doing: 'do', going: 'go',
};

/**
 * Stems whose base form ends in a silent -e that -ed/-ing dropped: `lov-ed`, `produc-ed`,
 * `locat-ed`, `manag-ed`, `us-ed`, `requir-ed`, `decid-ed`. Ambiguous endings (`-it`, `-et`, `-en`,
 * `-er`, `-on`, `-or`, `-el`, `-al`, `-op`: `visited`, `opened`, `offered`, `developed`) keep no -e.
 */
const SILENT_E_STEM = /(?:[cvzu]|(?:^|[^s])s|(?:[^aeiou][aiu]|ui)r|[^aeiou][aiuo]m|[^aeiou][aiu]n|[^aeiou][aioue]d|[^aeiou][aiuy]p|[^aeiou][aiuo]k|[^aeiou][aiuo]b|[^aeiou][auo]t|[^aeiou][aiuo]g|[aeiu]ng|[rdl]g|[^aeiou][iouy]l|[bdgptkfz]l|[^aeiou]at)$/;

function restoreBase(stem: string): string {
  // A doubled final consonant after a single vowel was doubled by the suffix: stopp → stop, admitt → admit.
  if (/[^aeiou][aeiou]([bdgkmnprtv])\1$/.test(stem)) return stem.slice(0, -1);
  if (stem.endsWith('i')) return `${stem.slice(0, -1)}y`;
  return SILENT_E_STEM.test(stem) ? `${stem}e` : stem;
}

/**
 * The base form of a past participle or present participle: `loved` → `love`, `produced` →
 * `produce`, `stopped` → `stop`, `carried` → `carry`, `written` → `write`, `living` → `live`,
 * `running` → `run`. Heuristic (regular English spelling plus irregular participles); an unknown
 * pattern keeps the stem as written, so a word always maps to the same base.
 */
export function participleBase(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PARTICIPLES[w];
  if (irregular !== undefined) return irregular;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eed')) return w.slice(0, -1);
  if (w.endsWith('ed') && w.length > 3) return restoreBase(w.slice(0, -2));
  if (w.endsWith('ying') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ing') && w.length > 4) return restoreBase(w.slice(0, -3));
  return w;
}

/** True for a form that can be a past participle: `-ed` (not `-eed`) or an irregular participle. */
export function looksPastParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return w in IRREGULAR_PARTICIPLES || (w.length > 3 && w.endsWith('ed') && !w.endsWith('eed'));
}

/** True for a present participle or gerund: `living`, `playing` (not `thing`, `king`). */
export function looksPresentParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (w === 'doing' || w === 'going') return true;
  return w.length > 4 && w.endsWith('ing') && !['being', 'thing', 'bring', 'sting', 'swing', 'cling', 'fling', 'sling', 'wring', 'morning', 'evening', 'nothing', 'something', 'anything', 'everything', 'spring', 'string', 'ceiling'].includes(w);
}
