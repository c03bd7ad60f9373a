import { FakeApiError } from './fake-apps-cluster.js';
import type { FakeAppsCluster, KubeObject } from './fake-apps-cluster.js';
import { parseLabelSelector } from './label-selector.js';

/**
 * core/v1 Services for the fake API server: stored objects with create / get / list / replace / delete,
 * a resourceVersion and a stable clusterIP — no endpoints or proxying (nothing runs behind them here).
 * Added so the Kubernetes driver's "apply Deployment + Service" is exercised against the fake too.
 */
export class FakeServiceStore {
  private readonly services = new Map<string, KubeObject>();
  private version = 0;
  private ipCounter = 10;

  constructor(private readonly cluster: FakeAppsCluster) {}

  private stamp(object: KubeObject): KubeObject {
    this.version += 1;
    object.metadata = { ...object.metadata, resourceVersion: `svc-${this.version}` };
    return object;
  }

  create(namespace: string, body: KubeObject): KubeObject {
    this.cluster.getNamespace(namespace); // 404 when the namespace does not exist
    const name = body.metadata?.name ?? '';
    if (name === '')
      throw new FakeApiError(422, 'Invalid', 'Service "" is invalid: metadata.name: Required value');
    const key = `${namespace}/${name}`;
    if (this.services.has(key))
      throw new FakeApiError(409, 'AlreadyExists', `services "${name}" already exists`);
    this.ipCounter += 1;
    const service = this.stamp({
      ...structuredClone(body),
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...body.metadata, namespace, uid: `svc-uid-${this.ipCounter}` },
      spec: { ...body.spec, clusterIP: `10.96.0.${this.ipCounter}` },
    });
    this.services.set(key, service);
    return structuredClone(service);
  }

  get(namespace: string, name: string): KubeObject {
    const service = this.services.get(`${namespace}/${name}`);
    if (service === undefined) throw new FakeApiError(404, 'NotFound', `services "${name}" not found`);
    return structuredClone(service);
  }

  list(namespace: string | undefined, labelSelector?: string): KubeObject[] {
    const match = parseLabelSelector(labelSelector);
    return [...this.services.values()]
      .filter(
        (s) =>
          (namespace === undefined || s.metadata?.namespace === namespace) && match(s.metadata?.labels ?? {}),
      )
      .map((s) => structuredClone(s));
  }

  replace(namespace: string, name: string, body: KubeObject): KubeObject {
    const live = this.get(namespace, name);
    const sent = body.metadata?.resourceVersion;
    if (sent !== undefined && sent !== live.metadata?.resourceVersion) {
      throw new FakeApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on services "${name}": the object has been modified`,
      );
    }
    const clusterIP = (live.spec as { clusterIP?: string } | undefined)?.clusterIP;
    const service = this.stamp({
      ...structuredClone(body),
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...body.metadata, namespace, uid: live.metadata?.uid },
      spec: { ...body.spec, clusterIP },
    });
    this.services.set(`${namespace}/${name}`, service);
    return structuredClone(service);
  }

  delete(namespace: string, name: string): Record<string, unknown> {
    this.get(namespace, name);
    this.services.delete(`${namespace}/${name}`);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, kind: 'services' },
    };
  }
}
