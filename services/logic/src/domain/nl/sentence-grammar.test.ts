import { describe, expect, it } from 'vitest';
import { FOLConverter } from './fol-converter.js';

const converter = new FOLConverter();

/** Each construction converts completely to exactly this formula. */
function expectConversions(cases: readonly (readonly [string, string])[]): void {
  it.each(cases)('converts "%s" to %s', (text, expected) => {
    const result = converter.convert(text);
    expect(result.fol).toBe(expected);
    expect(result.success).toBe(true);
  });
}

describe('gerunds and that-clauses', () => {
  expectConversions([
    ['Playing tennis is fun', 'Fun(playing_tennis)'],
    ['John enjoys playing tennis', 'Enjoys(john, playing_tennis)'],
    ['Sam is doing a project', '∃x (Project(x) ∧ Does(sam, x))'],
    ['Rina is unaware that caffeine is a drug', 'UnawareThat(rina, caffeine_is_a_drug)'],
    ['John believes that Mary is happy', 'BelievesThat(john, mary_is_happy)'],
  ]);
});

describe('relative clauses', () => {
  expectConversions([
    [
      'Every student who loves a teacher passes',
      '∀x (Student(x) ∧ ∃y (Teacher(y) ∧ Loves(x, y)) → Passes(x))',
    ],
    ['The book that John wrote is good', '∃x (Book(x) ∧ Wrote(john, x) ∧ Good(x))'],
    ['Everyone whom Mary loves is happy', '∀x (Loves(mary, x) → Happy(x))'],
    ['Nobody that John knows sings', '∀x (Knows(john, x) → ¬Sings(x))'],
    ['People living in Paris are happy', '∀x (Person(x) ∧ LivesIn(x, paris) → Happy(x))'],
    ['A monitor produced by AOC is cheap', '∃x (Monitor(x) ∧ Produces(aoc, x) ∧ Cheap(x))'],
  ]);
});

describe('existentials, only, not all', () => {
  expectConversions([
    ['There are dogs', '∃x Dog(x)'],
    ['There are no unicorns', '¬∃x Unicorn(x)'],
    ['There is no civil parish in England', '¬∃x (Civil(x) ∧ Parish(x) ∧ ParishIn(x, england))'],
    ['John owns at least one car', '∃x (Car(x) ∧ Owns(john, x))'],
    ['Only cats meow', '∀x (Meows(x) → Cat(x))'],
    ['Only John loves Mary', '∀x (Loves(x, mary) → x = john)'],
    ['Not every student passes', '¬∀x (Student(x) → Passes(x))'],
  ]);
});

describe('coordination', () => {
  expectConversions([
    ['Neither John nor Mary is happy', '¬Happy(john) ∧ ¬Happy(mary)'],
    [
      'Grace is either a cat and a dog, or neither a cat nor a dog',
      'Cat(grace) ∧ Dog(grace) ⊕ ¬Cat(grace) ∧ ¬Dog(grace)',
    ],
    [
      'FMRI is either a technique or is used by researchers',
      'Technique(fmri) ⊕ ∃x (Researcher(x) ∧ Uses(x, fmri))',
    ],
    [
      'Roads are made of either concrete or asphalt',
      '∀x (Road(x) → MadeOf(x, concrete) ⊕ MadeOf(x, asphalt))',
    ],
    ['Belgium, France and Germany are countries', 'Country(belgium) ∧ (Country(france) ∧ Country(germany))'],
    ['Belgium, France or Germany is sunny', 'Sunny(belgium) ∨ (Sunny(france) ∨ Sunny(germany))'],
  ]);
});

