import { templateKey } from '../../domain/revisions/index.js';
import { mergePatch, jsonPatch } from './object-patch.js';
import { parseLabelSelector, selectorFromSpec } from './label-selector.js';

/**
 * The state and controller of an in-memory Kubernetes "cluster" that knows Namespaces, apps/v1
 * Deployments and their ReplicaSets — with the Deployment controller's real revision semantics, because
 * no API server can run on this machine and the Kubernetes driver must be tested against something that
 * behaves like one:
 *
 * - one ReplicaSet per distinct pod template, named `<deployment>-<pod-template-hash>`;
 * - annotation `deployment.kubernetes.io/revision` on the ReplicaSets and the Deployment; a template
 *   seen before gets its ReplicaSet back with a NEW number (the old one is kept in
 *   `deployment.kubernetes.io/revision-history`), exactly what `kubectl rollout undo` relies on;
 * - `metadata.generation` bumped on spec changes, `status.observedGeneration`, replica counts, and the
 *   Available / Progressing conditions with reasons NewReplicaSetAvailable, ReplicaSetUpdated and
 *   ProgressDeadlineExceeded (after `spec.progressDeadlineSeconds` on the injected clock).
 *
 * Pods are not simulated one by one: `podsBecomeReady(template)` decides whether a template's pods ever
 * get ready (a crash-looping image never does), and `rolloutMs` how long a good rollout takes.
 */

export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  [key: string]: unknown;
}

/** An API error as the server answers it: a `Status` object with an HTTP code and a reason. */
export class FakeApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason:
      | 'NotFound'
      | 'AlreadyExists'
      | 'Conflict'
      | 'Invalid'
      | 'BadRequest'
      | 'MethodNotAllowed'
      | 'UnsupportedMediaType',
    message: string,
  ) {
    super(message);
    this.name = 'FakeApiError';
  }

  /** The `Status` body a real API server sends. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
  }
}

export interface FakeClusterOptions {
  /** Clock in epoch ms (tests pass a controllable one). */
  readonly now?: () => number;
  /** Whether pods of this template ever become ready. Default: always. */
  readonly podsBecomeReady?: (template: KubeObject) => boolean;
  /** How long a good rollout takes before its pods are ready. Default 0. */
  readonly rolloutMs?: number;
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
const HASH_LABEL = 'pod-template-hash';

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Kubernetes renders the hash in a consonant-heavy alphabet so it never spells words; base-36 will do.
  return hash.toString(36).padStart(7, '0');
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * Drops nulls and empty objects/lists before comparing templates. Go clients (kubectl) re-serialize a
 * template with `creationTimestamp: null` and `resources: {}`; a real API server compares templates
 * after defaulting, so those spellings must count as the same template.
 */
function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const pruned = pruneEmpty(child);
      if (pruned === null || pruned === undefined) continue;
      if (Array.isArray(pruned) && pruned.length === 0) continue;
      if (typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue;
      out[key] = pruned;
    }
    return out;
  }
  return value;
}

