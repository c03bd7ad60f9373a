import { setTimeout as sleep } from 'node:timers/promises';
import { ApiException, AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { V1Deployment, V1Service } from '@kubernetes/client-node';
import type { CommandContext } from '../../commands/command-context.js';
import type { ProductionConfig, ServiceSpec } from '../../domain/config/index.js';
import { deploymentManifest, namespaceManifest, serviceManifest } from '../../domain/manifests/index.js';
import { templateKey } from '../../domain/revisions/index.js';
import type { ReadyResult, ServiceRuntime } from '../service-runtime.js';
import { rolloutState } from './rollout-status.js';

/** The pod template of a Deployment: what a Kubernetes revision is. */
export type PodTemplate = Record<string, unknown>;

/** Annotation carrying the key of the template acgs applied, to tell "already running" without a diff. */
export const TEMPLATE_KEY_ANNOTATION = 'acgs.io/template-key';

const notFound = (error: unknown) => error instanceof ApiException && error.code === 404;

/**
 * The Kubernetes driver's runtime, through @kubernetes/client-node 1.4.0: apply creates or replaces the
 * Deployment (with the revision's pod template) and its Service; readiness is the rollout status read
 * from the Deployment's conditions — complete on NewReplicaSetAvailable with every replica updated and
 * available, failed at once on ProgressDeadlineExceeded; rollback replaces the template with the target
 * revision's (the API server then makes it a new revision, as `kubectl rollout undo` does).
 */
export class KubernetesRuntime implements ServiceRuntime<PodTemplate> {
  readonly kind = 'kubernetes' as const;
  private readonly apps: AppsV1Api;
  private readonly core: CoreV1Api;
  private namespaceReady = false;

  constructor(
    config: KubeConfig,
    private readonly production: ProductionConfig,
    private readonly pollIntervalMs: number,
  ) {
    this.apps = config.makeApiClient(AppsV1Api);
    this.core = config.makeApiClient(CoreV1Api);
  }

  private get namespace(): string {
    return this.production.namespace;
  }

  templateFor(service: ServiceSpec): PodTemplate {
    const manifest = deploymentManifest(service, this.production) as { spec: { template: PodTemplate } };
    return manifest.spec.template;
  }

  private async ensureNamespace(): Promise<void> {
    if (this.namespaceReady) return;
    try {
      await this.core.readNamespace({ name: this.namespace });
    } catch (error) {
      if (!notFound(error)) throw error;
      await this.core.createNamespace({ body: namespaceManifest(this.production) });
    }
    this.namespaceReady = true;
  }

  async run(service: ServiceSpec, template: PodTemplate): Promise<void> {
    await this.ensureNamespace();
    const manifest = deploymentManifest(service, this.production) as unknown as V1Deployment & {
      spec: { template: unknown };
    };
    manifest.spec.template = template;
    manifest.metadata = {
      ...manifest.metadata,
      annotations: { ...manifest.metadata?.annotations, [TEMPLATE_KEY_ANNOTATION]: templateKey(template) },
    };
    const name = service.name;
    try {
      const live = await this.apps.readNamespacedDeployment({ name, namespace: this.namespace });
      manifest.metadata.resourceVersion = live.metadata?.resourceVersion;
      await this.apps.replaceNamespacedDeployment({ name, namespace: this.namespace, body: manifest });
    } catch (error) {
      if (!notFound(error)) throw error;
      await this.apps.createNamespacedDeployment({ namespace: this.namespace, body: manifest });
    }
    await this.applyService(service);
  }

  private async applyService(service: ServiceSpec): Promise<void> {
    const body = serviceManifest(service, this.production) as V1Service;
    try {
      const live = await this.core.readNamespacedService({ name: service.name, namespace: this.namespace });
      body.metadata = { ...body.metadata, resourceVersion: live.metadata?.resourceVersion };
      body.spec = { ...body.spec, clusterIP: live.spec?.clusterIP };
      await this.core.replaceNamespacedService({ name: service.name, namespace: this.namespace, body });
    } catch (error) {
      if (!notFound(error)) throw error;
      await this.core.createNamespacedService({ namespace: this.namespace, body });
    }
  }

  async isRunning(service: ServiceSpec, template: PodTemplate): Promise<boolean> {
    try {
      const live = await this.apps.readNamespacedDeployment({
        name: service.name,
        namespace: this.namespace,
      });
      return live.metadata?.annotations?.[TEMPLATE_KEY_ANNOTATION] === templateKey(template);
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async remove(service: ServiceSpec): Promise<void> {
    for (const remove of [
      () => this.apps.deleteNamespacedDeployment({ name: service.name, namespace: this.namespace }),
      () => this.core.deleteNamespacedService({ name: service.name, namespace: this.namespace }),
    ]) {
      try {
        await remove();
      } catch (error) {
        if (!notFound(error)) throw error;
      }
    }
  }

  async waitReady(service: ServiceSpec, timeoutMs: number): Promise<ReadyResult> {
    const deadline = Date.now() + timeoutMs;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const live = await this.apps.readNamespacedDeployment({
        name: service.name,
        namespace: this.namespace,
      });
      const state = rolloutState(live);
      if (state.done || state.failed) return { healthy: state.done, attempts, message: state.message };
      if (Date.now() + this.pollIntervalMs > deadline) {
        return {
          healthy: false,
          attempts,
          message: `rollout not complete after ${timeoutMs} ms: ${state.message}`,
        };
      }
      await sleep(this.pollIntervalMs);
    }
  }

  async close(): Promise<void> {
    // The client keeps no connections open between requests.
  }
}

/** A KubeConfig for ACGS_KUBE_SERVER (plain URL, no auth: e.g. a local proxy) or else the default (KUBECONFIG, in-cluster). */
export function kubeConfigFor(env: Readonly<Record<string, string | undefined>>): KubeConfig {
  const config = new KubeConfig();
  const server = env['ACGS_KUBE_SERVER'];
  if (server !== undefined && server !== '') {
    config.loadFromOptions({
      clusters: [{ name: 'acgs', server, skipTLSVerify: true }],
      users: [{ name: 'acgs' }],
      contexts: [{ name: 'acgs', cluster: 'acgs', user: 'acgs' }],
      currentContext: 'acgs',
    });
  } else {
    config.loadFromDefault();
  }
  return config;
}

/** The runtime for a command context. */
export function kubernetesRuntime(ctx: CommandContext): Promise<KubernetesRuntime> {
  return Promise.resolve(
    new KubernetesRuntime(
      kubeConfigFor(ctx.env),
      ctx.config.production,
      ctx.config.production.deployment.health_poll_interval_ms,
    ),
  );
}
