import { describe, expect, it } from 'vitest';
import { checkHealthHash, checkHealthHashText } from './health-hash-policy.js';

const HASH = 'cdd01ef066bc6cf2';

describe('checkHealthHash', () => {
  it('accepts constitutional_hash equal to the configured hash', () => {
    expect(checkHealthHash({ status: 'healthy', constitutional_hash: HASH }, HASH)).toEqual({ ok: true });
  });

  it('refuses a value that contains the hash plus other text (a substring test would pass it)', () => {
    expect(checkHealthHash({ constitutional_hash: `${HASH}-v2` }, HASH)).toEqual({
      ok: false,
      reason: 'mismatch',
      message: `"constitutional_hash" must be exactly "${HASH}", got "${HASH}-v2"`,
    });
    expect(checkHealthHash({ constitutional_hash: ` ${HASH}` }, HASH)).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(checkHealthHash({ constitutional_hash: HASH.toUpperCase() }, HASH)).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a field named constitutional.hash, or nested as constitutional: {hash}', () => {
    expect(checkHealthHash({ 'constitutional.hash': HASH }, HASH)).toEqual({
      ok: false,
      reason: 'wrong-field',
      message: 'the hash is in "constitutional.hash"; it must be the value of "constitutional_hash"',
    });
    expect(checkHealthHash({ constitutional: { hash: HASH } }, HASH)).toMatchObject({
      ok: false,
      reason: 'wrong-field',
    });
    expect(checkHealthHash({ status: `ok ${HASH}` }, HASH)).toMatchObject({
      ok: false,
      reason: 'wrong-field',
    });
  });

  it('refuses missing fields, non-strings and non-objects', () => {
    expect(checkHealthHash({ status: 'ok' }, HASH)).toMatchObject({ ok: false, reason: 'missing' });
    expect(checkHealthHash({ constitutional_hash: null }, HASH)).toEqual({
      ok: false,
      reason: 'wrong-type',
      message: '"constitutional_hash" must be a string, got null',
    });
    expect(checkHealthHash([HASH], HASH)).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(checkHealthHash(HASH, HASH)).toMatchObject({ ok: false, reason: 'not-an-object' });
  });

  it('parses raw bodies and refuses non-JSON (a body merely containing the hash)', () => {
    expect(checkHealthHashText(`{"constitutional_hash":"${HASH}"}`, HASH)).toEqual({ ok: true });
    expect(checkHealthHashText(`healthy ${HASH}`, HASH)).toMatchObject({ ok: false, reason: 'not-json' });
  });
});
