import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BuiltService } from '@svc/kernel';
import { freePort } from '@svc/kernel/testing';
import { logicService } from '../../src/app.js';

type Logic = Awaited<ReturnType<typeof logicService.build>>;
const open: BuiltService<unknown>[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logic-http-'));
  dirs.push(dir);
  return dir;
}

async function build(env: Record<string, string> = {}, dir = tempDir()): Promise<Logic> {
  const service = await logicService.build({ env: { LOG_LEVEL: 'silent', LOGIC_CACHE_DIR: dir, LOGIC_MAX_PROOF_TIME: '10', ...env } });
  open.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const socrates = { goal: 'Socrates is mortal', axioms: ['All men are mortal', 'Socrates is a man'] };

interface ProveBody {
  status: string;
  proved: boolean;
  proof_steps: { clause: string; rule: string; source?: string }[];
  cached: boolean;
  cid: string;
  goal: string;
  axioms: string[];
  cache_tier?: string;
}

describe('POST /prove', () => {
  it('proves Socrates end to end from English and answers the second identical request from the cache', async () => {
    const { app } = await build();
    const first = await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    expect(first.statusCode).toBe(200);
    const body = first.json<ProveBody>();
    expect(body).toMatchObject({
      status: 'Theorem',
      proved: true,
      cached: false,
      goal: 'Mortal(socrates)',
      axioms: ['Man(socrates)', '∀x (Man(x) → Mortal(x))'],
    });
    expect(body.cid).toMatch(/^bafkrei[a-z2-7]{52}$/);
    expect(body.proof_steps.at(-1)).toMatchObject({ clause: '$false' });
    expect(body.proof_steps.filter((s) => s.rule === 'input').map((s) => s.source).sort()).toEqual(['ax1', 'ax2', 'negated_conjecture']);

    const second = await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    expect(second.json<ProveBody>()).toMatchObject({ status: 'Theorem', proved: true, cached: true, cid: body.cid, cache_tier: 'memory' });
  });

  it('answers from L3 after a restart over the same cache directory', async () => {
    const dir = tempDir();
    const before = await build({}, dir);
    const first = (await before.app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    await before.close();
    const after = await build({}, dir);
    const again = (await after.app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    expect(again).toMatchObject({ status: 'Theorem', cached: true, cache_tier: 'ipfs', cid: first.cid });
  });

  it('caches nothing with LOGIC_CACHE_ENABLED=0 but still names the question', async () => {
    const { app } = await build({ LOGIC_CACHE_ENABLED: '0' });
    const first = (await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    const second = (await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    expect([first.cached, second.cached]).toEqual([false, false]);
    expect(second.cid).toBe(first.cid);
  });

  it('adds the translated TPTP problem with LOGIC_DEBUG=1', async () => {
    const { app } = await build({ LOGIC_DEBUG: '1' });
    const body = (await app.inject({ method: 'POST', url: '/prove', payload: { goal: 'q', axioms: ['p', 'p -> q'] } })).json<{ debug: { tptp: string } }>();
    expect(body.debug.tptp).toBe('fof(ax1, axiom, p).\nfof(ax2, axiom, p => q).\nfof(goal, conjecture, q).\n');
  });

  it('answers Timeout at a hard deadline and does not cache it', async () => {
    const { app } = await build();
    const payload = { goal: 'Socrates is mortal', axioms: ['All men are mortal', 'Socrates is a man'], timeout_ms: 1 };
    const first = (await app.inject({ method: 'POST', url: '/prove', payload })).json<ProveBody & { timeout_ms: number }>();
    expect(first).toMatchObject({ status: 'Timeout', proved: false, cached: false, timeout_ms: 1 });
    const second = (await app.inject({ method: 'POST', url: '/prove', payload })).json<ProveBody>();
    expect(second.cached).toBe(false);
  });

  it('caps timeout_ms at LOGIC_MAX_PROOF_TIME', async () => {
    const { app } = await build({ LOGIC_MAX_PROOF_TIME: '2' });
    const body = (await app.inject({ method: 'POST', url: '/prove', payload: { ...socrates, timeout_ms: 60_000 } })).json<{ timeout_ms: number }>();
    expect(body.timeout_ms).toBe(2000);
  });

  it('proves Socrates with the eprover engine under its own cid', async () => {
    const { app } = await build();
    const native = (await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    const e = (await app.inject({ method: 'POST', url: '/prove', payload: { ...socrates, engine: 'eprover' } })).json<ProveBody & { engine: string }>();
    expect(e).toMatchObject({ status: 'Theorem', proved: true, engine: 'eprover', cached: false });
    expect(e.cid).not.toBe(native.cid);
  });

  it('gives the same cid for the axioms in another order and in formula notation', async () => {
    const { app } = await build();
    const english = (await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    const formulas = await app.inject({
      method: 'POST',
      url: '/prove',
      payload: { goal: 'Mortal(socrates)', axioms: ['Man(socrates)', 'forall x. (Man(x) -> Mortal(x))'] },
    });
    expect(formulas.json<ProveBody>()).toMatchObject({ cid: english.cid, cached: true });
  });

  it('answers CounterSatisfiable when a premise is missing', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: 'Socrates is mortal', axioms: ['All men are mortal'] } });
    expect(response.json<ProveBody>()).toMatchObject({ status: 'CounterSatisfiable', proved: false });
  });

  it.each([
    ['K', '□p → p', 'CounterSatisfiable'],
    ['T', '□p → p', 'Theorem'],
    ['S4', '□p → □□p', 'Theorem'],
    ['SDL', '□p → ◇p', 'Theorem'],
    ['LTL', '□p → p', 'Theorem'],
  ])('decides in %s that %s is %s', async (logic, goal, status) => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal, logic } });
    expect(response.statusCode).toBe(200);
    expect(response.json<ProveBody>().status).toBe(status);
  });
});

