import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { DEFAULT_CONSTITUTIONAL_HASH, defaultAcgsConfig } from '../src/domain/config/index.js';
import { validateManifestLabels } from '../src/domain/constitution/index.js';
import type { ManifestDocument } from '../src/domain/constitution/index.js';
import { planWaves } from '../src/domain/plan/index.js';

const run = promisify(execFile);
const deployDir = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const at = (...parts: string[]) => join(deployDir, ...parts);
const suite = defaultAcgsConfig().production.services;
const suitePorts = new Map(suite.map((s) => [s.name, s.port]));

type K8sObject = {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
};

async function manifests(): Promise<ManifestDocument[]> {
  const files = (await readdir(at('kubernetes'))).filter((f) => f.endsWith('.yaml')).sort();
  const documents: ManifestDocument[] = [];
  for (const file of files) {
    const parsed = parseAllDocuments(await readFile(at('kubernetes', file), 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${file}: not a YAML stream`);
    parsed.forEach((document, index) => {
      expect(document.errors, `${file}#${index}`).toEqual([]);
      documents.push({ source: `deploy/kubernetes/${file}`, index, object: document.toJS() as unknown });
    });
  }
  return documents;
}

const objects = async () => (await manifests()).map((d) => d.object as K8sObject).filter((o) => o !== null);

describe('deploy/kubernetes', () => {
  it('carries label constitutional-hash with exactly the configured hash on every object and pod template', async () => {
    const documents = await manifests();
    expect(documents.length).toBeGreaterThanOrEqual(2 + suite.length * 3);
    expect(validateManifestLabels(documents, DEFAULT_CONSTITUTIONAL_HASH)).toEqual([]);
  });

  it('is refused by the validator when a pod template loses the label or gains a suffix', async () => {
    const documents = await manifests();
    const index = documents.findIndex((d) => (d.object as K8sObject).kind === 'Deployment');
    const broken = structuredClone(documents[index]) as { source: string; index: number; object: K8sObject };
    const template = (broken.object.spec as { template: { metadata: { labels: Record<string, string> } } })
      .template;
    delete template.metadata.labels['constitutional-hash'];
    (broken.object.metadata.labels as Record<string, string>)['constitutional-hash'] =
      `${DEFAULT_CONSTITUTIONAL_HASH}-x`;
    const where = `${broken.source}#${broken.index} Deployment/${broken.object.metadata.name}`;
    expect(validateManifestLabels([broken], DEFAULT_CONSTITUTIONAL_HASH)).toEqual([
      {
        path: `${where} metadata.labels.constitutional-hash`,
        message: `expected exactly "${DEFAULT_CONSTITUTIONAL_HASH}", got "${DEFAULT_CONSTITUTIONAL_HASH}-x"`,
      },
      {
        path: `${where} spec.template.metadata.labels.constitutional-hash`,
        message: `missing label "constitutional-hash" (expected "${DEFAULT_CONSTITUTIONAL_HASH}")`,
      },
    ]);
  });

  it('puts everything in the guide namespace', async () => {
    for (const object of await objects()) {
      if (object.kind === 'Namespace') expect(object.metadata.name).toBe('acgs-system');
      else expect(object.metadata.namespace, `${object.kind}/${object.metadata.name}`).toBe('acgs-system');
    }
  });

  it('has a Deployment and Services for every suite service with its port, probes and resources', async () => {
    const all = await objects();
    for (const service of suite) {
      const deployment = all.find((o) => o.kind === 'Deployment' && o.metadata.name === service.name);
      expect(deployment, service.name).toBeDefined();
      const pod = (deployment?.spec as { template: { spec: { containers: Record<string, unknown>[] } } })
        .template.spec;
      const container = pod.containers[0] as {
        ports: { containerPort: number }[];
        env: { name: string; value: string }[];
        livenessProbe: { httpGet: { path: string } };
        readinessProbe: { httpGet: { path: string } };
        resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
      };
      expect(container.ports[0]?.containerPort).toBe(service.port);
      expect(container.env).toContainEqual({ name: 'PORT', value: String(service.port) });
      expect(container.env).toContainEqual({
        name: 'CONSTITUTIONAL_HASH',
        value: DEFAULT_CONSTITUTIONAL_HASH,
      });
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      expect(container.readinessProbe.httpGet.path).toBe('/ready');
      expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
      const services = all.filter(
        (o) =>
          o.kind === 'Service' &&
          (o.metadata.name === service.name || o.metadata.name === `${service.name}-pods`),
      );
      expect(services.map((s) => (s.spec as { ports: { port: number }[] }).ports[0]?.port)).toEqual([
        service.port,
        service.port,
      ]);
    }
  });
});

