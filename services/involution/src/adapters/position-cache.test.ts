import { describe, expect, it } from 'vitest';
import { canonicalJson, createPositionCache, etagMatches, requestKey } from './position-cache.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":0,"z":1}]},"b":1}');
  });
});

describe('requestKey', () => {
  it('is the same for equal requests written in another key order, and differs by route and provider', () => {
    const a = requestKey('/calculate', { jd_ut: 2451545, zodiac: 'tropical' }, 'p@1');
    expect(requestKey('/calculate', { zodiac: 'tropical', jd_ut: 2451545 }, 'p@1')).toEqual(a);
    expect(requestKey('/v1/chart', { jd_ut: 2451545, zodiac: 'tropical' }, 'p@1').etag).not.toBe(a.etag);
    expect(requestKey('/calculate', { jd_ut: 2451545, zodiac: 'tropical' }, 'p@2').etag).not.toBe(a.etag);
    expect(a.etag).toBe(`"${a.key}"`);
  });
});

describe('etagMatches', () => {
  it('matches a listed, weak or wildcard validator', () => {
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('createPositionCache', () => {
  it('stores nothing when disabled', async () => {
    const cache = createPositionCache({ enabled: false, ttlSeconds: 60, maxEntries: 10, redis: undefined });
    await cache.set('k', { a: 1 });
    expect(await cache.get('k')).toBeUndefined();
  });

  it('returns what was stored when enabled', async () => {
    const cache = createPositionCache({ enabled: true, ttlSeconds: 60, maxEntries: 10, redis: undefined });
    await cache.set('k', { a: 1 });
    expect(await cache.get('k')).toEqual({ a: 1 });
    expect(cache.stats()).toEqual({ hits: 1, misses: 0, size: 1 });
  });
});