describe('bad inputs', () => {
  it('answers 413 naming LOGIC_MAX_INPUT_SIZE when the input is over the limit', async () => {
    const { app } = await build({ LOGIC_MAX_INPUT_SIZE: '50' });
    const response = await app.inject({ method: 'POST', url: '/convert', payload: { text: 'All cats are animals. '.repeat(3) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'LOGIC_INPUT_TOO_LARGE',
      message: 'Input too large: text has 66 characters, over LOGIC_MAX_INPUT_SIZE=50',
      details: { field: 'text', limit: 50, size: 66, setting: 'LOGIC_MAX_INPUT_SIZE' },
    });
  });

  it('counts goal and axioms together against the limit', async () => {
    const { app } = await build({ LOGIC_MAX_INPUT_SIZE: '30' });
    const response = await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'LOGIC_INPUT_TOO_LARGE', details: { field: 'goal+axioms', limit: 30, size: 53 } });
  });

  it('answers 400 LOGIC_FORMULA_TOO_DEEP over depth 100', async () => {
    const { app } = await build();
    const deep = `${'~'.repeat(101)}p`;
    const response = await app.inject({ method: 'POST', url: '/parse', payload: { formula: deep } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LOGIC_FORMULA_TOO_DEEP', details: { field: 'formula', limit: 'max_formula_depth', max: 100 } });
  });

  it('answers 400 LOGIC_TOO_MANY_QUANTIFIERS over 20 quantified variables', async () => {
    const { app } = await build();
    const vars = Array.from({ length: 21 }, (_, i) => `x${i}`);
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: `∀${vars.join(',')} p(${vars.join(',')})` } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'LOGIC_TOO_MANY_QUANTIFIERS',
      details: { field: 'goal', limit: 'max_quantifiers', max: 20, actual: 21 },
    });
  });

  it.each([
    ['a control character', 'All cats are animals\u0000', 'control character'],
    ['a script tag', 'All cats are <script>alert(1)</script>', 'script injection'],
    ['an SQL tautology', "x' OR '1'='1", 'SQL injection'],
    ['a chained SQL statement', 'cats; DROP TABLE proofs', 'SQL injection'],
    ['a bidirectional override', 'All cats\u202E are animals', 'bidirectional override'],
  ])('answers 400 LOGIC_SUSPICIOUS_INPUT for %s', async (_label, text, pattern) => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/convert', payload: { text } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LOGIC_SUSPICIOUS_INPUT', details: { field: 'text', pattern } });
  });

  it('answers 400 LOGIC_PARSE_ERROR with the position for malformed formula notation', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: '∀x (Man(x) → Mortal(x)' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LOGIC_PARSE_ERROR', details: { field: 'goal' } });
  });

  it('answers 400 LOGIC_NOT_CONVERTIBLE for English outside the grammar, naming the axiom', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: 'p', axioms: ['p', 'Although it rained, we went out'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LOGIC_NOT_CONVERTIBLE', details: { field: 'axioms/1' } });
  });

  it('answers 400 LOGIC_MODAL_NOT_TRANSLATED for modal operators in plain FOL', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: '□p → p' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LOGIC_MODAL_NOT_TRANSLATED', details: { field: 'logic' } });
  });

  it('answers 400 naming the field for an unknown logic', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: 'p', logic: 'S6' } });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; details: { field: string }[] }>().details.map((d) => d.field)).toContain('body/logic');
  });

  it('answers 503 LOGIC_ENGINE_UNAVAILABLE for an engine this deployment lacks', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/prove', payload: { goal: 'p', engine: 'vampire' } });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'LOGIC_ENGINE_UNAVAILABLE', details: { field: 'engine' } });
  });

  it('answers 429 once a client exceeds the rate limit', async () => {
    const { app } = await build({ RATE_LIMIT_REQUESTS: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: 'POST', url: '/convert', payload: { text: 'Socrates is a man' } })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('POST /convert', () => {
  it('converts the guide example', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/convert', payload: { text: 'All cats are animals' } });
    expect(response.json()).toMatchObject({ success: true, fol: '∀x (Cat(x) → Animal(x))', confidence: 1, warnings: [] });
  });

  it('keeps batch order and lets one bad item fail alone', async () => {
    const { app } = await build({ LOGIC_MAX_INPUT_SIZE: '40' });
    const texts = ['All cats are animals', 'x'.repeat(41), 'No dogs are cats'];
    const response = await app.inject({ method: 'POST', url: '/convert/batch', payload: { texts } });
    expect(response.statusCode).toBe(200);
    const { results } = response.json<{ results: { ok: boolean; fol?: string; error?: { code: string; field: string } }[] }>();
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[0]?.fol).toBe('∀x (Cat(x) → Animal(x))');
    expect(results[1]?.error).toMatchObject({ code: 'LOGIC_INPUT_TOO_LARGE', field: 'texts/1' });
    expect(results[2]?.fol).toBe('∀x (Dog(x) → ¬Cat(x))');
  });

  it('answers 413 LOGIC_BATCH_TOO_LARGE over LOGIC_MAX_BATCH_SIZE items', async () => {
    const { app } = await build({ LOGIC_MAX_BATCH_SIZE: '2' });
    const response = await app.inject({ method: 'POST', url: '/convert/batch', payload: { texts: ['a', 'b', 'c'] } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'LOGIC_BATCH_TOO_LARGE', details: { field: 'texts', limit: 2, size: 3 } });
  });
});

