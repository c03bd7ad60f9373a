import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAcgsConfig } from '../domain/config/index.js';
import { loadAcgsConfig } from './config-loader.js';

const shipped = fileURLToPath(new URL('../../config/', import.meta.url));

describe('loadAcgsConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'acgs-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses embedded defaults when neither --config nor CONFIG_PATH is given', async () => {
    const loaded = await loadAcgsConfig({ env: {} });
    expect(loaded.config).toEqual(defaultAcgsConfig());
    expect(loaded.sources).toEqual({});
  });

  it('reads the four shipped files, which spell out exactly the embedded defaults', async () => {
    const loaded = await loadAcgsConfig({ configPath: shipped });
    expect(Object.keys(loaded.sources).sort()).toEqual([
      'health_monitor',
      'maintenance',
      'production',
      'rollback',
    ]);
    expect(loaded.config).toEqual(defaultAcgsConfig());
  });

  it('honours CONFIG_PATH naming one guide file, and reads its siblings', async () => {
    await writeFile(join(dir, 'rollback-config.yaml'), 'rollback_strategy: fast\n');
    await writeFile(join(dir, 'health-monitor-config.yaml'), 'alerting:\n  cooldown_seconds: 10\n');
    const loaded = await loadAcgsConfig({ env: { CONFIG_PATH: join(dir, 'rollback-config.yaml') } });
    expect(loaded.config.rollback.rollback_strategy).toBe('fast');
    expect(loaded.config.health_monitor.alerting.cooldown_seconds).toBe(10);
    expect(loaded.sources.production).toBeUndefined();
  });

  it('lets --config win over CONFIG_PATH and reads a bundle of sections', async () => {
    const bundle = join(dir, 'bundle.yaml');
    await writeFile(
      bundle,
      'production:\n  namespace: staging-ns\nmaintenance-config:\n  maintenance_window_hours: 1\n',
    );
    const loaded = await loadAcgsConfig({ configPath: bundle, env: { CONFIG_PATH: '/nonexistent' } });
    expect(loaded.config.production.namespace).toBe('staging-ns');
    expect(loaded.config.maintenance.maintenance_window_hours).toBe(1);
  });

  it('names the path of a bad key found in a file', async () => {
    const bad = join(dir, 'bad');
    await rm(bad, { recursive: true, force: true });
    await mkdir(bad);
    await writeFile(join(bad, 'health-monitor-config.yaml'), 'alerting:\n  cooldown_seconds: -5\n');
    await expect(loadAcgsConfig({ configPath: bad })).rejects.toMatchObject({
      code: 'ACGS_CONFIG_INVALID',
      field: 'health_monitor.alerting.cooldown_seconds',
      message:
        'invalid configuration:\n  health_monitor.alerting.cooldown_seconds: expected integer ≥ 0, got -5',
    });
  });

  it('refuses duplicate YAML keys with the line, and a missing path', async () => {
    const dup = join(dir, 'dup.yaml');
    await writeFile(dup, 'production:\n  namespace: a\n  namespace: b\n');
    await expect(loadAcgsConfig({ configPath: dup })).rejects.toMatchObject({ code: 'ACGS_CONFIG_SYNTAX' });
    await expect(loadAcgsConfig({ configPath: join(dir, 'nope.yaml') })).rejects.toMatchObject({
      code: 'ACGS_CONFIG_NOT_FOUND',
    });
  });

  it('refuses an unknown section in a bundle', async () => {
    const bundle = join(dir, 'unknown.yaml');
    await writeFile(bundle, 'monitoring:\n  x: 1\n');
    await expect(loadAcgsConfig({ configPath: bundle })).rejects.toMatchObject({
      code: 'ACGS_CONFIG_INVALID',
      field: 'monitoring',
    });
  });
});
