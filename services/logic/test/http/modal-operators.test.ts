import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logicService } from '../../src/app.js';
import { closeLogic, loadConfig, proveFormula } from '../../src/index.js';

type Logic = Awaited<ReturnType<typeof logicService.build>>;
const dir = mkdtempSync(join(tmpdir(), 'logic-modal-'));
let service: Logic;

beforeAll(async () => {
  service = await logicService.build({
    env: { LOG_LEVEL: 'silent', LOGIC_CACHE_DIR: dir, LOGIC_MAX_PROOF_TIME: '10' },
  });
});
afterAll(async () => {
  await service.close();
  await closeLogic();
  rmSync(dir, { recursive: true, force: true });
});

interface ProveBody {
  status: string;
  goal: string;
  axioms: string[];
  cid: string;
  logic: string;
}

async function prove(
  payload: Record<string, unknown>,
): Promise<{ statusCode: number; body: ProveBody & Record<string, unknown> }> {
  const response = await service.app.inject({ method: 'POST', url: '/prove', payload });
  return { statusCode: response.statusCode, body: response.json() };
}

describe('POST /prove with deontic operators (logic SDL)', () => {
  it.each([
    ['O p → P p', 'Theorem'],
    ['O p → p', 'CounterSatisfiable'],
    ['¬(O p ∧ O ¬p)', 'Theorem'],
    ['F p ↔ O ¬p', 'Theorem'],
    ['P p → O p', 'CounterSatisfiable'],
    ['O p -> P p', 'Theorem'],
    ['□p ↔ O p', 'Theorem'],
    ['◇p ↔ ¬O ¬p', 'Theorem'],
  ])('decides %s: %s', async (goal, status) => {
    const { statusCode, body } = await prove({ goal, logic: 'SDL' });
    expect(statusCode).toBe(200);
    expect(body.status).toBe(status);
  });

  it('answers ContradictoryAxioms when both p and ¬p are obligatory (O p ∧ O ¬p is unsatisfiable)', async () => {
    const { body } = await prove({ goal: 'q', axioms: ['O p ∧ O ¬p'], logic: 'SDL' });
    expect(body).toMatchObject({ status: 'ContradictoryAxioms', axioms: ['O p ∧ O ¬p'] });
  });

  it('reads F(x) glued to "(" as a predicate next to the operators', async () => {
    const { body } = await prove({
      goal: 'P Pay(ann) ∧ F(ann)',
      axioms: ['∀x (Employee(x) → O Pay(x))', 'Employee(ann)', 'F(ann)'],
      logic: 'SDL',
    });
    expect(body).toMatchObject({ status: 'Theorem', goal: 'P Pay(ann) ∧ F(ann)' });
  });
});

describe('POST /prove with temporal operators (logic LTL)', () => {
  it.each([
    ['G p → X p', undefined, 'Theorem'],
    ['X p → F p', undefined, 'Theorem'],
    ['G p → X p', 3, 'Theorem'],
    ['X p → F p', 3, 'Theorem'],
    ['F p → G p', 3, 'CounterSatisfiable'],
    ['G (p → X p) ∧ p → X X p', 3, 'Theorem'],
    ['X G p ↔ G X p', 3, 'Theorem'],
  ])('decides %s (bound %s): %s', async (goal, bound, status) => {
    const { statusCode, body } = await prove({
      goal,
      logic: 'LTL',
      ...(bound === undefined ? {} : { ltl_bound: bound }),
    });
    expect(statusCode).toBe(200);
    expect(body.status).toBe(status);
  });

  it('reads the same text F p as eventually in LTL and forbidden in SDL, under different cache keys', async () => {
    const ltl = await prove({ goal: 'F p → p', logic: 'LTL', ltl_bound: 2 });
    const sdl = await prove({ goal: 'F p → ¬p', logic: 'SDL' });
    expect(ltl.body).toMatchObject({ status: 'CounterSatisfiable', goal: 'F p → p', logic: 'LTL' });
    expect(sdl.body).toMatchObject({ status: 'CounterSatisfiable', goal: 'F p → ¬p', logic: 'SDL' });
    const sameText = await prove({ goal: 'F p → p', logic: 'SDL' });
    expect(sameText.body.status).toBe('CounterSatisfiable');
    expect(sameText.body.cid).not.toBe(ltl.body.cid);
  });
});

