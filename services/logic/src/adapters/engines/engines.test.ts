import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFormula, parseTptpProblem } from '../../domain/syntax/parser.js';
import { EproverEngine, mapSzsStatus, parseSzsStatus } from './eprover-engine.js';
import { NativeEngine } from './native-engine.js';
import type { ProverEngine } from './prover-engine.js';
import { Z3Engine } from './z3-engine.js';

const corpus = fileURLToPath(new URL('../../../../../../shared/data/tptp/', import.meta.url));
const problems = readdirSync(corpus)
  .filter((f) => f.endsWith('.p'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${corpus}${file}`, 'utf8');
    return { file, expected: /SZS status (\w+)/.exec(text)?.[1], problem: parseTptpProblem(text) };
  });

/**
 * CounterSatisfiable, but only with an infinite model (s is injective and misses z), and saturation
 * never ends (r(sⁿ(z), s²ⁿ(z)) for every n): no prover can answer it.
 */
const endless = parseTptpProblem(`fof(a1, axiom, ![X]: (p(X) => p(s(X)))). fof(a2, axiom, p(z)).
fof(a3, axiom, ![X]: s(X) != z). fof(a4, axiom, ![X,Y]: (s(X) = s(Y) => X = Y)).
fof(a5, axiom, ![X,Y]: (r(X,Y) => r(s(X),s(s(Y))))). fof(a6, axiom, r(z,z)).
fof(c, conjecture, ?[X]: (p(X) & r(s(X),s(X)))).`);

const native = new NativeEngine();
const eprover = new EproverEngine();
const z3 = new Z3Engine();
afterAll(async () => {
  await Promise.all([native.close(), z3.close(), eprover.close()]);
});

function corpusSuite(engine: ProverEngine): void {
  for (const { file, expected, problem } of problems) {
    it(`answers ${file} as E reports (${expected})`, async () => {
      const result = await engine.prove(problem, { timeoutMs: 20_000 });
      expect(result.engine).toBe(engine.name);
      expect(result.status).toBe(expected);
    });
  }
}

describe('NativeEngine', () => {
  corpusSuite(native);

  it('returns the proof steps from the worker', async () => {
    const result = await native.prove(
      { axioms: [parseFormula('∀x (Man(x) → Mortal(x))'), parseFormula('Man(socrates)')], conjecture: parseFormula('Mortal(socrates)') },
      { timeoutMs: 20_000 },
    );
    expect(result.status).toBe('Theorem');
    expect(result.proof?.at(-1)?.clause).toBe('$false');
  });

  it('passes catalogued errors from the worker through with their code', async () => {
    await expect(native.prove({ axioms: [{ kind: 'modal', op: 'box', body: parseFormula('p') }] }, { timeoutMs: 20_000 })).rejects.toMatchObject({
      code: 'LOGIC_MODAL_NOT_TRANSLATED',
    });
  });

  it('terminates a worker that overruns the hard timeout and keeps working afterwards', async () => {
    const engine = new NativeEngine();
    // 30 ms is less than a fresh worker needs to start, so the hard limit strikes first.
    const result = await engine.prove(endless, { timeoutMs: 30 });
    expect(result.status).toBe('Timeout');
    expect((await engine.prove(problems[0]!.problem, { timeoutMs: 20_000 })).status).toBe('Theorem');
    await engine.close();
  });

  it('answers Timeout within its limit on a problem with no finite answer', async () => {
    const result = await native.prove(endless, { timeoutMs: 1500 });
    expect(result.status).toBe('Timeout');
    expect(result.elapsedMs).toBeLessThan(1500 + 1000);
  });
});

describe('EproverEngine', () => {
  corpusSuite(eprover);

  it('reads E proof objects into steps', async () => {
    const result = await eprover.prove(problems.find((p) => p.file === '06_socrates.p')!.problem, { timeoutMs: 20_000 });
    expect(result.proof?.some((s) => s.clause.includes('$false'))).toBe(true);
  });

  it('maps ResourceOut to Timeout when E exhausts its CPU limit', async () => {
    const result = await eprover.prove(endless, { timeoutMs: 1000 });
    expect(result.status).toBe('Timeout');
  });

  it('parses SZS status lines', () => {
    expect(parseSzsStatus('# Proof found!\n# SZS status Theorem\n')).toBe('Theorem');
    expect(parseSzsStatus('% SZS status CounterSatisfiable for x.p\n')).toBe('CounterSatisfiable');
    expect(mapSzsStatus('ResourceOut')).toBe('Timeout');
    expect(mapSzsStatus(undefined)).toBe('GaveUp');
  });

  it('reports LOGIC_ENGINE_UNAVAILABLE when the binary is missing', async () => {
    await expect(new EproverEngine({ binary: 'eprover-not-installed' }).prove(endless, { timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'LOGIC_ENGINE_UNAVAILABLE',
    });
  });
});

describe('Z3Engine', () => {
  corpusSuite(z3);

  it('answers Timeout or GaveUp, never a wrong status, on a problem without a finite answer', async () => {
    const result = await z3.prove(endless, { timeoutMs: 2000 });
    expect(['Timeout', 'GaveUp']).toContain(result.status);
  });
});
