import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'kernel:metrics:request';
const RESPONSE = 'kernel:metrics:response';

interface MetricsRequest {
  type: typeof REQUEST;
  id: string;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: string;
  text?: string;
  error?: string;
}

/** In the primary: answers a worker's request for the metrics of all workers, summed. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker: Worker, message: unknown) => {
    const request = message as Partial<MetricsRequest>;
    if (request.type !== REQUEST || typeof request.id !== 'string') return;
    const id = request.id;
    aggregator
      .clusterMetrics()
      .then((text) => worker.send({ type: RESPONSE, id, text } satisfies MetricsResponse))
      .catch((error: Error) =>
        worker.send({ type: RESPONSE, id, error: error.message } satisfies MetricsResponse),
      );
  });
}

/** In a worker: lets the primary collect this registry when any worker asks for the cluster view. */
export function shareWorkerRegistry(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  // prom-client installs a worker's answering listener only when an AggregatorRegistry is constructed.
  new AggregatorRegistry();
}

/**
 * The metrics text a scrape should see: every worker's, aggregated by the primary, when running
 * under node:cluster; this process's own otherwise (or if the primary does not answer in time).
 */
export async function scrapeMetrics(registry: Registry, timeoutMs = 3_000): Promise<string> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return registry.metrics();
  const id = randomUUID();
  const aggregated = await new Promise<string | undefined>((resolve) => {
    const onMessage = (message: unknown) => {
      const response = message as Partial<MetricsResponse>;
      if (response.type !== RESPONSE || response.id !== id) return;
      cleanup();
      resolve(response.text);
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve(undefined);
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    send({ type: REQUEST, id } satisfies MetricsRequest);
  });
  return aggregated ?? registry.metrics();
}