describe('connectives', () => {
  expectConversions([
    ['John sings if and only if Mary dances', 'Sings(john) ↔ Dances(mary)'],
    ['John sings if Mary dances', 'Dances(mary) → Sings(john)'],
    ['John sings only if Mary dances', 'Sings(john) → Dances(mary)'],
    ['John sings unless Mary dances', '¬Dances(mary) → Sings(john)'],
    ['Unless Mary dances, John sings', '¬Dances(mary) → Sings(john)'],
    [
      'People are uncomfortable unless they are in first class',
      '∀x (Person(x) ∧ ¬In(x, first_class) → Uncomfortable(x))',
    ],
    ['A horse is a racehorse if it is in a race', '∀x (Horse(x) ∧ ∃y (Race(y) ∧ In(x, y)) → Racehorse(x))'],
  ]);
});

describe('anaphora', () => {
  expectConversions([
    ['If John is a student, then he is happy', 'Student(john) → Happy(john)'],
    ['If a monitor is cheap, then the monitor is popular', '∀x (Monitor(x) ∧ Cheap(x) → Popular(x))'],
    ['If a monitor is cheap, then that monitor is popular', '∀x (Monitor(x) ∧ Cheap(x) → Popular(x))'],
    ['John is rich and he is happy', 'Rich(john) ∧ Happy(john)'],
    ['Maya plays violin if and only if she is healthy', 'Plays(maya, violin) ↔ Healthy(maya)'],
  ]);

  it('reads no pronoun without an antecedent', () => {
    const result = converter.convert('All men are mortal and they are happy');
    expect(result.success).toBe(false);
    expect(result.fol).toBe('∀x (Man(x) → Mortal(x))');
  });
});

describe('passives, comparatives, adjectives, possessives, numbers', () => {
  expectConversions([
    ['Mary is loved by John', 'Loves(john, mary)'],
    ['The car was produced by Chevrolet', 'Produces(chevrolet, car)'],
    ['The song was written by John', 'Writes(john, song)'],
    ['John is taller than Mary', 'TallerThan(john, mary)'],
    ['John is more popular than Mary', 'MorePopularThan(john, mary)'],
    ['Some red apples are sweet', '∃x (Red(x) ∧ Apple(x) ∧ Sweet(x))'],
    ["John's dog barks", '∃x (Dog(x) ∧ DogOf(x, john) ∧ Barks(x))'],
    ["Mary's car was built in 1990", '∃x (Car(x) ∧ CarOf(x, mary) ∧ BuiltIn(x, 1990))'],
    // A definite possessive compound names one individual, like `the wifi`.
    ["John likes the company's wifi", 'Likes(john, company_wifi)'],
    ['The stadium holds 50,000', 'Holds(stadium, 50_000)'],
    ['The rate is lower than 2.5', 'LowerThan(rate, 2_5)'],
    ['The capital is the city', 'capital = city'],
    ['John never lies', '¬Lies(john)'],
    ['John is never late', '¬Late(john)'],
    ['Sarah doesn’t own a car', '¬∃x (Car(x) ∧ Owns(sarah, x))'],
  ]);
});

describe('connectives, particles, infinitives, possessive determiners', () => {
  expectConversions([
    ['Thor will break a bridge when he is happy', 'Happy(thor) → ∃x (Bridge(x) ∧ Breaks(thor, x))'],
    ['When John is hungry, he eats', 'Hungry(john) → Eats(john)'],
    ['It is not true that Ron is a reptile', '¬Reptile(ron)'],
    ['All who choose Plan B are rewarded', '∀x (Chooses(x, plan_b) → Rewarded(x))'],
    ["There isn't a play from Deborah Wallace", '¬∃x (Play(x) ∧ PlayFrom(x, deborah_wallace))'],
    ['Kat gets along with her colleagues', '∃x (Colleague(x) ∧ ColleagueOf(x, kat) ∧ GetsAlongWith(kat, x))'],
    ['The Hulk wakes up when he is angry', 'Angry(hulk) → WakesUp(hulk)'],
    ['Manchester United is eligible to attend UEL', 'EligibleToAttend(manchester_united, uel)'],
    ['People want to take a bus', '∀x (Person(x) → ∃y (Bus(y) ∧ WantsToTake(x, y)))'],
    ['John goes to school', 'GoesTo(john, school)'],
    ['John loves his dog', '∃x (Dog(x) ∧ DogOf(x, john) ∧ Loves(john, x))'],
    [
      'People who grow their own vegetables have space',
      '∀x (Person(x) ∧ ∃y (Vegetable(y) ∧ VegetableOf(y, x) ∧ Grows(x, y)) → Has(x, space))',
    ],
    ['System 7 has released several singles', '∃x (Single(x) ∧ Released(system_7, x))'],
    ['The camera can be used for all consoles', '∀x (Console(x) → UsedFor(camera, x))'],
    ['Paris is the capital of France', 'Capital(paris) ∧ CapitalOf(paris, france)'],
  ]);
});

