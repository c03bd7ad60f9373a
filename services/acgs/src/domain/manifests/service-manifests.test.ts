import { describe, expect, it } from 'vitest';
import { defaultAcgsConfig, parseAcgsConfig } from '../config/index.js';
import { validateManifestLabels } from '../constitution/index.js';
import { deploymentManifest, namespaceManifest, serviceManifest } from './service-manifests.js';

const config = defaultAcgsConfig().production;

describe('deploymentManifest', () => {
  it('builds manifests for the whole suite that pass the exact-hash label validator', () => {
    const objects = [
      namespaceManifest(config),
      ...config.services.flatMap((s) => [deploymentManifest(s, config), serviceManifest(s, config)]),
    ];
    const documents = objects.map((object, index) => ({ source: 'generated', index, object }));
    expect(validateManifestLabels(documents, 'cdd01ef066bc6cf2')).toEqual([]);
  });

  it('takes replicas from the tier, resources from the size, probes from the probe spec', () => {
    const iss = config.services.find((s) => s.name === 'iss');
    if (iss === undefined) throw new Error('iss missing from the suite');
    const manifest = deploymentManifest(iss, config) as {
      spec: { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    expect(manifest.spec.replicas).toBe(3);
    expect(manifest.spec.template.spec.containers[0]).toMatchObject({
      image: 'acgs-suite/iss:0.1.0',
      command: ['node'],
      args: ['services/iss/dist/cli.js', 'serve'],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      livenessProbe: { httpGet: { path: '/health', port: 8000 }, timeoutSeconds: 2 },
      readinessProbe: { httpGet: { path: '/ready', port: 8000 }, timeoutSeconds: 2 },
    });
    expect(manifest.spec.template.spec.containers[0]?.['env']).toEqual([
      { name: 'CONSTITUTIONAL_HASH', value: 'cdd01ef066bc6cf2' },
      { name: 'HOST', value: '0.0.0.0' },
      { name: 'PORT', value: '8000' },
    ]);
  });

  it('gives PostgreSQL a TCP probe and Redis an exec probe, never HTTP', () => {
    const guide = parseAcgsConfig({
      production: {
        services: [
          {
            name: 'postgresql',
            port: 5432,
            tier: 'infrastructure',
            size: 'medium',
            image: 'postgres:16',
            probe: { type: 'tcp' },
          },
          {
            name: 'redis',
            port: 6379,
            tier: 'infrastructure',
            image: 'redis:7',
            probe: { type: 'exec', command: ['redis-cli', 'ping'] },
          },
        ],
      },
    }).production;
    const containers = guide.services.map(
      (s) =>
        (
          deploymentManifest(s, guide) as {
            spec: { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
          }
        ).spec,
    );
    expect(containers.map((c) => c.replicas)).toEqual([2, 2]);
    expect(containers[0]?.template.spec.containers[0]?.['livenessProbe']).toEqual({
      tcpSocket: { port: 5432 },
      timeoutSeconds: 2,
      periodSeconds: 10,
      failureThreshold: 3,
    });
    expect(containers[1]?.template.spec.containers[0]?.['readinessProbe']).toEqual({
      exec: { command: ['redis-cli', 'ping'] },
      timeoutSeconds: 2,
      periodSeconds: 5,
      failureThreshold: 2,
    });
  });
});
