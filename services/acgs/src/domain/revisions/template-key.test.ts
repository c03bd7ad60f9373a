import { describe, expect, it } from 'vitest';
import { templateKey } from './template-key.js';

describe('templateKey', () => {
  it('ignores key order and undefined members', () => {
    expect(templateKey({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});
