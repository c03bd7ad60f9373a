import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  MerkleFrontier,
  MerkleTree,
  hashLeaf,
  verifyConsistency,
  verifyInclusion,
} from './merkle-tree.js';

// RFC 6962 test vectors as used by Certificate Transparency (transparency-dev/merkle testonly).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// [leaf index (0-based), tree size, audit path]
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]],
  [5, 8, [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]],
];
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]],
  [6, 8, [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
  [2, 5, [
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]],
  [6, 7, [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
];

const hex = (b: Buffer): string => b.toString('hex');
const unhex = (s: string): Buffer => Buffer.from(s, 'hex');

function buildTree(): MerkleTree {
  const tree = new MerkleTree();
  for (const leaf of LEAVES) tree.appendLeafHash(hashLeaf(unhex(leaf)));
  return tree;
}

describe('MerkleTree', () => {
  it('reproduces the RFC 6962 roots for sizes 0..8', () => {
    const tree = buildTree();
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let size = 0; size <= 8; size++) expect(hex(tree.root(size))).toBe(ROOTS[size]);
  });

  it('produces the RFC 6962 inclusion proofs exactly', () => {
    const tree = buildTree();
    for (const [index, size, path] of INCLUSION) expect(tree.inclusionProof(index, size).map(hex)).toEqual(path);
  });

  it('produces the RFC 6962 consistency proofs exactly', () => {
    const tree = buildTree();
    for (const [from, to, path] of CONSISTENCY) expect(tree.consistencyProof(from, to).map(hex)).toEqual(path);
  });

  it('rejects out-of-range proof requests', () => {
    const tree = buildTree();
    expect(() => tree.inclusionProof(8, 8)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 9)).toThrow(RangeError);
  });
});

describe('MerkleFrontier', () => {
  it('gives the same roots as the full tree with O(log n) state', () => {
    const frontier = new MerkleFrontier();
    expect(hex(frontier.root())).toBe(ROOTS[0]);
    LEAVES.forEach((leaf, i) => {
      frontier.appendLeafHash(hashLeaf(unhex(leaf)));
      expect(hex(frontier.root())).toBe(ROOTS[i + 1]);
    });
  });
});

describe('verifyInclusion', () => {
  it('accepts every known-good vector and rejects corrupted ones', () => {
    for (const [index, size, path] of INCLUSION) {
      const leaf = hashLeaf(unhex(LEAVES[index] as string));
      const root = unhex(ROOTS[size] as string);
      const proof = path.map(unhex);
      expect(verifyInclusion(index, size, leaf, proof, root)).toBe(true);
      expect(verifyInclusion(index + 1, size, leaf, proof, root)).toBe(false);
      expect(verifyInclusion(index, size * 2, leaf, proof, root)).toBe(false);
      expect(verifyInclusion(index, size, hashLeaf(Buffer.from('WrongLeaf')), proof, root)).toBe(false);
      expect(verifyInclusion(index, size, leaf, [...proof, root], root)).toBe(false);
      expect(verifyInclusion(index, size, leaf, [Buffer.alloc(0), ...proof], root)).toBe(false);
      proof.forEach((_, i) => {
        const bad = proof.map((p) => Buffer.from(p));
        (bad[i] as Buffer)[0] = ((bad[i] as Buffer)[0] as number) ^ 8;
        expect(verifyInclusion(index, size, leaf, bad, root)).toBe(false);
      });
    }
  });

  it('verifies every proof of every leaf for sizes 1..40', () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 40; i++) tree.appendLeafHash(hashLeaf(Buffer.from([i])));
    for (let size = 1; size <= 40; size++) {
      for (let index = 0; index < size; index++) {
        expect(verifyInclusion(index, size, tree.leafHash(index), tree.inclusionProof(index, size), tree.root(size))).toBe(true);
      }
    }
  });
});

describe('verifyConsistency', () => {
  it('accepts every known-good vector and rejects corrupted ones', () => {
    for (const [from, to, path] of CONSISTENCY) {
      const r1 = unhex(ROOTS[from] as string);
      const r2 = unhex(ROOTS[to] as string);
      const proof = path.map(unhex);
      expect(verifyConsistency(from, to, proof, r1, r2)).toBe(true);
      if (proof.length === 0) continue;
      expect(verifyConsistency(from - 1, to, proof, r1, r2)).toBe(false);
      expect(verifyConsistency(from + 1, to, proof, r1, r2)).toBe(false);
      expect(verifyConsistency(from, to, proof, r2, r1)).toBe(false);
      expect(verifyConsistency(from, to, [], r1, r2)).toBe(false);
      expect(verifyConsistency(from, to, proof.slice(0, -1), r1, r2)).toBe(false);
      expect(verifyConsistency(from, to, [...proof, r2], r1, r2)).toBe(false);
      expect(verifyConsistency(from, to, [r1, ...proof], r1, r2)).toBe(false);
    }
  });

  it('handles the trivial cases as RFC 9162 specifies', () => {
    const some = unhex(ROOTS[1] as string);
    expect(verifyConsistency(0, 0, [], some, some)).toBe(true);
    expect(verifyConsistency(0, 1, [], some, EMPTY_ROOT)).toBe(true);
    expect(verifyConsistency(1, 0, [], some, some)).toBe(false);
    expect(verifyConsistency(1, 1, [EMPTY_ROOT], some, some)).toBe(false);
    expect(verifyConsistency(1, 1, [], some, EMPTY_ROOT)).toBe(false);
  });

  it('verifies every consistency proof for sizes up to 40', () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 40; i++) tree.appendLeafHash(hashLeaf(Buffer.from([i])));
    for (let to = 1; to <= 40; to++) {
      for (let from = 1; from <= to; from++) {
        expect(verifyConsistency(from, to, tree.consistencyProof(from, to), tree.root(from), tree.root(to))).toBe(true);
      }
    }
  });
});