/** The identity of a pod template, as the Deployment controller compares them. */
const podTemplateKey = (template: unknown): string => templateKey(pruneEmpty(template));
const metaOf = (object: KubeObject): ObjectMeta => (object.metadata ??= {});
const revisionOf = (object: KubeObject): number =>
  Number(object.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0');

function withoutHashLabel(template: KubeObject): KubeObject {
  const copy = clone(template);
  const labels = copy.metadata?.labels;
  if (labels !== undefined) delete labels[HASH_LABEL];
  return copy;
}

interface RolloutClock {
  /** When the current template's rollout started (epoch ms). */
  startedAt: number;
  /** Key of the template that rollout is for. */
  key: string;
}

export class FakeAppsCluster {
  private resourceVersion = 0;
  private uidCounter = 0;
  private readonly namespaces = new Map<string, KubeObject>();
  private readonly deployments = new Map<string, KubeObject>();
  private readonly replicaSets = new Map<string, KubeObject>();
  private readonly rollouts = new Map<string, RolloutClock>();
  private readonly now: () => number;
  private readonly podsBecomeReady: (template: KubeObject) => boolean;
  private readonly rolloutMs: number;

  constructor(options: FakeClusterOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.podsBecomeReady = options.podsBecomeReady ?? (() => true);
    this.rolloutMs = options.rolloutMs ?? 0;
  }

  // ---- bookkeeping ---------------------------------------------------------------------------------

  private stamp(object: KubeObject, isNew: boolean): void {
    const meta = metaOf(object);
    this.resourceVersion += 1;
    meta.resourceVersion = String(this.resourceVersion);
    if (isNew) {
      this.uidCounter += 1;
      meta.uid = `00000000-0000-4000-8000-${String(this.uidCounter).padStart(12, '0')}`;
      meta.creationTimestamp = new Date(Math.floor(this.now() / 1000) * 1000)
        .toISOString()
        .replace('.000Z', 'Z');
    }
  }

  private requireNamespace(namespace: string): void {
    if (!this.namespaces.has(namespace))
      throw new FakeApiError(404, 'NotFound', `namespaces "${namespace}" not found`);
  }

  // ---- namespaces ----------------------------------------------------------------------------------

  createNamespace(body: KubeObject): KubeObject {
    const name = body.metadata?.name;
    if (name === undefined || name === '')
      throw new FakeApiError(422, 'Invalid', 'Namespace "" is invalid: metadata.name: Required value');
    if (this.namespaces.has(name))
      throw new FakeApiError(409, 'AlreadyExists', `namespaces "${name}" already exists`);
    const namespace: KubeObject = {
      ...clone(body),
      apiVersion: 'v1',
      kind: 'Namespace',
      status: { phase: 'Active' },
    };
    this.stamp(namespace, true);
    this.namespaces.set(name, namespace);
    return clone(namespace);
  }

  getNamespace(name: string): KubeObject {
    const namespace = this.namespaces.get(name);
    if (namespace === undefined) throw new FakeApiError(404, 'NotFound', `namespaces "${name}" not found`);
    return clone(namespace);
  }

  listNamespaces(labelSelector?: string): KubeObject[] {
    const match = parseLabelSelector(labelSelector);
    return [...this.namespaces.values()].filter((n) => match(n.metadata?.labels ?? {})).map(clone);
  }

  // ---- deployments ---------------------------------------------------------------------------------

  private validateDeployment(body: KubeObject, name: string): void {
    const spec = body.spec as { selector?: unknown; template?: KubeObject } | undefined;
    const problems: string[] = [];
    if (spec?.selector === undefined) problems.push('spec.selector: Required value');
    if (spec?.template === undefined) problems.push('spec.template: Required value');
    const labels = spec?.template?.metadata?.labels ?? {};
    if (spec?.selector !== undefined && !selectorFromSpec(spec.selector)(labels)) {
      problems.push(
        'spec.template.metadata.labels: Invalid value: `selector` does not match template `labels`',
      );
    }
    if (problems.length > 0)
      throw new FakeApiError(422, 'Invalid', `Deployment.apps "${name}" is invalid: ${problems.join(', ')}`);
  }

  createDeployment(namespace: string, body: KubeObject): KubeObject {
    this.requireNamespace(namespace);
    const name = body.metadata?.name ?? '';
    if (name === '')
      throw new FakeApiError(422, 'Invalid', 'Deployment.apps "" is invalid: metadata.name: Required value');
    const key = `${namespace}/${name}`;
    if (this.deployments.has(key))
      throw new FakeApiError(409, 'AlreadyExists', `deployments.apps "${name}" already exists`);
    this.validateDeployment(body, name);
    const deployment: KubeObject = { ...clone(body), apiVersion: 'apps/v1', kind: 'Deployment' };
    const meta = metaOf(deployment);
    meta.namespace = namespace;
    meta.generation = 1;
    deployment.spec = {
      replicas: 1,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      ...deployment.spec,
    };
    deployment.status = {};
    this.stamp(deployment, true);
    this.deployments.set(key, deployment);
    this.reconcile(key);
    return this.getDeployment(namespace, name);
  }

  private existing(namespace: string, name: string): KubeObject {
    const deployment = this.deployments.get(`${namespace}/${name}`);
    if (deployment === undefined)
      throw new FakeApiError(404, 'NotFound', `deployments.apps "${name}" not found`);
    return deployment;
  }

  /** Reads a Deployment, after letting the controller catch up with the clock. */
  getDeployment(namespace: string, name: string): KubeObject {
    this.existing(namespace, name);
    this.reconcile(`${namespace}/${name}`);
    return clone(this.existing(namespace, name));
  }

  listDeployments(namespace: string | undefined, labelSelector?: string): KubeObject[] {
    const match = parseLabelSelector(labelSelector);
    return [...this.deployments.keys()]
      .filter((key) => namespace === undefined || key.startsWith(`${namespace}/`))
      .map((key) => {
        this.reconcile(key);
        return clone(this.deployments.get(key) as KubeObject);
      })
      .filter((d) => match(d.metadata?.labels ?? {}));
  }

  /** PUT: replaces metadata labels/annotations and spec; status is the server's. Optimistic concurrency on resourceVersion. */
  replaceDeployment(namespace: string, name: string, body: KubeObject): KubeObject {
    const current = this.existing(namespace, name);
    if (body.metadata?.name !== undefined && body.metadata.name !== name) {
      throw new FakeApiError(
        400,
        'BadRequest',
        `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const sentVersion = body.metadata?.resourceVersion;
    if (
      sentVersion !== undefined &&
      sentVersion !== '' &&
      sentVersion !== current.metadata?.resourceVersion
    ) {
      throw new FakeApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on deployments.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    this.validateDeployment(body, name);
    const meta = metaOf(current);
    const spec = { replicas: 1, progressDeadlineSeconds: 600, revisionHistoryLimit: 10, ...body.spec };
    const specChanged = podTemplateKey(spec) !== podTemplateKey(current.spec);
    const next: KubeObject = {
      ...clone(body),
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        ...clone(body.metadata ?? {}),
        name,
        namespace,
        uid: meta.uid,
        creationTimestamp: meta.creationTimestamp,
        generation: (meta.generation ?? 1) + (specChanged ? 1 : 0),
        annotations: {
          ...(body.metadata?.annotations ?? {}),
          // The controller owns the revision annotation; a client cannot set it.
          ...(meta.annotations?.[REVISION_ANNOTATION] === undefined
            ? {}
            : { [REVISION_ANNOTATION]: meta.annotations[REVISION_ANNOTATION] }),
        },
      },
      spec,
      status: current.status,
    };
    this.stamp(next, false);
    this.deployments.set(`${namespace}/${name}`, next);
    this.reconcile(`${namespace}/${name}`);
    return this.getDeployment(namespace, name);
  }

  /** PATCH with a merge patch (also used for strategic merge) or a JSON patch. */
  patchDeployment(namespace: string, name: string, patch: unknown, contentType: string): KubeObject {
    const current = clone(this.existing(namespace, name));
    let patched: unknown;
    try {
      if (contentType.startsWith('application/json-patch+json'))
        patched = jsonPatch(current, patch as Parameters<typeof jsonPatch>[1]);
      else if (
        contentType.startsWith('application/merge-patch+json') ||
        contentType.startsWith('application/strategic-merge-patch+json')
      ) {
        patched = mergePatch(current, patch);
      } else {
        throw new FakeApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
        );
      }
    } catch (error) {
      if (error instanceof FakeApiError) throw error;
      throw new FakeApiError(422, 'Invalid', `invalid patch: ${(error as Error).message}`);
    }
    const body = patched as KubeObject;
    if (body.metadata !== undefined) delete body.metadata.resourceVersion;
    return this.replaceDeployment(namespace, name, body);
  }

  /** Deletes a Deployment and (like foreground/background cascading) the ReplicaSets it owns. */
  deleteDeployment(namespace: string, name: string): Record<string, unknown> {
    const deployment = this.existing(namespace, name);
    const uid = deployment.metadata?.uid;
    for (const [key, rs] of this.replicaSets) {
      if (rs.metadata?.ownerReferences?.some((o) => o.uid === uid) === true) this.replicaSets.delete(key);
    }
    this.deployments.delete(`${namespace}/${name}`);
    this.rollouts.delete(`${namespace}/${name}`);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, group: 'apps', kind: 'deployments', uid },
    };
  }

  // ---- replica sets --------------------------------------------------------------------------------

  listReplicaSets(namespace: string | undefined, labelSelector?: string): KubeObject[] {
    for (const key of this.deployments.keys()) this.reconcile(key);
    const match = parseLabelSelector(labelSelector);
    return [...this.replicaSets.entries()]
      .filter(([key]) => namespace === undefined || key.startsWith(`${namespace}/`))
      .map(([, rs]) => clone(rs))
      .filter((rs) => match(rs.metadata?.labels ?? {}))
      .sort((a, b) => revisionOf(a) - revisionOf(b));
  }

  getReplicaSet(namespace: string, name: string): KubeObject {
    for (const key of this.deployments.keys()) this.reconcile(key);
    const rs = this.replicaSets.get(`${namespace}/${name}`);
    if (rs === undefined) throw new FakeApiError(404, 'NotFound', `replicasets.apps "${name}" not found`);
    return clone(rs);
  }

  // ---- the deployment controller -------------------------------------------------------------------

  private owned(deployment: KubeObject): KubeObject[] {
    const uid = deployment.metadata?.uid;
    return [...this.replicaSets.values()].filter(
      (rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.controller === true) === true,
    );
  }

  /** Brings one Deployment's ReplicaSets, annotations and status in line with its spec and the clock. */
  private reconcile(key: string): void {
    const deployment = this.deployments.get(key);
    if (deployment === undefined) return;
    const meta = metaOf(deployment);
    const namespace = meta.namespace ?? '';
    const name = meta.name ?? '';
    const spec = deployment.spec as {
      replicas: number;
      progressDeadlineSeconds: number;
      revisionHistoryLimit: number;
      template: KubeObject;
    };
    const template = spec.template;
    const templateText = podTemplateKey(template);
    const owned = this.owned(deployment);
    const maxRevision = owned.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
    let current = owned.find(
      (rs) =>
        podTemplateKey(withoutHashLabel((rs.spec as { template: KubeObject }).template)) === templateText,
    );
    let changed = false;

    if (current === undefined) {
      const hash = fnv1a(templateText);
      const rsTemplate = clone(template);
      const rsTemplateMeta = metaOf(rsTemplate);
      rsTemplateMeta.labels = { ...(rsTemplateMeta.labels ?? {}), [HASH_LABEL]: hash };
      current = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-${hash}`,
          namespace,
          labels: { ...(rsTemplateMeta.labels ?? {}) },
          annotations: {
            [REVISION_ANNOTATION]: String(maxRevision + 1),
            'deployment.kubernetes.io/desired-replicas': String(spec.replicas),
          },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name, uid: meta.uid ?? '', controller: true },
          ],
        },
        spec: {
          replicas: 0,
          selector: {
            matchLabels: {
              ...((deployment.spec?.['selector'] as { matchLabels?: Record<string, string> } | undefined)
                ?.matchLabels ?? {}),
              [HASH_LABEL]: hash,
            },
          },
          template: rsTemplate,
        },
        status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
      };
      this.stamp(current, true);
      this.replicaSets.set(`${namespace}/${current.metadata?.name ?? ''}`, current);
      changed = true;
    } else if (revisionOf(current) !== maxRevision) {
      // An older template is back (apply or undo): its ReplicaSet gets the next number; the old one is history.
      const annotations = (metaOf(current).annotations ??= {});
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      const old = annotations[REVISION_ANNOTATION] ?? '';
      annotations[REVISION_HISTORY_ANNOTATION] =
        history === undefined || history === '' ? old : `${history},${old}`;
      annotations[REVISION_ANNOTATION] = String(maxRevision + 1);
      this.stamp(current, false);
      changed = true;
    }

    const rollout = this.rollouts.get(key);
    if (changed || rollout === undefined || rollout.key !== templateText) {
      this.rollouts.set(key, { startedAt: this.now(), key: templateText });
    }
    const started = (this.rollouts.get(key) as RolloutClock).startedAt;
    const elapsed = this.now() - started;
    const goodTemplate = this.podsBecomeReady(template);
    const newReady = goodTemplate && elapsed >= this.rolloutMs;
    const desired = spec.replicas;

    // Scale: the new ReplicaSet gets every replica; old ones drain once the new pods are ready
    // (maxUnavailable 0: while the new pods are not ready the old ones keep serving).
    let oldReady = 0;
    for (const rs of this.owned(deployment)) {
      const rsSpec = rs.spec as { replicas: number };
      const rsStatus = (rs.status ??= {}) as {
        replicas: number;
        readyReplicas: number;
        availableReplicas: number;
      };
      const before = templateKey([rsSpec.replicas, rsStatus]);
      if (rs === current) {
        rsSpec.replicas = desired;
        const ready = newReady ? desired : 0;
        Object.assign(rsStatus, {
          replicas: desired,
          readyReplicas: ready,
          availableReplicas: ready,
          observedGeneration: 1,
        });
      } else {
        const keep = newReady ? 0 : (rsStatus.readyReplicas ?? 0);
        rsSpec.replicas = keep;
        Object.assign(rsStatus, {
          replicas: keep,
          readyReplicas: keep,
          availableReplicas: keep,
          observedGeneration: 1,
        });
        oldReady += keep;
      }
      if (templateKey([rsSpec.replicas, rsStatus]) !== before) this.stamp(rs, false);
    }

    // Old ReplicaSets beyond revisionHistoryLimit (scaled to zero) are garbage-collected, oldest first.
    const old = this.owned(deployment)
      .filter((rs) => rs !== current && (rs.spec as { replicas: number }).replicas === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of old.slice(0, Math.max(0, old.length - spec.revisionHistoryLimit))) {
      this.replicaSets.delete(`${namespace}/${rs.metadata?.name ?? ''}`);
    }

    const rsName = current.metadata?.name ?? '';
    const updatedReady = newReady ? desired : 0;
    const available = updatedReady + oldReady;
    const deadlineExceeded = !newReady && elapsed > spec.progressDeadlineSeconds * 1000;
    const transition = new Date(started).toISOString();
    const progressing = newReady
      ? {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
        }
      : deadlineExceeded
        ? {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "${rsName}" has timed out progressing.`,
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${rsName}" is progressing.`,
          };
    const availableCondition =
      available >= desired
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          };
    const status = {
      observedGeneration: meta.generation ?? 1,
      replicas: desired + oldReady,
      updatedReplicas: desired,
      readyReplicas: available,
      availableReplicas: available,
      ...(desired + oldReady - available > 0 ? { unavailableReplicas: desired + oldReady - available } : {}),
      conditions: [
        { ...availableCondition, lastUpdateTime: transition, lastTransitionTime: transition },
        { ...progressing, lastUpdateTime: transition, lastTransitionTime: transition },
      ],
    };
    const annotations = (meta.annotations ??= {});
    const revision = String(revisionOf(current));
    if (
      templateKey(status) !== templateKey(deployment.status) ||
      annotations[REVISION_ANNOTATION] !== revision
    ) {
      annotations[REVISION_ANNOTATION] = revision;
      deployment.status = status;
      this.stamp(deployment, false);
    }
  }
}
