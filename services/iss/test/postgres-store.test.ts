import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonl } from '../src/adapters/jsonl-export.js';
import { openPostgresStores, type PostgresStores } from '../src/adapters/postgres-store.js';
import { verifyChain } from '../src/domain/chain-verifier.js';
import { verifyConsistency, verifyInclusion } from '../src/domain/merkle-tree.js';
import { pulseSchemaViolation } from '../src/domain/pulse-record.js';
import { descriptorRecordSchemaViolation, parseDescriptor } from '../src/domain/spice-descriptor.js';
import { SAMPLE_DESCRIPTOR } from './fixtures/sample-descriptor.js';

let pgServer: TestPostgres;
let replicaA: PostgresStores;
let replicaB: PostgresStores;
const tmp = mkdtempSync(join(tmpdir(), 'iss-pg-'));

beforeAll(async () => {
  pgServer = await startPostgres();
  [replicaA, replicaB] = await Promise.all([
    openPostgresStores({ url: pgServer.url, nodeId: 'REPLICA_A' }),
    openPostgresStores({ url: pgServer.url, nodeId: 'REPLICA_B' }),
  ]);
});

afterAll(async () => {
  await replicaA?.close();
  await replicaB?.close();
  await pgServer?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('PostgreSQL stores', () => {
  it('has two replicas append 2,000 concurrent pulses to one chain that exports and verifies', async () => {
    const acks = await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        const store = client % 2 === 0 ? replicaA.chain : replicaB.chain;
        const seqs: number[] = [];
        for (let i = 0; i < 100; i++) seqs.push((await store.appendPulse()).seq);
        return seqs;
      }),
    );
    const all = acks.flat();
    expect(new Set(all).size).toBe(2000);
    expect(Math.max(...all)).toBe(1999);
    expect(await replicaA.chain.size()).toBe(2000);
    expect(await replicaB.chain.root()).toBe(await replicaA.chain.root());

    const file = join(tmp, 'glyph_chain.jsonl');
    expect(await exportJsonl(replicaB.chain.lines(), file)).toBe(2000);
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
    const report = await verifyChain(lines, { schemaViolation: pulseSchemaViolation });
    expect(report).toMatchObject({ ok: true, records: 2000 });
    expect(report.root).toBe(await replicaA.chain.root());
    expect(new Set(lines.map((l) => (JSON.parse(l) as { node_id: string }).node_id))).toEqual(new Set(['REPLICA_A', 'REPLICA_B']));
  });

  it('serves proofs, history and hash-prefix lookups from any replica', async () => {
    const size = await replicaB.chain.size();
    const root = Buffer.from(await replicaB.chain.root(), 'hex');
    const proof = (await replicaB.chain.inclusionProof(777)).map((h) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(777, size, Buffer.from(await replicaA.chain.leafHash(777), 'hex'), proof, root)).toBe(true);
    const cproof = (await replicaA.chain.consistencyProof(1000)).map((h) => Buffer.from(h, 'hex'));
    expect(verifyConsistency(1000, size, cproof, Buffer.from(await replicaA.chain.root(1000), 'hex'), root)).toBe(true);
    const history = await replicaA.chain.history(5);
    expect(history.map((p) => p.seq)).toEqual([size - 5, size - 4, size - 3, size - 2, size - 1]);
    const target = history[2];
    expect(await replicaB.chain.findByHashPrefix((target?.hash ?? '').slice(0, 12))).toBe(target?.seq);
  });

  it('keeps descriptors and their index in PostgreSQL, one log for both replicas', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? replicaA : replicaB).descriptors.put(parseDescriptor({ ...SAMPLE_DESCRIPTOR, glyph_count: i + 1 })),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect((await replicaB.descriptors.put(parseDescriptor({ ...SAMPLE_DESCRIPTOR, glyph_count: 1 }))).created).toBe(false);
    const id = results[3]?.record.descriptor_id as string;
    expect((await replicaB.descriptors.get(id))?.descriptor.glyph_count).toBe(4);
    expect(await replicaA.descriptors.get('spice_ffffffffffffffffffffffffffffffff')).toBeNull();
    expect(await replicaA.descriptors.findByGlyph('a1b2c3d4')).toHaveLength(20);
    expect(await replicaB.descriptors.findByApriori('constraint:deterministic_replay')).toHaveLength(20);
    expect(await replicaA.descriptors.count()).toBe(20);
    const report = await verifyChain(replicaA.descriptors.lines(), { schemaViolation: descriptorRecordSchemaViolation });
    expect(report).toMatchObject({ ok: true, records: 20 });
    const { rows } = await replicaA.pool.query<{ n: string }>("SELECT count(*) AS n FROM iss_audit WHERE log = 'constitutional_binding'");
    expect(Number(rows[0]?.n)).toBe(20);
  });
});
