import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, startPostgres, startRedis } from '@svc/kernel/testing';
import type { TestPostgres, TestRedis } from '@svc/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeService } from '../src/adapters/service-probe.js';
import type { ProbeSpec } from '../src/domain/config/index.js';
import { HASH } from './support/test-context.js';

const probe = (type: ProbeSpec['type'], command: string[] = []): ProbeSpec => ({
  type,
  path: '/health',
  ready_path: '/ready',
  command,
  timeout_ms: 2000,
});

let postgres: TestPostgres;
let redis: TestRedis;
const bodies = new Map<number, string>();
const http = createServer((request, response) => {
  const port = (request.socket.address() as AddressInfo).port;
  response.writeHead(200, { 'content-type': 'application/json' }).end(bodies.get(port) ?? '{}');
});

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
  await new Promise((resolve) => http.close(resolve));
});

describe('probeService', () => {
  it('probes a real PostgreSQL and a real Redis over TCP, never HTTP', async () => {
    const pgPort = Number(new URL(postgres.url).port);
    const redisPort = Number(new URL(redis.url).port);
    const pgResult = await probeService(
      { name: 'postgres', host: '127.0.0.1', port: pgPort, probe: probe('tcp') },
      HASH,
    );
    expect(pgResult).toMatchObject({ healthy: true, message: `TCP 127.0.0.1:${pgPort} accepts connections` });
    expect(pgResult.statusCode).toBeUndefined();
    expect(
      (await probeService({ name: 'redis', host: '127.0.0.1', port: redisPort, probe: probe('tcp') }, HASH))
        .healthy,
    ).toBe(true);
    const closed = await freePort();
    expect(
      (await probeService({ name: 'gone', host: '127.0.0.1', port: closed, probe: probe('tcp') }, HASH))
        .healthy,
    ).toBe(false);
  });

  it('runs exec probes (pg_isready against the real PostgreSQL)', async () => {
    const url = new URL(postgres.url);
    const ready = await probeService(
      {
        name: 'postgres',
        host: '127.0.0.1',
        port: Number(url.port),
        probe: probe('exec', ['pg_isready', '-h', url.hostname, '-p', url.port]),
      },
      HASH,
    );
    expect(ready).toMatchObject({ healthy: true, message: 'pg_isready exited 0' });
    const down = await probeService(
      {
        name: 'postgres',
        host: '127.0.0.1',
        port: 1,
        probe: probe('exec', ['pg_isready', '-h', '127.0.0.1', '-p', String(await freePort())]),
      },
      HASH,
    );
    expect(down.healthy).toBe(false);
  });

  it('accepts /health only with exactly the hash in constitutional_hash', async () => {
    const port = (http.address() as AddressInfo).port;
    const target = { name: 'svc', host: '127.0.0.1', port, probe: probe('http') };
    const cases: [string, boolean][] = [
      [JSON.stringify({ constitutional_hash: HASH }), true],
      [JSON.stringify({ constitutional_hash: `${HASH} (v2)` }), false],
      [JSON.stringify({ 'constitutional.hash': HASH }), false],
      [`healthy ${HASH}`, false],
    ];
    const verdicts = [];
    for (const [body, expected] of cases) {
      bodies.set(port, body);
      const result = await probeService(target, HASH);
      verdicts.push([result.healthy, result.hashValid]);
      expect(result.healthy).toBe(expected);
    }
    expect(verdicts).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});
