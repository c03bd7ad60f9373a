import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeApiError, FakeAppsCluster } from './fake-apps-cluster.js';
import type { FakeClusterOptions, KubeObject } from './fake-apps-cluster.js';
import { FakeServiceStore } from './fake-core-services.js';

/**
 * An in-process HTTP server speaking enough of the Kubernetes API for the Kubernetes driver,
 * `@kubernetes/client-node` and `kubectl` (get, rollout status/history/undo): discovery (`/api`, `/apis`,
 * `/api/v1`, `/apis/apps/v1`, `/version`), Namespaces, Deployments (list, create, get, replace, patch,
 * delete, `/status`) and ReplicaSets (list, get), over plain HTTP on loopback with no authentication.
 */
export interface FakeApiServer {
  readonly url: string;
  readonly cluster: FakeAppsCluster;
  close(): Promise<void>;
}

const APPS_RESOURCES = [
  {
    name: 'deployments',
    singularName: 'deployment',
    namespaced: true,
    kind: 'Deployment',
    shortNames: ['deploy'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update'],
  },
  { name: 'deployments/status', singularName: '', namespaced: true, kind: 'Deployment', verbs: ['get'] },
  {
    name: 'replicasets',
    singularName: 'replicaset',
    namespaced: true,
    kind: 'ReplicaSet',
    shortNames: ['rs'],
    verbs: ['get', 'list'],
  },
];
const CORE_RESOURCES = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    shortNames: ['ns'],
    verbs: ['create', 'get', 'list'],
  },
  {
    name: 'services',
    singularName: 'service',
    namespaced: true,
    kind: 'Service',
    shortNames: ['svc'],
    verbs: ['create', 'delete', 'get', 'list', 'update'],
  },
];

function list(kind: string, apiVersion: string, items: KubeObject[]): KubeObject {
  return { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: '' }, items };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FakeApiError(
      400,
      'BadRequest',
      'the request body is not JSON (this fake API server speaks JSON only)',
    );
  }
}

type ApiBody = Record<string, unknown>;
type Handler = (
  match: RegExpExecArray,
  request: IncomingMessage,
  body: unknown,
  query: URLSearchParams,
) => ApiBody | [number, ApiBody];

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: Handler;
}

function routes(cluster: FakeAppsCluster, serverUrl: () => string): Route[] {
  const services = new FakeServiceStore(cluster);
  const ns = '([a-z0-9-]+)';
  const name = '([a-z0-9.-]+)';
  const object = (body: unknown): KubeObject => {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new FakeApiError(400, 'BadRequest', 'expected a JSON object');
    return body as KubeObject;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/version$/,
      handle: () => ({ major: '1', minor: '30', gitVersion: 'v1.30.0-acgs-fake', platform: 'linux/amd64' }),
    },
    {
      method: 'GET',
      pattern: /^\/api$/,
      handle: () => ({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: new URL(serverUrl()).host }],
      }),
    },
    {
      method: 'GET',
      pattern: /^\/apis$/,
      handle: () => ({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
          },
        ],
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1$/,
      handle: () => ({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'v1',
        resources: CORE_RESOURCES,
      }),
    },
    {
      method: 'GET',
      pattern: /^\/apis\/apps\/v1$/,
      handle: () => ({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'apps/v1',
        resources: APPS_RESOURCES,
      }),
    },

    {
      method: 'GET',
      pattern: /^\/api\/v1\/namespaces$/,
      handle: (_m, _r, _b, q) =>
        list('Namespace', 'v1', cluster.listNamespaces(q.get('labelSelector') ?? undefined)),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/namespaces$/,
      handle: (_m, _r, body) => [201, cluster.createNamespace(object(body))],
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/namespaces/${name}$`),
      handle: (m) => cluster.getNamespace(m[1] ?? ''),
    },

    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/namespaces/${ns}/services$`),
      handle: (m, _r, _b, q) =>
        list('Service', 'v1', services.list(m[1], q.get('labelSelector') ?? undefined)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/v1/namespaces/${ns}/services$`),
      handle: (m, _r, body) => [201, services.create(m[1] ?? '', object(body))],
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/namespaces/${ns}/services/${name}$`),
      handle: (m) => services.get(m[1] ?? '', m[2] ?? ''),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/api/v1/namespaces/${ns}/services/${name}$`),
      handle: (m, _r, body) => services.replace(m[1] ?? '', m[2] ?? '', object(body)),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/api/v1/namespaces/${ns}/services/${name}$`),
      handle: (m) => services.delete(m[1] ?? '', m[2] ?? ''),
    },
    {
      method: 'GET',
      pattern: /^\/apis\/apps\/v1\/deployments$/,
      handle: (_m, _r, _b, q) =>
        list(
          'Deployment',
          'apps/v1',
          cluster.listDeployments(undefined, q.get('labelSelector') ?? undefined),
        ),
    },
    {
      method: 'GET',
      pattern: /^\/apis\/apps\/v1\/replicasets$/,
      handle: (_m, _r, _b, q) =>
        list(
          'ReplicaSet',
          'apps/v1',
          cluster.listReplicaSets(undefined, q.get('labelSelector') ?? undefined),
        ),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments$`),
      handle: (m, _r, _b, q) =>
        list('Deployment', 'apps/v1', cluster.listDeployments(m[1], q.get('labelSelector') ?? undefined)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments$`),
      handle: (m, _r, body) => [201, cluster.createDeployment(m[1] ?? '', object(body))],
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments/${name}(?:/status)?$`),
      handle: (m) => cluster.getDeployment(m[1] ?? '', m[2] ?? ''),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments/${name}$`),
      handle: (m, _r, body) => cluster.replaceDeployment(m[1] ?? '', m[2] ?? '', object(body)),
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments/${name}$`),
      handle: (m, request, body) =>
        cluster.patchDeployment(m[1] ?? '', m[2] ?? '', body, request.headers['content-type'] ?? ''),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/deployments/${name}$`),
      handle: (m) => cluster.deleteDeployment(m[1] ?? '', m[2] ?? ''),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/replicasets$`),
      handle: (m, _r, _b, q) =>
        list('ReplicaSet', 'apps/v1', cluster.listReplicaSets(m[1], q.get('labelSelector') ?? undefined)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/apis/apps/v1/namespaces/${ns}/replicasets/${name}$`),
      handle: (m) => cluster.getReplicaSet(m[1] ?? '', m[2] ?? ''),
    },
  ];
}