describe('letter operators where the logic does not read them', () => {
  it('answers 400 LOGIC_PARSE_ERROR naming the goal and the letter in plain FOL', async () => {
    for (const goal of ['O p → P p', 'O p']) {
      const { statusCode, body } = await prove({ goal });
      expect(statusCode).toBe(400);
      expect(body).toMatchObject({
        code: 'LOGIC_PARSE_ERROR',
        details: { field: 'goal', modal_letter: 'O' },
      });
    }
  });

  it('answers 400 for a deontic letter in LTL, naming the axiom', async () => {
    const { statusCode, body } = await prove({ goal: 'p', axioms: ['G p', 'O p'], logic: 'LTL' });
    expect(statusCode).toBe(400);
    expect(body).toMatchObject({
      code: 'LOGIC_PARSE_ERROR',
      details: { field: 'axioms/1', modal_letter: 'O' },
    });
  });

  it('keeps F(x) a predicate in FOL', async () => {
    const { body } = await prove({ goal: 'F(a)', axioms: ['∀x F(x)'] });
    expect(body.status).toBe('Theorem');
  });
});

describe('POST /parse with a logic', () => {
  it('prints letter operators back in Unicode and ASCII and lists them', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/parse',
      payload: { formula: 'F p -> G X p', logic: 'LTL' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dialect: 'standard',
      kind: 'formula',
      formula: {
        unicode: 'F p → G X p',
        ascii: 'F p -> G X p',
        depth: 4,
        quantifiers: 0,
        free_variables: [],
        modal_operators: ['eventually', 'always', 'next'],
      },
    });
  });

  it('reads F as forbidden under SDL and as a name without a logic', async () => {
    const sdl = await service.app.inject({
      method: 'POST',
      url: '/parse',
      payload: { formula: 'F p', logic: 'SDL' },
    });
    expect(sdl.json()).toMatchObject({ formula: { unicode: 'F p', modal_operators: ['forbidden'] } });
    const fol = await service.app.inject({ method: 'POST', url: '/parse', payload: { formula: 'F(p)' } });
    expect(fol.json()).toMatchObject({ formula: { unicode: 'F(p)', tptp: "'F'(p)", modal_operators: [] } });
  });
});

describe('GET /capabilities', () => {
  it('lists the operators of each family with their spellings', async () => {
    const body = (await service.app.inject('/capabilities')).json<{
      modal_operators: Record<string, unknown>;
    }>();
    expect(body.modal_operators).toMatchObject({
      alethic: [
        { operator: 'box', unicode: '□', ascii: '[]' },
        { operator: 'diamond', unicode: '◇', ascii: '<>' },
      ],
      deontic: [
        { operator: 'obligatory', unicode: 'O' },
        { operator: 'permitted', unicode: 'P' },
        { operator: 'forbidden', unicode: 'F' },
      ],
      temporal: [
        { operator: 'always', unicode: 'G' },
        { operator: 'eventually', unicode: 'F' },
        { operator: 'next', unicode: 'X' },
      ],
      letters_by_logic: { SDL: ['O', 'P', 'F'], LTL: ['G', 'F', 'X'] },
    });
  });
});

describe('library API', () => {
  const config = loadConfig({}, { LOGIC_CACHE_ENABLED: '0', LOGIC_MAX_PROOF_TIME: '10' });

  it('proves O p → P p in SDL and refutes F p → G p in LTL within a bound', async () => {
    expect(await proveFormula('P p', { assumptions: ['O p'], logic: 'SDL', config })).toMatchObject({
      status: 'Theorem',
      goal: 'P p',
      axioms: ['O p'],
    });
    expect(await proveFormula('F p → G p', { logic: 'LTL', ltlBound: 3, config })).toMatchObject({
      status: 'CounterSatisfiable',
    });
    expect(await proveFormula('X p', { assumptions: ['G p'], logic: 'LTL', config })).toMatchObject({
      status: 'Theorem',
    });
  });
});

describe('options checked outside the HTTP schema', () => {
  const config = loadConfig({}, { LOGIC_CACHE_ENABLED: '0' });

  it('refuses an unknown logic and an out-of-range ltl_bound from the library with 4xx errors naming the field', async () => {
    await expect(proveFormula('p', { logic: 'CTL' as never, config })).rejects.toMatchObject({
      code: 'LOGIC_INVALID_OPTION',
      statusCode: 400,
      field: 'logic',
    });
    await expect(proveFormula('G p', { logic: 'LTL', ltlBound: -1, config })).rejects.toMatchObject({
      code: 'LOGIC_INVALID_OPTION',
      field: 'ltl_bound',
      details: { value: -1, min: 0, max: 64 },
    });
  });
});
