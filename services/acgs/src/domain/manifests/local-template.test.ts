import { describe, expect, it } from 'vitest';
import { defaultAcgsConfig } from '../config/index.js';
import { localTemplate } from './local-template.js';

describe('localTemplate', () => {
  it('records command, env with PORT and the hash, and version', () => {
    const gateway = defaultAcgsConfig().production.services.find((s) => s.name === 'involution-gateway');
    if (gateway === undefined) throw new Error('gateway missing from the suite');
    expect(localTemplate(gateway, 'cdd01ef066bc6cf2')).toEqual({
      command: ['node', 'services/involution/dist/cli.js', 'serve', 'gateway'],
      env: { CONSTITUTIONAL_HASH: 'cdd01ef066bc6cf2', HOST: '127.0.0.1', PORT: '8004' },
      version: '0.1.0',
    });
  });

  it('orders env keys the same whatever the YAML order', () => {
    const base = defaultAcgsConfig().production.services[0];
    if (base === undefined) throw new Error('empty suite');
    const reordered = { ...base, env: Object.fromEntries(Object.entries(base.env).reverse()) };
    expect(Object.keys(localTemplate(reordered, 'h').env)).toEqual(['CONSTITUTIONAL_HASH', 'HOST', 'PORT']);
    expect(JSON.stringify(localTemplate(reordered, 'h'))).toBe(JSON.stringify(localTemplate(base, 'h')));
  });
});
