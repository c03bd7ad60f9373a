import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis, type TestRedis } from '@svc/kernel/testing';
import { CID } from 'multiformats/cid';
import {
  IPFSProofCache,
  ProofCache,
  RedisProofCache,
  TieredProofCache,
  proofKey,
  type CachedProof,
  type ProofCacheTier,
} from '../../src/adapters/cache/index.js';

let redis: TestRedis;
const dirs: string[] = [];
const closers: ProofCacheTier[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
  await redis.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logic-cache-'));
  dirs.push(dir);
  return dir;
}

async function redisTier(namespace: string): Promise<RedisProofCache> {
  const tier = new RedisProofCache({ redisUrl: redis.url, namespace });
  closers.push(tier);
  expect(await tier.whenReady(2000)).toBe(true);
  return tier;
}

const theorem: CachedProof = {
  status: 'Theorem',
  engine: 'native',
  elapsedMs: 1.5,
  proof: [{ id: 0, clause: '$false', rule: 'resolution', parents: [1, 2] }],
};

let counter = 0;
/** A fresh question per test, so tiers shared through Redis never see each other's entries. */
async function question(): Promise<CID> {
  counter++;
  return proofKey({ formula: `q${counter}`, axioms: [`p${counter}`], prover: 'native', config: { logic: 'fol', run: process.pid } });
}

describe('ProofCache (L1)', () => {
  it('returns what was set and counts hits and misses', async () => {
    const l1 = new ProofCache({ maxSize: 2, ttlSeconds: 3600 });
    const key = await question();
    expect(await l1.get(key)).toBeUndefined();
    await l1.set(key, theorem);
    expect(await l1.get(key.toString())).toEqual(theorem);
    expect(l1.stats()).toEqual({ hits: 1, misses: 1, errors: 0, size: 1, hitRate: 0.5 });
  });

  it('evicts the least recently used entry beyond maxSize', async () => {
    const l1 = new ProofCache({ maxSize: 2 });
    const [a, b, c] = [await question(), await question(), await question()];
    await l1.set(a, theorem);
    await l1.set(b, theorem);
    await l1.get(a);
    await l1.set(c, theorem);
    expect([await l1.has(a), await l1.has(b), await l1.has(c)]).toEqual([true, false, true]);
  });
});

describe('RedisProofCache (L2, real Redis)', () => {
  it('shares answers between two instances, as replicas do', async () => {
    const writer = await redisTier('test:share:');
    const reader = await redisTier('test:share:');
    const key = await question();
    await writer.set(key, theorem);
    expect(await reader.get(key)).toEqual(theorem);
    expect(reader.check()).toEqual({ status: 'ok' });
  });

  it('misses at once and reports degraded when nothing listens on the port', async () => {
    const port = await freePort();
    const dead = new RedisProofCache({ redisUrl: `redis://127.0.0.1:${port}` });
    closers.push(dead);
    expect(await dead.whenReady(300)).toBe(false);
    const key = await question();
    await dead.set(key, theorem);
    expect(await dead.get(key)).toBeUndefined();
    expect(dead.check()).toMatchObject({ status: 'degraded' });
    expect(dead.stats()).toMatchObject({ hits: 0, misses: 1, errors: 2 });
  });
});

