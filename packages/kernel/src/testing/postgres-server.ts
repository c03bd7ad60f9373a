import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgresql://… of a database no other test uses. */
  readonly url: string;
  /** Stops the cluster this helper started, or drops the database it created on DATABASE_URL. */
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` system user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function createDatabaseOn(sharedUrl: string): Promise<TestPostgres> {
  const name = `test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: sharedUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: sharedUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts a throw-away PostgreSQL cluster (`initdb` + `postgres` from PATH) on a free loopback port,
 * or creates a fresh database on `DATABASE_URL` when that is set. Call `stop()` in `afterAll`.
 *
 * @example
 * const db = await startPostgres();
 * const client = new pg.Client({ connectionString: db.url });
 */
export async function startPostgres(): Promise<TestPostgres> {
  const shared = process.env['DATABASE_URL'];
  if (shared) return createDatabaseOn(shared);

  const dir = mkdtempSync(join(tmpdir(), 'kernel-pg-'));
  const dataDir = join(dir, 'data');
  if (process.getuid?.() === 0) chownSync(dir, ...postgresIds());
  const [initCmd, initArgs] = asPostgresUser('initdb', [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  await run(initCmd, initArgs);
  const port = await freePort();
  const [cmd, args] = asPostgresUser('postgres', [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(`postgres on port ${port}`, async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  });
  return {
    url,
    async stop() {
      // Immediate shutdown: the cluster is thrown away anyway. pg_ctl signals the postmaster itself,
      // which a signal to `runuser` would not reach.
      if (child.exitCode === null) {
        const [stopCmd, stopArgs] = asPostgresUser('pg_ctl', [
          'stop',
          '-D',
          dataDir,
          '-m',
          'immediate',
          '-w',
        ]);
        await run(stopCmd, stopArgs).catch(() => child.kill('SIGKILL'));
      }
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** uid and gid of the `postgres` system user that Debian's server package creates. */
function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}
