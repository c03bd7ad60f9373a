import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.js';

describe('parseTrustProxy', () => {
  it('reads nothing as no proxy, digits as a hop count and lists as CIDRs', () => {
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1, ::1/128')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1/128']);
  });

  it('refuses to trust every proxy', () => {
    expect(() => parseTrustProxy('true')).toThrow(/spoof/);
    expect(() => parseTrustProxy('*')).toThrow(/spoof/);
  });

  it('names an entry that is not an address or range', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustProxy('proxy.local')).toThrow(/"proxy.local"/);
  });
});