describe('IPFSProofCache (L3, local blockstore)', () => {
  it('stores the answer as a content-addressed block and finds it through the question index', async () => {
    const dir = tempDir();
    const l3 = new IPFSProofCache({ directory: dir });
    closers.push(l3);
    const key = await question();
    await l3.set(key, theorem);
    expect(await l3.get(key)).toEqual(theorem);
    // The index names the answer's own CID, whose bytes hash to it.
    const answer = CID.parse(readFileSync(join(dir, 'index', key.toString()), 'utf8'));
    const block = await l3.store.getBlock(answer);
    expect(block === undefined ? undefined : JSON.parse(new TextDecoder().decode(block))).toEqual(theorem);
    expect(await l3.check()).toMatchObject({ status: 'ok', backend: 'local' });
  });

  it('treats a block whose bytes no longer hash to its CID as a miss', async () => {
    const dir = tempDir();
    const l3 = new IPFSProofCache({ directory: dir });
    closers.push(l3);
    const key = await question();
    await l3.set(key, theorem);
    const blocks = readdirSync(join(dir, 'blocks'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(blocks).toHaveLength(1);
    const file = blocks[0] as Dirent;
    writeFileSync(join(file.parentPath, file.name), JSON.stringify({ ...theorem, status: 'CounterSatisfiable' }));
    expect(await l3.get(key)).toBeUndefined();
  });

  it('treats an index entry pointing at a missing block as a miss', async () => {
    const dir = tempDir();
    const l3 = new IPFSProofCache({ directory: dir });
    closers.push(l3);
    const key = await question();
    await l3.set(key, theorem);
    writeFileSync(join(dir, 'index', key.toString()), (await question()).toString());
    expect(await l3.get(key)).toBeUndefined();
  });

  it('keys by the CID of any other string, so a key never becomes a path', async () => {
    const dir = tempDir();
    const l3 = new IPFSProofCache({ directory: dir });
    closers.push(l3);
    await l3.set('../../etc/passwd', theorem);
    expect(await l3.get('../../etc/passwd')).toEqual(theorem);
    // The CID of the key's UTF-8 bytes (checked with Python's hashlib and base64).
    expect(readdirSync(join(dir, 'index'))).toEqual(['bafkreibxktlmwory4emf4wzyfvpt547rdcxxlp2l6asu2h63qq37kfbd4a']);
  });

  it('skips a dead Kubo node without hanging and reports it degraded', async () => {
    const port = await freePort();
    const kubo = new IPFSProofCache({ ipfsHost: '127.0.0.1', ipfsPort: port, timeoutMs: 500 });
    closers.push(kubo);
    const key = await question();
    await kubo.set(key, theorem);
    expect(await kubo.get(key)).toBeUndefined();
    expect(await kubo.check()).toMatchObject({ status: 'degraded', backend: 'kubo', endpoint: `http://127.0.0.1:${port}` });
    expect(kubo.stats().errors).toBeGreaterThanOrEqual(1);
  });
});

describe('TieredProofCache', () => {
  it('back-fills L1 and L2 from an L3 hit', async () => {
    const dir = tempDir();
    const key = await question();
    const seed = new IPFSProofCache({ directory: dir });
    await seed.set(key, theorem);
    await seed.close();

    const l1 = new ProofCache();
    const l2 = await redisTier('test:backfill:');
    const l3 = new IPFSProofCache({ directory: dir });
    closers.push(l3);
    const tiered = new TieredProofCache([l1, l2, l3]);
    expect(await tiered.lookup(key)).toEqual({ value: theorem, tier: 'ipfs' });
    expect(await l1.get(key)).toEqual(theorem);
    expect(await l2.get(key)).toEqual(theorem);
    expect(await tiered.lookup(key)).toEqual({ value: theorem, tier: 'memory' });
    expect(tiered.stats()).toMatchObject({ hits: 2, misses: 0, hitRate: 1, byTier: { ipfs: 1, memory: 1 } });
  });

  it('answers from L3 after a restart: new instances over the same directory', async () => {
    const dir = tempDir();
    const key = await question();
    const before = new TieredProofCache([new ProofCache(), new IPFSProofCache({ directory: dir })]);
    await before.set(key, theorem);
    expect((await before.lookup(key))?.tier).toBe('memory');
    await before.close();

    const after = new TieredProofCache([new ProofCache(), new IPFSProofCache({ directory: dir })]);
    closers.push(after);
    expect(await after.lookup(key)).toEqual({ value: theorem, tier: 'ipfs' });
    expect((await after.lookup(key))?.tier).toBe('memory');
  });

  it('keeps serving from L1 and L3 while Redis is dead, and reports the cache degraded', async () => {
    const port = await freePort();
    const deadRedis = new RedisProofCache({ redisUrl: `redis://127.0.0.1:${port}` });
    const tiered = new TieredProofCache([new ProofCache(), deadRedis, new IPFSProofCache({ directory: tempDir() })]);
    closers.push(tiered);
    const key = await question();
    await tiered.set(key, theorem);
    expect(await tiered.lookup(key)).toEqual({ value: theorem, tier: 'memory' });
    const check = await tiered.check();
    expect(check).toMatchObject({ status: 'degraded', tiers: { memory: { status: 'ok' }, redis: { status: 'degraded' }, ipfs: { status: 'ok' } } });
  });
});