describe('POST /parse and GET /capabilities', () => {
  it('prints a formula in every notation', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'POST', url: '/parse', payload: { formula: 'forall x. (man(x) -> mortal(x))' } });
    expect(response.json()).toEqual({
      dialect: 'standard',
      kind: 'formula',
      formula: {
        unicode: '∀x (man(x) → mortal(x))',
        ascii: expect.any(String) as string,
        tptp: '! [X] : (man(X) => mortal(X))',
        smtlib: '(declare-sort U 0)\n(declare-fun man (U) Bool)\n(declare-fun mortal (U) Bool)\n(assert (forall ((x U)) (=> (man x) (mortal x))))\n(check-sat)\n',
        depth: 4,
        quantifiers: 1,
        free_variables: [],
        modal_operators: [],
      },
    });
  });

  it('lists logics, engines and limits', async () => {
    const { app } = await build();
    const body = (await app.inject('/capabilities')).json<{ logics: string[]; limits: Record<string, number>; engines: { name: string }[] }>();
    expect(body.logics).toEqual(['fol', 'K', 'T', 'D', 'S4', 'S5', 'SDL', 'LTL']);
    expect(body.limits).toEqual({ max_input_size: 10000, max_formula_depth: 100, max_quantifiers: 20, max_proof_time_s: 10, max_batch_size: 100 });
    expect(body.engines.map((e) => e.name)).toContain('native');
  });
});

describe('operations', () => {
  it('documents every route in OpenAPI', async () => {
    const { app } = await build();
    const spec = (await app.inject('/openapi.json')).json<{ info: { title: string }; paths: Record<string, unknown> }>();
    expect(spec.info.title).toBe('Logic Module');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/convert', '/convert/batch', '/prove', '/parse', '/capabilities', '/health', '/ready', '/metrics']),
    );
  });

  it('exposes the business metrics', async () => {
    const { app } = await build();
    await app.inject({ method: 'POST', url: '/convert', payload: { text: 'All cats are animals' } });
    await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    await app.inject({ method: 'POST', url: '/convert', payload: { text: 'cats; DROP TABLE x' } });
    const text = (await app.inject('/metrics')).body;
    expect(text).toContain('logic_conversions_total 1');
    expect(text).toContain('logic_conversion_duration_seconds_count 1');
    expect(text).toContain('logic_proofs_total{status="Theorem"} 2');
    expect(text).toContain('logic_cache_hit_rate 0.5');
    expect(text).toContain('logic_errors_total{code="LOGIC_SUSPICIOUS_INPUT"} 1');
  });

  it('reports a dead IPFS node as a degraded cache in /ready without failing requests', async () => {
    const port = await freePort();
    const { app } = await build({ IPFS_HOST: '127.0.0.1', IPFS_PORT: String(port), IPFS_TIMEOUT_MS: '500' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ checks: { proof_cache: { status: 'degraded', tiers: { ipfs: { status: 'degraded', backend: 'kubo' } } } } });
    const first = (await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>();
    expect(first).toMatchObject({ status: 'Theorem', cached: false });
    expect((await app.inject({ method: 'POST', url: '/prove', payload: socrates })).json<ProveBody>()).toMatchObject({ cached: true, cache_tier: 'memory' });
  });

  it('reports a dead Redis as a degraded cache in /ready without failing requests', async () => {
    const { app } = await build({ REDIS_URL: 'redis://127.0.0.1:1' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ checks: { proof_cache: { status: 'degraded', tiers: { redis: { status: 'degraded' } } } } });
    const proof = await app.inject({ method: 'POST', url: '/prove', payload: socrates });
    expect(proof.json<ProveBody>()).toMatchObject({ status: 'Theorem', cached: false });
  });
});
