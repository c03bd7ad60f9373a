import { spawn } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acgsCommand } from '../../adapters/acgs-entry.js';
import { writeFileAtomic } from '../../adapters/atomic-file.js';
import { waitUntilHealthy } from '../../adapters/health-gate.js';
import { probeService } from '../../adapters/service-probe.js';
import type { ProbeResult } from '../../adapters/service-probe.js';
import type { ServiceSpec } from '../../domain/config/index.js';
import { localTemplate } from '../../domain/manifests/index.js';
import type { LocalTemplate } from '../../domain/manifests/index.js';
import { templateKey } from '../../domain/revisions/index.js';
import type { ReadyResult, ServiceRuntime } from '../service-runtime.js';

export interface LocalRuntimeOptions {
  /** State directory: supervisor records in `local/`, service logs in `logs/`. */
  readonly stateDir: string;
  /** Working directory of service commands (the repository root for the suite). */
  readonly cwd: string;
  readonly constitutionalHash: string;
  /** False when constitutional validation is disabled: a 2xx /health is then enough. */
  readonly hashRequired: boolean;
  /** Environment children inherit (passed in from the CLI). */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  readonly pollIntervalMs: number;
  /** Where services listen; probes go there. */
  readonly host?: string;
}

interface SupervisorRecord {
  readonly pid: number;
  readonly key: string;
  readonly startedAt: string;
}

/** True while a process with this pid exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The local driver's runtime: every service runs under its own detached supervisor process
 * (`acgs supervise`), which restarts a crashed service with backoff and outlives the `acgs deploy` that
 * started it. The supervisor's pid and the running template's key are recorded in
 * `<stateDir>/local/<service>.json`; replacing a revision stops the old supervisor (SIGTERM: it stops its
 * child first) before starting the new one on the same port.
 */
export class LocalRuntime implements ServiceRuntime<LocalTemplate> {
  readonly kind = 'local' as const;

  constructor(private readonly options: LocalRuntimeOptions) {}

  private recordPath(name: string): string {
    return join(this.options.stateDir, 'local', `${name}.json`);
  }

  private async record(name: string): Promise<SupervisorRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.recordPath(name), 'utf8')) as SupervisorRecord;
    } catch {
      return undefined;
    }
  }

  templateFor(service: ServiceSpec): LocalTemplate {
    return localTemplate(service, this.options.constitutionalHash);
  }

  async isRunning(service: ServiceSpec, template: LocalTemplate): Promise<boolean> {
    const record = await this.record(service.name);
    return record !== undefined && record.key === templateKey(template) && processAlive(record.pid);
  }

  async run(service: ServiceSpec, template: LocalTemplate): Promise<void> {
    await this.stop(service.name);
    const logs = join(this.options.stateDir, 'logs');
    await mkdir(logs, { recursive: true });
    const log = await open(join(logs, `${service.name}.log`), 'a');
    const [executable, ...args] = acgsCommand();
    try {
      const child = spawn(executable as string, [...args, 'supervise'], {
        cwd: this.options.cwd,
        detached: true,
        stdio: ['ignore', log.fd, log.fd],
        env: {
          ...this.options.baseEnv,
          ACGS_SUPERVISE_SPEC: JSON.stringify({
            name: service.name,
            command: template.command,
            env: template.env,
            cwd: this.options.cwd,
          }),
        },
      });
      child.unref();
      if (child.pid === undefined) throw new Error(`${service.name}: could not start its supervisor`);
      await writeFileAtomic(
        this.recordPath(service.name),
        JSON.stringify({ pid: child.pid, key: templateKey(template), startedAt: new Date().toISOString() }),
      );
    } finally {
      await log.close();
    }
  }

  /** Stops a service's supervisor (and with it the service); waits until it is gone. */
  async stop(name: string): Promise<void> {
    const record = await this.record(name);
    if (record === undefined) return;
    if (processAlive(record.pid)) {
      process.kill(record.pid, 'SIGTERM');
      const deadline = Date.now() + 15_000;
      while (processAlive(record.pid) && Date.now() < deadline) await sleep(50);
      if (processAlive(record.pid)) {
        try {
          process.kill(-record.pid, 'SIGKILL'); // the supervisor's whole process group
        } catch {
          // already gone
        }
      }
    }
    await rm(this.recordPath(name), { force: true });
  }

  async remove(service: ServiceSpec): Promise<void> {
    await this.stop(service.name);
  }

  probe(service: ServiceSpec): Promise<ProbeResult> {
    return probeService(
      {
        name: service.name,
        host: this.options.host ?? '127.0.0.1',
        port: service.port,
        probe: service.probe,
      },
      this.options.constitutionalHash,
      { hashRequired: this.options.hashRequired, cwd: this.options.cwd },
    );
  }

  async waitReady(service: ServiceSpec, timeoutMs: number): Promise<ReadyResult> {
    const gate = await waitUntilHealthy(() => this.probe(service), {
      timeoutMs,
      intervalMs: this.options.pollIntervalMs,
      // The old revision was stopped before this one started, so a wrong hash comes from the new process.
      definitiveFailure: (result) =>
        result.hashValid === false && result.statusCode !== undefined && result.statusCode < 400,
      alive: async () => {
        const record = await this.record(service.name);
        return record !== undefined && processAlive(record.pid);
      },
    });
    return {
      healthy: gate.healthy,
      attempts: gate.attempts,
      statusCode: gate.last?.statusCode,
      hashValid: gate.last?.hashValid,
      message: gate.last?.message ?? 'not probed',
    };
  }

  /** Stops every service this state directory records (`acgs down`, test cleanup). */
  async stopAll(names: readonly string[]): Promise<void> {
    for (const name of [...names].reverse()) await this.stop(name);
  }

  async close(): Promise<void> {
    // Supervisors are detached on purpose: they keep the services running after the CLI exits.
  }
}
