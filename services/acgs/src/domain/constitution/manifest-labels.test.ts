import { describe, expect, it } from 'vitest';
import { validateManifestLabels } from './manifest-labels.js';

const HASH = 'cdd01ef066bc6cf2';
const labels = (value?: string) =>
  value === undefined ? { app: 'x' } : { app: 'x', 'constitutional-hash': value };

const deployment = (objectHash?: string, templateHash?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'iss', labels: labels(objectHash) },
  spec: { template: { metadata: { labels: labels(templateHash) }, spec: { containers: [] } } },
});

describe('validateManifestLabels', () => {
  it('passes objects and pod templates that carry exactly the hash', () => {
    expect(
      validateManifestLabels([{ source: 'a.yaml', index: 0, object: deployment(HASH, HASH) }], HASH),
    ).toEqual([]);
  });

  it('reports a pod template without the label even when the Deployment has it', () => {
    expect(validateManifestLabels([{ source: 'a.yaml', index: 2, object: deployment(HASH) }], HASH)).toEqual([
      {
        path: 'a.yaml#2 Deployment/iss spec.template.metadata.labels.constitutional-hash',
        message: 'missing label "constitutional-hash" (expected "cdd01ef066bc6cf2")',
      },
    ]);
  });

  it('refuses a value containing the hash plus other text', () => {
    expect(
      validateManifestLabels([{ source: 'a.yaml', index: 0, object: deployment(`${HASH}x`, HASH) }], HASH),
    ).toEqual([
      {
        path: 'a.yaml#0 Deployment/iss metadata.labels.constitutional-hash',
        message: `expected exactly "${HASH}", got "${HASH}x"`,
      },
    ]);
  });

  it('checks every kind (Service, ConfigMap), CronJob job and pod templates, and List items', () => {
    const cronJob = {
      kind: 'CronJob',
      metadata: { name: 'backup', labels: labels(HASH) },
      spec: { jobTemplate: { metadata: { labels: labels(HASH) }, spec: { template: { metadata: {} } } } },
    };
    const list = {
      kind: 'List',
      items: [
        { kind: 'Service', metadata: { name: 'iss' } },
        { kind: 'ConfigMap', metadata: { name: 'c', labels: labels(HASH) } },
      ],
    };
    expect(
      validateManifestLabels(
        [
          { source: 'b.yaml', index: 0, object: cronJob },
          { source: 'b.yaml', index: 1, object: list },
          { source: 'b.yaml', index: 2, object: null },
          { source: 'b.yaml', index: 3, object: 'text' },
        ],
        HASH,
      ).map((v) => v.path),
    ).toEqual([
      'b.yaml#0 CronJob/backup spec.jobTemplate.spec.template.metadata.labels.constitutional-hash',
      'b.yaml#1.items[0] Service/iss metadata.labels.constitutional-hash',
      'b.yaml#3',
    ]);
  });

  it('does not accept a label with a different name', () => {
    const object = {
      kind: 'Namespace',
      metadata: { name: 'acgs-system', labels: { constitutional_hash: HASH } },
    };
    expect(validateManifestLabels([{ source: 'n.yaml', index: 0, object }], HASH)).toHaveLength(1);
  });
});
