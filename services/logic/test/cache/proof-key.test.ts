import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, proofKey, proofKeyDocument } from '../../src/adapters/cache/index.js';

/** RFC 4648 base32, lower case, no padding: the multibase `b` encoding, written out independently. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** CIDv1 = multibase b + varint(1) varint(0x55 raw) varint(0x12 sha2-256) varint(32) digest. */
function independentCid(text: string): string {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  return `b${base32(new Uint8Array([0x01, 0x55, 0x12, 0x20, ...digest]))}`;
}

const socrates = {
  formula: 'Mortal(socrates)',
  axioms: ['∀x (Man(x) → Mortal(x))', 'Man(socrates)'],
  prover: 'native',
  config: { logic: 'fol' },
};

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('orders keys by UTF-16 code units as RFC 8785 requires', () => {
    // '\u20ac' (€) sorts after 'z'; the astral '\u{1F600}' (surrogates D83D…) sorts before '\uFB33'.
    expect(canonicalJson({ '\uFB33': 1, '\u{1F600}': 2, z: 3, '\u20ac': 4 })).toBe('{"z":3,"\u20ac":4,"\u{1F600}":2,"\uFB33":1}');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('canonical JSON cannot hold NaN');
  });
});

describe('proofKey', () => {
  it('hashes the canonical document with axioms sorted', () => {
    expect(proofKeyDocument(socrates)).toBe(
      '{"axioms":["Man(socrates)","∀x (Man(x) → Mortal(x))"],"config":{"logic":"fol"},"formula":"Mortal(socrates)","prover":"native"}',
    );
  });

  it('is the CIDv1 raw sha2-256 of that document, byte for byte', async () => {
    const cid = await proofKey(socrates);
    expect(cid.version).toBe(1);
    expect(cid.code).toBe(0x55);
    expect(cid.multihash.code).toBe(0x12);
    expect(cid.toString()).toBe(independentCid(proofKeyDocument(socrates)));
    // Also computed with Python's hashlib and base64.b32encode.
    expect(cid.toString()).toBe('bafkreih563frucusgtbxbebgerhxmuru2zz57qlf6oqoy4x2lcnyjkghuy');
  });

  it('gives the same CID for the axioms in another order or repeated', async () => {
    const reordered = await proofKey({ ...socrates, axioms: ['Man(socrates)', '∀x (Man(x) → Mortal(x))', 'Man(socrates)'] });
    expect(reordered.toString()).toBe((await proofKey(socrates)).toString());
  });

  it('gives another CID for another prover, logic or goal', async () => {
    const base = (await proofKey(socrates)).toString();
    expect((await proofKey({ ...socrates, prover: 'eprover' })).toString()).not.toBe(base);
    expect((await proofKey({ ...socrates, config: { logic: 'K' } })).toString()).not.toBe(base);
    expect((await proofKey({ ...socrates, formula: 'Man(socrates)' })).toString()).not.toBe(base);
  });
});
