import type { ProbeSpec, ProductionConfig, ServiceSpec } from '../config/index.js';
import { HASH_LABEL } from '../constitution/index.js';

/** A Kubernetes object as plain JSON (what the client library and the fake API server exchange). */
export type ManifestObject = Record<string, unknown>;

/** The image a service runs when its config names none (built by deploy/docker/Dockerfile). */
export function defaultImage(service: ServiceSpec): string {
  return `acgs-suite/${service.name}:${service.version}`;
}

function probe(spec: ProbeSpec, path: string, port: number): Record<string, unknown> {
  const timeoutSeconds = Math.max(1, Math.ceil(spec.timeout_ms / 1000));
  if (spec.type === 'tcp') return { tcpSocket: { port }, timeoutSeconds };
  if (spec.type === 'exec') return { exec: { command: [...spec.command] }, timeoutSeconds };
  return { httpGet: { path, port }, timeoutSeconds };
}

/**
 * The Deployment for a service: replicas from its tier, resources from its size, liveness on the health
 * path and readiness on the ready path (or TCP/exec probes), the constitutional hash as label on the
 * object and the pod template and as `CONSTITUTIONAL_HASH` in the environment (the kernel puts it in
 * `/health`). Deterministic: the same config gives the same template, so an unchanged service makes no
 * new revision.
 */
export function deploymentManifest(service: ServiceSpec, config: ProductionConfig): ManifestObject {
  const hash = config.constitutional_validation.hash;
  const labels = {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': 'acgs-suite',
    [HASH_LABEL]: hash,
  };
  const resources = config.resources[service.size];
  const env = { ...service.env, PORT: String(service.port), HOST: '0.0.0.0', CONSTITUTIONAL_HASH: hash };
  const [command, ...args] = service.command;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: service.name,
      namespace: config.namespace,
      labels: { ...labels },
      annotations: { 'kubernetes.io/change-cause': `acgs deploy ${service.name} ${service.version}` },
    },
    spec: {
      replicas: config.replicas[service.tier],
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: config.deployment.progress_deadline_seconds,
      selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: service.name,
              image: service.image ?? defaultImage(service),
              ...(command === undefined ? {} : { command: [command], args }),
              ports: [{ name: 'http', containerPort: service.port, protocol: 'TCP' }],
              env: Object.entries(env)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([name, value]) => ({ name, value })),
              resources: {
                requests: { cpu: resources.cpu, memory: resources.memory },
                limits: { cpu: resources.cpu_limit, memory: resources.memory_limit },
              },
              livenessProbe: {
                ...probe(service.probe, service.probe.path, service.port),
                periodSeconds: 10,
                failureThreshold: 3,
              },
              readinessProbe: {
                ...probe(service.probe, service.probe.ready_path, service.port),
                periodSeconds: 5,
                failureThreshold: 2,
              },
            },
          ],
        },
      },
    },
  };
}

/** The ClusterIP Service in front of a service's pods. */
export function serviceManifest(service: ServiceSpec, config: ProductionConfig): ManifestObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: service.name,
      namespace: config.namespace,
      labels: {
        'app.kubernetes.io/name': service.name,
        'app.kubernetes.io/part-of': 'acgs-suite',
        [HASH_LABEL]: config.constitutional_validation.hash,
      },
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': service.name },
      ports: [{ name: 'http', port: service.port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

/** The Namespace of the guide, labelled with the hash. */
export function namespaceManifest(config: ProductionConfig): ManifestObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: config.namespace,
      labels: {
        'app.kubernetes.io/part-of': 'acgs-suite',
        [HASH_LABEL]: config.constitutional_validation.hash,
      },
    },
  };
}