/** `?fieldSelector=metadata.name=x,metadata.namespace=y` (the only fields kubectl selects on here). */
function fieldFilter(selector: string | null): (object: KubeObject) => boolean {
  if (selector === null || selector === '') return () => true;
  const terms = selector.split(',').map((term) => {
    const [field = '', value = ''] = term.split(/==?/);
    return { field, value };
  });
  return (object) =>
    terms.every(({ field, value }) => {
      if (field === 'metadata.name') return object.metadata?.name === value;
      if (field === 'metadata.namespace') return object.metadata?.namespace === value;
      throw new FakeApiError(400, 'BadRequest', `field label not supported: ${field}`);
    });
}

function filterList(result: ApiBody, query: URLSearchParams): ApiBody {
  if (!Array.isArray(result['items'])) return result;
  const keep = fieldFilter(query.get('fieldSelector'));
  return { ...result, items: (result['items'] as KubeObject[]).filter(keep) };
}

/**
 * `?watch=true`: a stream of newline-separated `{type, object}` events. The controller here is driven by
 * reads and the clock, so the watch polls its list every 100 ms and sends ADDED / MODIFIED / DELETED for
 * whatever changed, until `timeoutSeconds` (default 30 s) or the client leaves.
 */
function streamWatch(
  response: ServerResponse,
  request: IncomingMessage,
  snapshot: () => KubeObject[],
  timeoutSeconds: number,
): void {
  response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  const seen = new Map<string, string>();
  const tick = () => {
    const items = snapshot();
    const present = new Set<string>();
    for (const item of items) {
      const uid = item.metadata?.uid ?? '';
      present.add(uid);
      const version = item.metadata?.resourceVersion ?? '';
      const before = seen.get(uid);
      if (before !== version) {
        response.write(
          `${JSON.stringify({ type: before === undefined ? 'ADDED' : 'MODIFIED', object: item })}\n`,
        );
        seen.set(uid, version);
      }
    }
    for (const uid of [...seen.keys()]) {
      if (!present.has(uid)) {
        response.write(`${JSON.stringify({ type: 'DELETED', object: { metadata: { uid } } })}\n`);
        seen.delete(uid);
      }
    }
  };
  tick();
  const interval = setInterval(tick, 100);
  const stop = () => {
    clearInterval(interval);
    clearTimeout(timer);
    response.end();
  };
  const timer = setTimeout(stop, timeoutSeconds * 1000);
  request.on('close', stop);
}

function send(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Starts the fake API server on a free loopback port.
 *
 * @example const api = await startFakeApiServer(); // kubectl --server api.url get deploy -A
 */
export async function startFakeApiServer(
  options: FakeClusterOptions & { cluster?: FakeAppsCluster } = {},
): Promise<FakeApiServer> {
  const cluster = options.cluster ?? new FakeAppsCluster(options);
  let url = '';
  const table = routes(cluster, () => url);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parsed = new URL(request.url ?? '/', 'http://fake');
    const candidates = table.filter((r) => r.pattern.test(parsed.pathname));
    try {
      if (candidates.length === 0)
        throw new FakeApiError(
          404,
          'NotFound',
          `the server could not find the requested resource (${parsed.pathname})`,
        );
      const route = candidates.find((r) => r.method === request.method);
      if (route === undefined)
        throw new FakeApiError(
          405,
          'MethodNotAllowed',
          `the server does not allow this method on the requested resource`,
        );
      const body = await readBody(request);
      const match = route.pattern.exec(parsed.pathname) as RegExpExecArray;
      const query = parsed.searchParams;
      const watch = query.get('watch');
      if (request.method === 'GET' && (watch === 'true' || watch === '1')) {
        const snapshot = () => {
          const result = route.handle(match, request, undefined, query);
          const listed = filterList(Array.isArray(result) ? result[1] : result, query);
          return Array.isArray(listed['items']) ? (listed['items'] as KubeObject[]) : [listed];
        };
        snapshot(); // surface errors (404, bad selector) before the stream starts
        streamWatch(response, request, snapshot, Number(query.get('timeoutSeconds') ?? '30'));
        return;
      }
      const result = route.handle(match, request, body, query);
      const [code, payload] = Array.isArray(result) ? result : [200, result];
      send(response, code, filterList(payload, query));
    } catch (error) {
      const apiError =
        error instanceof FakeApiError ? error : new FakeApiError(400, 'BadRequest', (error as Error).message);
      send(response, apiError.code, apiError.toStatus());
    }
  };
  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    cluster,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
