import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawPublicKey, signCheckpoint, verifyCheckpoint } from './checkpoint.js';

// RFC 8032 §7.1 TEST 1 key pair.
const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUB = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(SEED, 'hex')]),
  format: 'der',
  type: 'pkcs8',
});
const publicKey = createPublicKey(privateKey);
const head = {
  size: 8,
  root: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  timestamp: '2026-01-01T00:00:00.000Z',
  node_id: 'ISS_MODULE_V2',
};

describe('signCheckpoint', () => {
  it('derives the RFC 8032 public key and writes the signed-note body exactly', () => {
    expect(rawPublicKey(privateKey).toString('hex')).toBe(PUB);
    const cp = signCheckpoint(head, privateKey);
    expect(cp.note.startsWith('iss/ISS_MODULE_V2\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntimestamp 2026-01-01T00:00:00.000Z\n\n\u2014 iss-checkpoint ')).toBe(true);
    expect(cp.key_id).toHaveLength(8);
  });
});

describe('verifyCheckpoint', () => {
  it('round-trips a signed head', () => {
    const cp = signCheckpoint(head, privateKey);
    expect(verifyCheckpoint(cp.note, publicKey)).toEqual({ ok: true, head });
  });

  it('rejects a note whose size or root was altered', () => {
    const cp = signCheckpoint(head, privateKey);
    expect(verifyCheckpoint(cp.note.replace('\n8\n', '\n9\n'), publicKey)).toEqual({ ok: false, reason: 'signature does not verify' });
    expect(verifyCheckpoint(cp.note.replace('Xcna', 'Ycna'), publicKey).ok).toBe(false);
  });

  it('rejects a note signed by another key', () => {
    const other = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 7)]),
      format: 'der',
      type: 'pkcs8',
    });
    const cp = signCheckpoint(head, other);
    expect(verifyCheckpoint(cp.note, publicKey)).toEqual({ ok: false, reason: 'no signature by iss-checkpoint' });
  });
});