describe('any as a negative-polarity item', () => {
  expectConversions([
    ['John eats any fruit', '∀x (Fruit(x) → Eats(john, x))'],
    ['John does not eat any fruit', '¬∃x (Fruit(x) ∧ Eats(john, x))'],
    ['Nobody loves anything', '∀x ¬∃y Loves(x, y)'],
    ['Archeologists have not popularized anything', '∀x (Archeologist(x) → ¬∃y Popularized(x, y))'],
    ['If anyone is late, they wait', '∀x (Late(x) → Waits(x))'],
  ]);
});

describe('names, demonyms and mixed tokens', () => {
  expectConversions([
    ['Maya Sondhi and Jed Mercurio are British', 'British(maya_sondhi) ∧ British(jed_mercurio)'],
    ['Socrates is Plato', 'socrates = plato'],
    [
      'All Grand Slam champions are World Tour players',
      '∀x (Grand(x) ∧ Slam(x) ∧ Champion(x) → World(x) ∧ Tour(x) ∧ Player(x))',
    ],
    ['A-2017 supports the type-c port', 'Supports(a_2017, type_c_port)'],
    ['iPod1 is easy to operate', 'EasyTo(ipod1, operate)'],
    ['Tower A is in New Haven', 'In(tower_a, new_haven)'],
    ['Górnik Zabrze is a club', 'Club(gornik_zabrze)'],
    ['All students do homework', '∀x (Student(x) → Does(x, homework))'],
    ['If a student is late, then he/she waits', '∀x (Student(x) ∧ Late(x) → Waits(x))'],
    [
      'There are no photographers using an Italian surname',
      '¬∃x (Photographer(x) ∧ ∃y (Italian(y) ∧ Surname(y) ∧ Uses(x, y)))',
    ],
    ['Jumbo is a living being', 'Living(jumbo) ∧ Being(jumbo)'],
  ]);
});

describe('adverbials', () => {
  it.each([
    ['John always reads books', '∃x (Book(x) ∧ Reads(john, x))', 'always', 3 / 4],
    ['John drinks coffee every day', 'Drinks(john, coffee)', 'every day', 3 / 5],
    ['John is also happy', 'Happy(john)', 'also', 3 / 4],
    ['John goes to the gym at least once a week', 'GoesTo(john, gym)', 'at least once a week', 5 / 10],
  ])('steps over the adverbial in "%s" and counts it as uncovered', (text, fol, phrase, confidence) => {
    const result = converter.convert(text);
    expect(result.fol).toBe(fol);
    expect(result.success).toBe(true);
    expect(result.confidence).toBe(confidence);
    expect(result.warnings).toEqual([
      `"${text}": ignored the adverbial "${phrase}" (not represented in FOL)`,
    ]);
  });

  it.each([
    ['John often reads books'],
    ['Students usually pass'],
    ['John rarely lies'],
    ['Extractive models are not always faithful'],
  ])('does not step over an adverb that changes the claim: "%s"', (text) => {
    expect(converter.convert(text).success).toBe(false);
  });
});