describe('deploy/prometheus', () => {
  it('passes promtool check config (compose and Kubernetes variants, with their rule files)', async () => {
    for (const file of ['prometheus.yml', 'prometheus-kubernetes.yml']) {
      const { stdout } = await run('promtool', ['check', 'config', file], { cwd: at('prometheus') });
      expect(stdout).toContain(`SUCCESS: ${file} is valid prometheus config file syntax`);
    }
  });

  it('passes promtool check rules', async () => {
    const { stdout } = await run(
      'promtool',
      ['check', 'rules', 'rules/acgs-recording.yml', 'rules/acgs-alerts.yml'],
      { cwd: at('prometheus') },
    );
    expect(stdout).toContain('SUCCESS: 4 rules found');
    expect(stdout).toContain('SUCCESS: 6 rules found');
  });

  it('fires the SLO alerts on the known traffic (promtool test rules: 17.5 ms P99, 99.8 % availability)', async () => {
    const { stdout } = await run('promtool', ['test', 'rules', 'tests/acgs-alerts.test.yml'], {
      cwd: at('prometheus'),
    });
    expect(stdout).toContain('SUCCESS');
  });

  it('scrapes every suite service on its port', async () => {
    const config = parseYaml(await readFile(at('prometheus', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    for (const service of suite) {
      const job = config.scrape_configs.find((j) => j.job_name === service.name);
      expect(job?.static_configs[0]?.targets).toEqual([`${service.name}:${service.port}`]);
    }
  });
});

describe('deploy/alertmanager', () => {
  it('passes amtool check-config', async () => {
    const { stdout } = await run('amtool', ['check-config', 'alertmanager.yml'], { cwd: at('alertmanager') });
    expect(stdout).toContain('SUCCESS');
  });

  it('routes critical alerts to the guide webhook and the status page, info only to the status page', async () => {
    const route = async (...labels: string[]) =>
      (
        await run('amtool', ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels], {
          cwd: at('alertmanager'),
        })
      ).stdout.trim();
    expect(await route('severity=critical', 'alertname=ServiceDown')).toBe('acgs-critical,acgs-status-page');
    expect(await route('severity=warning', 'alertname=P99LatencyAboveSLO')).toBe(
      'acgs-warning,acgs-status-page',
    );
    expect(await route('severity=info')).toBe('acgs-status-page');
  });
});

describe('deploy/grafana', () => {
  it('is valid dashboard JSON with request rate, P99, error rate and availability per service', async () => {
    const dashboard = JSON.parse(await readFile(at('grafana', 'dashboards', 'acgs-slo.json'), 'utf8')) as {
      uid: string;
      panels: { title: string; targets?: { expr: string }[] }[];
      templating: { list: { name: string }[] };
    };
    expect(dashboard.uid).toBe('acgs-suite-slo');
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['service']);
    const titles = dashboard.panels.map((p) => p.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Request rate (RPS)', 'P99 latency', 'Error rate (5xx)', 'Availability']),
    );
    // Every series a panel draws exists: recorded by the rules or scraped directly.
    const rules = await readFile(at('prometheus', 'rules', 'acgs-recording.yml'), 'utf8');
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        const metric = /^[a-z_:]+/.exec(target.expr)?.[0] ?? '';
        expect(
          metric.includes(':')
            ? rules.includes(`record: ${metric}`)
            : ['up', 'acgs_service_constitutional_compliant'].includes(metric),
          target.expr,
        ).toBe(true);
      }
    }
  });
});

describe('deploy/compose.yaml, Dockerfile and nginx', () => {
  it('runs every suite service on its port in dependency order', async () => {
    const compose = parseYaml(await readFile(at('compose.yaml'), 'utf8'), { merge: true }) as {
      services: Record<
        string,
        {
          ports?: string[];
          depends_on?: Record<string, { condition: string }>;
          build?: { args: { SERVICE: string } };
        }
      >;
    };
    for (const service of suite) {
      const entry = compose.services[service.name];
      expect(entry?.ports).toEqual([`127.0.0.1:${service.port}:${service.port}`]);
      expect(Object.keys(entry?.depends_on ?? {}).sort()).toEqual([...service.depends_on].sort());
    }
    expect(planWaves(suite.map((s) => ({ name: s.name, dependsOn: s.depends_on })))).toHaveLength(2);
  });

  it('builds any service from one multi-stage Dockerfile', async () => {
    const dockerfile = await readFile(at('docker', 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(3);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('sends each nginx upstream to a suite service on its port', async () => {
    const conf = await readFile(at('nginx', 'acgs-upstreams.conf'), 'utf8');
    const servers = [...conf.matchAll(/^\s*server ([a-z-]+):(\d+)/gm)].map((m) => [m[1], Number(m[2])]);
    expect(new Map(servers as [string, number][])).toEqual(suitePorts);
    expect(conf.split('{').length).toBe(conf.split('}').length);
  });
});
