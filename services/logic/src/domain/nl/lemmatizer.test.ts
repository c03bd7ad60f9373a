import { describe, expect, it } from 'vitest';
import {
  looksPastParticiple,
  looksPastTense,
  looksPlural,
  looksPresentParticiple,
  participleBase,
  singularNoun,
  thirdPersonSingular,
  verbBase,
} from './lemmatizer.js';

describe('singularNoun', () => {
  it('strips regular plural endings', () => {
    expect(['cats', 'boxes', 'flies', 'churches', 'dogs', 'animals'].map(singularNoun)).toEqual([
      'cat',
      'box',
      'fly',
      'church',
      'dog',
      'animal',
    ]);
  });
  it('maps irregular plurals to their singular', () => {
    expect(['men', 'women', 'people', 'children', 'mice', 'wolves', 'movies'].map(singularNoun)).toEqual([
      'man',
      'woman',
      'person',
      'child',
      'mouse',
      'wolf',
      'movie',
    ]);
  });
  it('leaves singular words ending in s alone', () => {
    expect(['glass', 'famous', 'virus', 'socrates'].map(singularNoun)).toEqual([
      'glass',
      'famous',
      'virus',
      'socrate',
    ]);
    expect(looksPlural('glass')).toBe(false);
    expect(looksPlural('species')).toBe(false);
  });
});

describe('verbBase and thirdPersonSingular', () => {
  it('round-trips regular verbs', () => {
    const forms = ['loves', 'flies', 'passes', 'watches', 'reads', 'goes', 'has'];
    expect(forms.map(verbBase)).toEqual(['love', 'fly', 'pass', 'watch', 'read', 'go', 'have']);
    expect(forms.map(verbBase).map(thirdPersonSingular)).toEqual(forms);
  });
  it('recognises past forms, which carry no number', () => {
    expect(['published', 'wrote', 'needs', 'proceed'].map(looksPastTense)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('keeps base forms unchanged', () => {
    expect(['fly', 'pass', 'love'].map(verbBase)).toEqual(['fly', 'pass', 'love']);
  });

  it('finds the base of past and present participles', () => {
    const forms = [
      'loved',
      'produced',
      'managed',
      'located',
      'used',
      'required',
      'stopped',
      'carried',
      'played',
      'visited',
      'written',
      'living',
      'running',
      'doing',
      'created',
    ];
    expect(forms.map(participleBase)).toEqual([
      'love',
      'produce',
      'manage',
      'locate',
      'use',
      'require',
      'stop',
      'carry',
      'play',
      'visit',
      'write',
      'live',
      'run',
      'do',
      'create',
    ]);
    expect(['loved', 'used', 'written', 'need', 'red'].map(looksPastParticiple)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['living', 'doing', 'morning', 'thing'].map(looksPresentParticiple)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
