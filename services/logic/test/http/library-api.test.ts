import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FOLConverter, IPFSProofCache, ProofCache, closeLogic, convertBatch, loadConfig, proveFormula } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'logic-lib-'));
afterAll(async () => {
  await closeLogic();
  rmSync(dir, { recursive: true, force: true });
});

describe('library API', () => {
  it('converts with FOLConverter as the guide shows', () => {
    expect(new FOLConverter().convert('All cats are animals')).toMatchObject({ success: true, fol: '∀x (Cat(x) → Animal(x))', confidence: 1 });
  });

  it('convertBatch keeps order and lets one bad item fail alone, in both modes', async () => {
    const texts = ['Some birds can fly', 'x'.repeat(30), 'Socrates is a man'];
    for (const parallel of [false, true]) {
      const items = await convertBatch(texts, { parallel, maxInputSize: 20 });
      expect(items.map((item) => (item.ok ? item.result.fol : item.error.code))).toEqual(['∃x (Bird(x) ∧ Fly(x))', 'LOGIC_INPUT_TOO_LARGE', 'Man(socrates)']);
    }
  });

  it('proveFormula proves and refutes, and a cache answers the second call', async () => {
    const cache = new ProofCache({ maxSize: 10, ttlSeconds: 60 });
    const first = await proveFormula('Q', { assumptions: ['P → Q', 'P'], cache, timeout: 5 });
    expect(first).toMatchObject({ status: 'Theorem', proved: true, cached: false, timeout_ms: 5000 });
    expect(await proveFormula('Q', { assumptions: ['P', 'P → Q'], cache })).toMatchObject({ cached: true, cid: first.cid });
    expect(await proveFormula('P → Q', { assumptions: ['P'] })).toMatchObject({ status: 'CounterSatisfiable', proved: false, cached: false });
  });

  it('proveFormula stores into an IPFSProofCache that a new instance reads back', async () => {
    const writer = new IPFSProofCache({ directory: dir });
    const proved = await proveFormula('Socrates is mortal', { assumptions: ['All men are mortal', 'Socrates is a man'], cache: writer });
    await writer.close();
    const reader = new IPFSProofCache({ directory: dir });
    expect(await reader.get(proved.cid)).toMatchObject({ status: 'Theorem', engine: 'native' });
    await reader.close();
  });

  it('loadConfig reads the guide variables and accepts snake_case overrides', () => {
    const config = loadConfig({ max_input_size: 5000, enable_cache: false }, { LOGIC_MAX_PROOF_TIME: '12.5', IPFS_HOST: 'ipfs' });
    expect(config).toMatchObject({
      maxInputSize: 5000,
      enableCache: false,
      maxProofTime: 12.5,
      maxFormulaDepth: 100,
      maxQuantifiers: 20,
      rateLimitCalls: 100,
      rateLimitPeriod: 60,
      ipfsEnabled: true,
      ipfsHost: 'ipfs',
      ipfsPort: 5001,
    });
    expect(() => loadConfig(undefined, { LOGIC_MAX_INPUT_SIZE: 'big' })).toThrow('LOGIC_MAX_INPUT_SIZE');
  });
});
