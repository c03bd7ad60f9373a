import { describe, expect, it } from 'vitest';
import { AcgsError } from '../../errors.js';
import { defaultAcgsConfig } from '../config/index.js';
import { planWaves, rollbackOrder } from './deployment-waves.js';

const node = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });

function thrown(fn: () => unknown): AcgsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AcgsError) return error;
    throw error;
  }
  throw new Error('expected an AcgsError');
}

describe('planWaves', () => {
  it('puts independent services in one wave and dependants after them', () => {
    const guide = [
      node('api-gateway', 'auth', 'constitutional-core'),
      node('auth', 'postgresql', 'redis'),
      node('constitutional-core', 'postgresql', 'redis'),
      node('postgresql'),
      node('redis'),
      node('prometheus'),
    ];
    expect(planWaves(guide)).toEqual([
      ['postgresql', 'prometheus', 'redis'],
      ['auth', 'constitutional-core'],
      ['api-gateway'],
    ]);
  });

  it('places a service by its longest dependency chain', () => {
    expect(planWaves([node('c', 'a', 'b'), node('b', 'a'), node('a')])).toEqual([['a'], ['b'], ['c']]);
  });

  it('plans the suite: the gateway after the engine and the time service', () => {
    const services = defaultAcgsConfig().production.services.map((s) => node(s.name, ...s.depends_on));
    expect(planWaves(services)).toEqual([
      ['acgs', 'involution', 'involution-time', 'isl', 'iss', 'logic'],
      ['involution-gateway'],
    ]);
  });

  it('restricts to --only services while keeping their relative order', () => {
    expect(planWaves([node('c', 'b'), node('b', 'a'), node('a'), node('x')], ['c', 'a'])).toEqual([
      ['a'],
      ['c'],
    ]);
  });

  it('refuses a cycle, naming it, even when --only excludes it', () => {
    const error = thrown(() => planWaves([node('a', 'b'), node('b', 'c'), node('c', 'a'), node('d')], ['d']));
    expect(error.code).toBe('ACGS_PLAN_CYCLE');
    expect(error.message).toBe('dependency cycle: a → b → c → a');
    expect(error.details).toEqual({ cycle: ['a', 'b', 'c', 'a'] });
  });

  it('refuses a self-dependency as a cycle', () => {
    expect(thrown(() => planWaves([node('a', 'a')])).message).toBe('dependency cycle: a → a');
  });

  it('refuses unknown dependencies, naming every one', () => {
    const error = thrown(() => planWaves([node('a', 'db', 'cache'), node('b', 'db')]));
    expect(error.code).toBe('ACGS_PLAN_UNKNOWN_DEPENDENCY');
    expect(error.message).toBe('unknown dependencies: a → db, a → cache, b → db');
  });

  it('refuses an --only name that is not a service', () => {
    const error = thrown(() => planWaves([node('a')], ['zz']));
    expect(error.code).toBe('ACGS_UNKNOWN_SERVICE');
    expect(error.field).toBe('zz');
  });

  it('refuses duplicate service names', () => {
    expect(thrown(() => planWaves([node('a'), node('a')])).code).toBe('ACGS_DUPLICATE_SERVICE');
  });
});

describe('rollbackOrder', () => {
  it('reverses the deployment order and keeps only what changed', () => {
    expect(rollbackOrder([['a', 'b', 'c'], ['d', 'e'], ['f']], ['a', 'c', 'e', 'f'])).toEqual([
      'f',
      'e',
      'c',
      'a',
    ]);
  });
});
