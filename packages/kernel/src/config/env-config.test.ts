import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentWithDotenv, listSetting, loadConfig } from './env-config.js';

describe('loadConfig', () => {
  const serviceSchema = {
    NODE_ID: Type.String({ default: 'ISS_MODULE_V2' }),
    BATCH: Type.Integer({ default: 5, minimum: 1 }),
  };

  it('fills defaults and converts strings to the schema types', () => {
    const config = loadConfig(serviceSchema, { env: { PORT: '9001', DEBUG: 'yes', BATCH: '7' } });
    expect(config.PORT).toBe(9001);
    expect(config.DEBUG).toBe(true);
    expect(config.BATCH).toBe(7);
    expect(config.NODE_ID).toBe('ISS_MODULE_V2');
    expect(config.MAX_REQUEST_SIZE).toBe(1_048_576);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('reports every problem at once', () => {
    try {
      loadConfig(serviceSchema, { env: { PORT: '99999', DEBUG: 'maybe', BATCH: '0', LOG_LEVEL: 'loud' } });
      expect.unreachable('loadConfig accepted a bad environment');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('DEBUG: expected a boolean'))).toBe(true);
      expect(problems.some((p) => p.startsWith('BATCH:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    }
  });

  it('freezes the result', () => {
    const config = loadConfig(serviceSchema, { env: {} });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("honours the guides' alias names when the canonical name is absent", () => {
    const config = loadConfig({}, { env: { ENV: 'production', ALLOW_ORIGINS: 'https://a.example' } });
    expect(config.ENVIRONMENT).toBe('production');
    expect(config.ALLOWED_ORIGINS).toBe('https://a.example');
  });

  it('applies per-service defaults for base settings', () => {
    expect(loadConfig({}, { env: {}, defaults: { PORT: 8005 } }).PORT).toBe(8005);
  });

  it('rejects a WORKERS value that is neither a count nor auto', () => {
    expect(() => loadConfig({}, { env: { WORKERS: 'many' } })).toThrow(/WORKERS/);
    expect(loadConfig({}, { env: { WORKERS: 'auto' } }).WORKERS).toBe('auto');
  });
});

describe('environmentWithDotenv', () => {
  it('reads .env without overriding real environment variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kernel-dotenv-'));
    writeFileSync(join(dir, '.env'), 'KERNEL_DOTENV_ONLY=from-file\nPATH=from-file\n');
    const env = environmentWithDotenv(dir);
    expect(env['KERNEL_DOTENV_ONLY']).toBe('from-file');
    expect(env['PATH']).toBe(process.env['PATH']);
  });
});

describe('listSetting', () => {
  it('splits and trims comma lists', () => {
    expect(listSetting(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(listSetting('')).toEqual([]);
  });
});
