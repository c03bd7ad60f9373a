import { createPublicKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issService } from '../src/app.js';
import { verifyCheckpoint } from '../src/domain/checkpoint.js';
import { verifyConsistency, verifyInclusion } from '../src/domain/merkle-tree.js';
import { SAMPLE_DESCRIPTOR } from './fixtures/sample-descriptor.js';

const root = mkdtempSync(join(tmpdir(), 'iss-app-'));
const env = {
  LOG_LEVEL: 'silent',
  DISABLE_RATE_LIMIT: '1',
  NODE_ID: 'ISS_TEST',
  STORAGE_PATH: join(root, 'forensic_logs'),
  SPICE_STORAGE_PATH: join(root, 'spice_layer'),
  MATRIX_ROOT: join(root, 'memory_matrix'),
  SECRET_KEY: 'your-secret-key-here',
};
let service: Awaited<ReturnType<typeof issService.build>>;

beforeAll(async () => {
  mkdirSync(env.MATRIX_ROOT);
  writeFileSync(join(env.MATRIX_ROOT, 'apriori_vault.jsonl'), '{"ref":"constraint:deterministic_replay"}\n');
  service = await issService.build({ env });
});
afterAll(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

const get = async (url: string) => {
  const r = await service.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
};
const post = async (url: string, payload?: unknown) => {
  const r = await service.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
};

describe('ISS HTTP API', () => {
  it('appends pulses by GET and POST and verifies the chain clean', async () => {
    const first = await get('/time/pulse');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ seq: 0, node_id: 'ISS_TEST', prev_hash: '0'.repeat(64) });
    for (let i = 0; i < 9; i++) expect((await post('/time/pulse')).body['seq']).toBe(i + 1);
    const verify = await get('/time/verify');
    expect(verify.body).toMatchObject({ valid: true, ok: true, records: 10, first_bad_index: null });
    const history = await get('/time/history?limit=3');
    expect(history.body['count']).toBe(3);
    expect((history.body['pulses'] as { seq: number }[]).map((p) => p.seq)).toEqual([7, 8, 9]);
    expect((await get('/time/history?limit=0')).status).toBe(422);
    expect((await get('/time/history?limit=1001')).status).toBe(422);
  });

  it('serves a signed checkpoint and proofs a client verifies offline', async () => {
    const cp = await get('/time/checkpoint');
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(cp.body['public_key'] as string, 'hex')]),
      format: 'der',
      type: 'spki',
    });
    const v = verifyCheckpoint(cp.body['note'] as string, publicKey);
    expect(v).toMatchObject({ ok: true, head: { size: 10, node_id: 'ISS_TEST' } });
    const root = Buffer.from(cp.body['root'] as string, 'hex');
    const inc = (await get('/time/proof/inclusion?index=4&size=10')).body;
    expect(verifyInclusion(4, 10, Buffer.from(inc['leaf_hash'] as string, 'hex'), (inc['proof'] as string[]).map((h) => Buffer.from(h, 'hex')), root)).toBe(true);
    const con = (await get('/time/proof/consistency?from=3&to=10')).body;
    expect(verifyConsistency(3, 10, (con['proof'] as string[]).map((h) => Buffer.from(h, 'hex')), Buffer.from(con['root_from'] as string, 'hex'), root)).toBe(true);
    expect(await get('/time/proof/inclusion?index=10&size=10')).toMatchObject({ status: 400, body: { code: 'ISS_OUT_OF_RANGE' } });
  });

  it('creates the guide sample (201), recognizes a repeat (200) and names bad fields (422)', async () => {
    const created = await post('/spice/descriptor', SAMPLE_DESCRIPTOR);
    expect(created.status).toBe(201);
    expect(created.body['descriptor_id']).toMatch(/^spice_[0-9a-f]{32}$/);
    expect((await post('/spice/descriptor', SAMPLE_DESCRIPTOR)).status).toBe(200);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...SAMPLE_DESCRIPTOR, process_outcome: 'excellent' }, 'process_outcome'],
      [{ ...SAMPLE_DESCRIPTOR, capability_level: 6 }, 'capability_level'],
      [{ ...SAMPLE_DESCRIPTOR, compliance_score: 1.01 }, 'compliance_score'],
      [{ ...SAMPLE_DESCRIPTOR, glyph_count: 0 }, 'glyph_count'],
      [{ ...SAMPLE_DESCRIPTOR, assessed_by: undefined }, 'assessed_by'],
    ];
    for (const [payload, field] of bad) {
      const r = await post('/spice/descriptor', payload);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'ISS_VALIDATION', details: [{ field }] });
    }
  });

  it('finds descriptors by id, glyph and a-priori ref, and reports capability', async () => {
    const id = (await post('/spice/descriptor', SAMPLE_DESCRIPTOR)).body['descriptor_id'] as string;
    expect((await get(`/spice/descriptor/${id}`)).body).toMatchObject({ descriptor_id: id, descriptor: SAMPLE_DESCRIPTOR });
    expect(await get('/spice/descriptor/spice_unknown')).toMatchObject({ status: 404, body: { code: 'ISS_DESCRIPTOR_NOT_FOUND' } });
    expect((await get('/spice/find/glyph/a1b2c3d4')).body).toMatchObject({ glyph: 'a1b2c3d4', count: 1 });
    expect((await get('/spice/find/glyph/nothing')).body).toMatchObject({ count: 0, descriptors: [] });
    expect((await get('/spice/find/apriori/constraint:deterministic_replay')).body['count']).toBe(1);
    expect((await get('/spice/capability/report')).body).toMatchObject({ total_descriptors: 1, median_level: 4 });
  });

  it('reconstructs the audit trail (never a 500) and 404s an unknown id', async () => {
    const id = (await post('/spice/descriptor', SAMPLE_DESCRIPTOR)).body['descriptor_id'] as string;
    const trail = await get(`/audit/trail/${id}`);
    expect(trail.status).toBe(200);
    expect(trail.body).toMatchObject({ what: { process_outcome: 'compliant' }, vault_pointers: [{ found: true }, { found: false }] });
    expect(await get('/audit/trail/spice_nope')).toMatchObject({ status: 404 });
    expect((await get('/vault/status')).body).toMatchObject({ read_only: true });
  });

  it('reports integrity truthfully: clean, then the tampered record after an edit', async () => {
    expect((await get('/audit/verify/integrity')).body).toMatchObject({ ok: true, storage: 'files' });
    expect((await get('/health')).body).toMatchObject({ checks: { chain: { status: 'ok' } } });
    const path = join(env.STORAGE_PATH, 'glyph_chain.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[6] = (lines[6] as string).replace('"node_id":"ISS_TEST"', '"node_id":"ISS_EVIL"');
    writeFileSync(path, lines.join('\n'));
    const integrity = await get('/audit/verify/integrity');
    expect(integrity.body).toMatchObject({ ok: false, chain: { first_bad_index: 6, issue: { kind: 'edited' } } });
    expect((await get('/health')).body).toMatchObject({ checks: { chain: { status: 'fail', first_bad_index: 6 } } });
    expect((await get('/time/verify')).body).toMatchObject({ valid: false, first_bad_index: 6 });
  });
});
