import { createHash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree over SHA-256: leaf = H(0x00 || data), node = H(0x01 || left || right).
 * Hashes are 32-byte Buffers; proofs list hashes from the leaf upwards.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** Length of every hash in bytes. */
export const HASH_SIZE = 32;

/** Root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** H(0x00 || data). */
export function hashLeaf(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** H(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/**
 * The compact range (frontier) of a growing tree: one hash per set bit of the size, so the root of
 * any size is available in O(log n) memory. This is what the streaming verifier uses.
 */
export class MerkleFrontier {
  // nodes[i] is the root of a perfect subtree; sizes descend left to right.
  private readonly nodes: Buffer[] = [];
  private readonly heights: number[] = [];
  private count = 0;

  /** Number of leaves appended so far. */
  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (already H(0x00||data)). */
  appendLeafHash(leafHash: Buffer): void {
    let node = leafHash;
    let height = 0;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      const left = this.nodes.pop() as Buffer;
      this.heights.pop();
      node = hashChildren(left, node);
      height += 1;
    }
    this.nodes.push(node);
    this.heights.push(height);
    this.count += 1;
  }

  /** Root hash of the leaves appended so far. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let root = this.nodes[this.nodes.length - 1] as Buffer;
    for (let i = this.nodes.length - 2; i >= 0; i--) root = hashChildren(this.nodes[i] as Buffer, root);
    return root;
  }
}

/** Append-only store of 32-byte hashes in one growable buffer (no per-hash object overhead). */
export class HashColumn {
  private buf = Buffer.alloc(HASH_SIZE * 64);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_SIZE > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    this.buf.set(hash, this.length * HASH_SIZE);
    this.length += 1;
  }

  get(i: number): Buffer {
    return this.buf.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }
}

/**
 * Incremental Merkle tree that keeps every complete subtree hash (about 2n hashes for n leaves), so
 * roots of any past size and inclusion/consistency proofs cost O(log² n) hash look-ups, never a
 * rescan of the leaves.
 */
export class MerkleTree {
  private readonly levels: HashColumn[] = [new HashColumn()];

  /** Number of leaves. */
  get size(): number {
    return (this.levels[0] as HashColumn).length;
  }

  /** Appends one leaf hash (already H(0x00||data)). */
  appendLeafHash(leafHash: Uint8Array): void {
    let level = 0;
    let node: Uint8Array = leafHash;
    for (;;) {
      const column = this.levels[level] ?? (this.levels[level] = new HashColumn());
      column.push(node);
      if (column.length % 2 === 1) return;
      node = hashChildren(column.get(column.length - 2), column.get(column.length - 1));
      level += 1;
    }
  }

  /** Leaf hash at index. */
  leafHash(index: number): Buffer {
    this.checkRange(index, 0, this.size - 1, 'index');
    return (this.levels[0] as HashColumn).get(index);
  }

  /** Root of the first `size` leaves (default: all). */
  root(size = this.size): Buffer {
    this.checkRange(size, 0, this.size, 'size');
    return size === 0 ? EMPTY_ROOT : this.subtree(0, size);
  }

  /** RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf `index` in the tree of `size` leaves. */
  inclusionProof(index: number, size = this.size): Buffer[] {
    this.checkRange(size, 1, this.size, 'size');
    this.checkRange(index, 0, size - 1, 'index');
    const path: Buffer[] = [];
    this.path(index, 0, size, path);
    return path;
  }

  /** RFC 9162 §2.1.4.1 consistency proof between sizes `from` ≤ `to`. */
  consistencyProof(from: number, to = this.size): Buffer[] {
    this.checkRange(to, 0, this.size, 'to');
    this.checkRange(from, 0, to, 'from');
    const proof: Buffer[] = [];
    if (from > 0 && from < to) this.subproof(from, 0, to, true, proof);
    return proof;
  }

  private checkRange(value: number, min: number, max: number, name: string): void {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
    }
  }

  /** MTH(D[start:end]) via the stored complete subtrees. */
  private subtree(start: number, end: number): Buffer {
    const n = end - start;
    if ((n & (n - 1)) === 0 && start % n === 0) {
      const level = Math.log2(n);
      return (this.levels[level] as HashColumn).get(start / n);
    }
    const k = splitPoint(n);
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  private path(m: number, start: number, end: number, out: Buffer[]): void {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, start, start + k, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.path(m - k, start + k, end, out);
      out.push(this.subtree(start, start + k));
    }
  }

  private subproof(m: number, start: number, end: number, completeSubtree: boolean, out: Buffer[]): void {
    const n = end - start;
    if (m === n) {
      if (!completeSubtree) out.push(this.subtree(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, start, start + k, completeSubtree, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.subproof(m - k, start + k, end, false, out);
      out.push(this.subtree(start, start + k));
    }
  }
}

const validHash = (h: Uint8Array): boolean => h.length === HASH_SIZE;

/**
 * RFC 9162 §2.1.3.2: true iff `proof` shows leaf `leafHash` at `index` in the tree of `size` leaves
 * whose root is `root`.
 */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  if (!validHash(leafHash) || !validHash(root) || !proof.every(validHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: true iff `proof` shows the tree of size `size1` with root `root1` is a prefix of
 * the tree of size `size2` with root `root2`.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!Number.isInteger(size1) || !Number.isInteger(size2) || size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  if (size1 === 0) return proof.length === 0;
  if (!validHash(root1) || !validHash(root2) || !proof.every(validHash) || proof.length === 0) return false;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}
