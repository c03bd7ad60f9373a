/**
 * IPFSProofCache in Kubo mode (IPFS_HOST/IPFS_PORT) against test/support/kubo-rpc-server.ts, a real
 * HTTP server speaking the subset of Kubo's RPC API the cache uses (no Kubo node can run here; see
 * that file), with a real Redis for L2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '@svc/kernel/testing';
import { CID } from 'multiformats/cid';
import {
  IPFSProofCache,
  ProofCache,
  RedisProofCache,
  TieredProofCache,
  proofKey,
  rawCid,
  type CachedProof,
  type ProofCacheTier,
} from '../../src/adapters/cache/index.js';
import { encodeProof } from '../../src/adapters/cache/proof-cache-tier.js';
import { logicService } from '../../src/app.js';
import { KuboRpcServer } from '../support/kubo-rpc-server.js';

let redis: TestRedis;
let kubo: KuboRpcServer;
const closers: { close(): Promise<void> }[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  kubo = await KuboRpcServer.start();
});
afterEach(async () => {
  kubo.behaviour = { mode: 'normal' };
  await Promise.all(closers.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await kubo.stop();
  await redis.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const theorem: CachedProof = {
  status: 'Theorem',
  engine: 'native',
  elapsedMs: 2.25,
  proof: [{ id: 0, clause: '$false', rule: 'resolution', parents: [1, 2] }],
};

let counter = 0;
async function question(): Promise<CID> {
  counter++;
  return proofKey({
    formula: `k${counter}`,
    axioms: [`a${counter}`],
    prover: 'native',
    config: { logic: 'fol', run: process.pid },
  });
}

function kuboTier(options: { timeoutMs?: number; cooldownMs?: number; port?: number } = {}): IPFSProofCache {
  const tier = new IPFSProofCache({
    ipfsHost: '127.0.0.1',
    ipfsPort: options.port ?? kubo.port,
    timeoutMs: options.timeoutMs ?? 1000,
    cooldownMs: options.cooldownMs ?? 5000,
  });
  closers.push(tier);
  return tier;
}

function track<T extends ProofCacheTier>(tier: T): T {
  closers.push(tier);
  return tier;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
}

describe('the Kubo RPC substitute', () => {
  const rpc = (command: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`http://127.0.0.1:${kubo.port}/api/v0/${command}`, { method: 'POST', ...init });

  it('answers like Kubo: POST only, 404 for unknown commands, 400 for a missing argument, 500 with an error object', async () => {
    expect((await fetch(`http://127.0.0.1:${kubo.port}/api/v0/version`)).status).toBe(405);
    expect((await rpc('version')).status).toBe(200);
    expect(await (await rpc('version')).json()).toMatchObject({ Version: '0.29.0' });
    expect((await rpc('no/such/command')).status).toBe(404);
    const missing = await rpc('block/get');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ Message: 'argument "cid" is required', Code: 1, Type: 'error' });
    const absent = await rpc('files/read?arg=/nothing/here');
    expect(absent.status).toBe(500);
    expect(await absent.json()).toEqual({ Message: 'file does not exist', Code: 0, Type: 'error' });
  });

  it('names a block by the sha2-256 of its bytes, as Kubo does for cid-codec=raw', async () => {
    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('hello')]), 'blob');
    const put = await rpc('block/put?cid-codec=raw&mhtype=sha2-256', { body: form });
    // CIDv1 raw sha2-256 of "hello" (its digest is 2cf24dba…, the SHA-256 every tool gives).
    expect(await put.json()).toEqual({
      Key: 'bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq',
      Size: 5,
    });
    const get = await rpc('block/get?arg=bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq');
    expect(await get.text()).toBe('hello');
    const stat = await rpc('block/stat?arg=bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq');
    expect(await stat.json()).toEqual({
      Key: 'bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq',
      Size: 5,
    });
  });
});

describe('IPFSProofCache on a Kubo node', () => {
  it('stores the answer as a pinned raw block under its own CID and indexes it in MFS', async () => {
    const l3 = kuboTier();
    const key = await question();
    await l3.set(key, theorem);
    const answerCid = await rawCid(new TextEncoder().encode(encodeProof(theorem)));
    expect(kubo.blockCids()).toContain(answerCid.toString());
    expect(kubo.isPinned(answerCid)).toBe(true);
    expect(new TextDecoder().decode(kubo.file(`/logic-proof-cache/${key.toString()}`))).toBe(
      answerCid.toString(),
    );
    expect(await l3.get(key)).toEqual(theorem);
    expect(await l3.has(key)).toBe(true);
    expect(l3.stats()).toMatchObject({ hits: 1, misses: 0, errors: 0 });
    expect(await l3.check()).toMatchObject({
      status: 'ok',
      backend: 'kubo',
      version: '0.29.0',
      endpoint: `http://127.0.0.1:${kubo.port}`,
    });
  });

  it('misses a question it never saw without counting an error', async () => {
    const l3 = kuboTier();
    expect(await l3.get(await question())).toBeUndefined();
    expect(await l3.has(await question())).toBe(false);
    expect(l3.stats()).toMatchObject({ hits: 0, misses: 1, errors: 0 });
  });

  it('treats a block whose bytes no longer hash to its CID as a miss', async () => {
    const l3 = kuboTier();
    const key = await question();
    await l3.set(key, { ...theorem, elapsedMs: 7 });
    kubo.corruptBlock(await rawCid(new TextEncoder().encode(encodeProof({ ...theorem, elapsedMs: 7 }))));
    expect(await l3.get(key)).toBeUndefined();
  });

  it('treats an index entry whose block the node lost as a miss, asking the node offline', async () => {
    const l3 = kuboTier();
    const key = await question();
    const lost: CachedProof = { ...theorem, elapsedMs: 8 };
    await l3.set(key, lost);
    kubo.dropBlock(await rawCid(new TextEncoder().encode(encodeProof(lost))));
    const { value, ms } = await timed(l3.get(key));
    expect(value).toBeUndefined();
    expect(ms).toBeLessThan(500);
    expect(l3.stats().errors).toBe(0);
    const lastGet = kubo.queries[kubo.calls.lastIndexOf('block/get')];
    expect(lastGet?.get('offline')).toBe('true');
  });

  it('answers from L3 after a restart and back-fills L1 and L2 (real Redis)', async () => {
    const key = await question();
    const before = new TieredProofCache([
      new ProofCache(),
      track(new RedisProofCache({ redisUrl: redis.url, namespace: 'kubo:before:' })),
      kuboTier(),
    ]);
    await before.set(key, theorem);
    expect((await before.lookup(key))?.tier).toBe('memory');

    // A restarted service: empty memory, a fresh Redis namespace (L2 lost), a new client to the same node.
    const l1 = new ProofCache();
    const l2 = track(new RedisProofCache({ redisUrl: redis.url, namespace: 'kubo:after:' }));
    expect(await l2.whenReady(2000)).toBe(true);
    const after = new TieredProofCache([l1, l2, kuboTier()]);
    expect(await l2.get(key)).toBeUndefined();
    expect(await after.lookup(key)).toEqual({ value: theorem, tier: 'ipfs' });
    expect(await l1.get(key)).toEqual(theorem);
    expect(await l2.get(key)).toEqual(theorem);
    expect(await after.lookup(key)).toEqual({ value: theorem, tier: 'memory' });
  });

  it('turns a node answering errors into misses, skips it for the cool-down, and reports it degraded', async () => {
    const l3 = kuboTier({ cooldownMs: 60_000 });
    const key = await question();
    await l3.set(key, theorem);
    kubo.behaviour = { mode: 'error', message: 'failed to get block: datastore closed' };
    const callsBefore = kubo.calls.length;
    expect(await l3.get(key)).toBeUndefined();
    expect(l3.stats().errors).toBe(1);
    const afterFirst = kubo.calls.length;
    expect(afterFirst).toBeGreaterThan(callsBefore);
    // The breaker is open: the next lookups do not reach the node at all.
    expect(await l3.get(key)).toBeUndefined();
    await l3.set(await question(), theorem);
    expect(kubo.calls.length).toBe(afterFirst);
    expect(await l3.check()).toMatchObject({
      status: 'degraded',
      backend: 'kubo',
      error: 'failed to get block: datastore closed',
    });
    // Once the node answers again, a successful health check closes the breaker.
    kubo.behaviour = { mode: 'normal' };
    expect(await l3.check()).toMatchObject({ status: 'ok' });
    expect(await l3.get(key)).toEqual(theorem);
  });

  it('gives up on a slow node at its deadline instead of waiting for it', async () => {
    const l3 = kuboTier({ timeoutMs: 300 });
    const key = await question();
    await l3.set(key, theorem);
    kubo.behaviour = { mode: 'slow', delayMs: 3000 };
    const read = await timed(l3.get(key));
    expect(read.value).toBeUndefined();
    expect(read.ms).toBeGreaterThanOrEqual(290);
    expect(read.ms).toBeLessThan(1500);
    expect(l3.stats().errors).toBe(1);
  });

  it('gives up on a node that never answers, and on a dead port, within the deadline', async () => {
    kubo.behaviour = { mode: 'silent' };
    const silent = kuboTier({ timeoutMs: 300 });
    const key = await question();
    const write = await timed(silent.set(key, theorem));
    expect(write.ms).toBeLessThan(1500);
    expect((await timed(silent.check())).value).toMatchObject({ status: 'degraded', backend: 'kubo' });
    kubo.behaviour = { mode: 'normal' };

    const dead = await KuboRpcServer.start();
    const port = dead.port;
    await dead.stop();
    const gone = kuboTier({ timeoutMs: 300, port });
    const read = await timed(gone.get(key));
    expect(read.value).toBeUndefined();
    expect(read.ms).toBeLessThan(1000);
    expect(await gone.check()).toMatchObject({
      status: 'degraded',
      backend: 'kubo',
      endpoint: `http://127.0.0.1:${port}`,
    });
  });
});

describe('the service with IPFS_HOST/IPFS_PORT on the substitute node', () => {
  type Logic = Awaited<ReturnType<typeof logicService.build>>;
  const build = async (extra: Record<string, string> = {}): Promise<Logic> => {
    const dir = mkdtempSync(join(tmpdir(), 'logic-kubo-'));
    dirs.push(dir);
    const service = await logicService.build({
      env: {
        LOG_LEVEL: 'silent',
        LOGIC_CACHE_DIR: dir,
        IPFS_HOST: '127.0.0.1',
        IPFS_PORT: String(kubo.port),
        IPFS_TIMEOUT_MS: '400',
        ...extra,
      },
    });
    closers.push(service);
    return service;
  };
  const socrates = { goal: 'Mortal(socrates)', axioms: ['∀x (Man(x) → Mortal(x))', 'Man(socrates)'] };

  it('reports the node ready, and answers a restarted service from it', async () => {
    const first = await build();
    const ready = await first.app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      checks: { proof_cache: { status: 'ok', tiers: { ipfs: { status: 'ok', backend: 'kubo' } } } },
    });
    const proved = (await first.app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<{
      status: string;
      cid: string;
      cached: boolean;
    }>();
    expect(proved).toMatchObject({ status: 'Theorem', cached: false });
    expect(kubo.file(`/logic-proof-cache/${proved.cid}`)).toBeDefined();

    const restarted = await build();
    const again = await restarted.app.inject({ method: 'POST', url: '/prove', payload: socrates });
    expect(again.json()).toMatchObject({
      status: 'Theorem',
      cached: true,
      cache_tier: 'ipfs',
      cid: proved.cid,
    });
  });

  it('answers /prove while the node is slow, and shows the node degraded in /ready', async () => {
    const service = await build();
    kubo.behaviour = { mode: 'slow', delayMs: 5000 };
    const answer = await timed(
      service.app.inject({ method: 'POST', url: '/prove', payload: { goal: 'q', axioms: ['p → q', 'p'] } }),
    );
    expect(answer.value.json()).toMatchObject({ status: 'Theorem', cached: false });
    expect(answer.ms).toBeLessThan(3000);
    const ready = await service.app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      checks: {
        proof_cache: { status: 'degraded', tiers: { ipfs: { status: 'degraded', backend: 'kubo' } } },
      },
    });
  });
});
