import { describe, expect, it } from 'vitest';
import { findCycle, findUnknownDependencies } from './dependency-graph.js';

const node = (name: string, ...dependsOn: string[]) => ({ name, dependsOn });

describe('findCycle', () => {
  it('returns undefined for a diamond', () => {
    expect(findCycle([node('d', 'b', 'c'), node('b', 'a'), node('c', 'a'), node('a')])).toBeUndefined();
  });
});

describe('findUnknownDependencies', () => {
  it('lists every missing dependency with the service that needs it', () => {
    expect(findUnknownDependencies([node('a', 'x'), node('b', 'a', 'y')])).toEqual([
      { service: 'a', missing: 'x' },
      { service: 'b', missing: 'y' },
    ]);
  });
});
