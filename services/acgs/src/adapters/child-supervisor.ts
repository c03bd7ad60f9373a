import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** What to run: the command, its extra environment and where. */
export interface ChildSpec {
  readonly name: string;
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** The environment the child inherits besides `env` (passed in: adapters do not read process.env). */
  readonly baseEnv?: Readonly<Record<string, string | undefined>>;
}

export interface SupervisorOptions {
  /** First restart delay; doubled after each crash up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number; // 250 ms
  readonly maxBackoffMs?: number; // 30 s
  /** A child that ran at least this long before crashing restarts with the initial delay again. */
  readonly resetAfterMs?: number; // 10 s
  /** Grace period between SIGTERM and SIGKILL on stop. */
  readonly stopTimeoutMs?: number; // 10 s
  /** Where the child's stdout and stderr go (default: ignored). */
  readonly output?: Writable;
  readonly onEvent?: (event: SupervisorEvent) => void;
}

export type SupervisorEvent =
  | { readonly type: 'started'; readonly pid: number | undefined; readonly restarts: number }
  | { readonly type: 'exited'; readonly code: number | null; readonly signal: string | null }
  | { readonly type: 'restarting'; readonly delayMs: number; readonly restarts: number };

/**
 * Runs one child process and keeps it running: a child that exits while not being stopped is restarted
 * after an exponential backoff (250 ms, 500 ms, … up to 30 s), reset once a child stays up for a while.
 * `node` as the command means the Node binary running this process (same version, no PATH surprises).
 */
export class ChildSupervisor {
  private child: ChildProcess | undefined;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  private startedAt = 0;
  restarts = 0;

  constructor(
    readonly spec: ChildSpec,
    private readonly options: SupervisorOptions = {},
  ) {
    this.backoffMs = options.initialBackoffMs ?? 250;
  }

  /** Pid of the running child, if one runs. */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get running(): boolean {
    return this.pid !== undefined;
  }

  start(): void {
    this.stopping = false;
    this.launch();
  }

  private launch(): void {
    const [command, ...args] = this.spec.command;
    if (command === undefined) throw new Error(`${this.spec.name}: empty command`);
    const executable = command === 'node' ? process.execPath : command;
    const child = spawn(executable, args, {
      cwd: this.spec.cwd,
      env: { ...this.spec.baseEnv, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.startedAt = Date.now();
    if (this.options.output !== undefined) {
      child.stdout.pipe(this.options.output, { end: false });
      child.stderr.pipe(this.options.output, { end: false });
    } else {
      child.stdout.resume();
      child.stderr.resume();
    }
    child.once('error', () => {
      // A command that cannot be spawned exits too (code null): the exit handler schedules the retry.
    });
    child.once('exit', (code, signal) => {
      this.options.onEvent?.({ type: 'exited', code, signal });
      if (this.stopping) return;
      if (Date.now() - this.startedAt >= (this.options.resetAfterMs ?? 10_000)) {
        this.backoffMs = this.options.initialBackoffMs ?? 250;
      }
      const delayMs = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 30_000);
      this.restarts += 1;
      this.options.onEvent?.({ type: 'restarting', delayMs, restarts: this.restarts });
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.stopping) this.launch();
      }, delayMs);
    });
    this.options.onEvent?.({ type: 'started', pid: child.pid, restarts: this.restarts });
  }

  /** Stops the child: SIGTERM, then SIGKILL after the grace period. Never restarts it afterwards. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 10_000);
    try {
      await exited;
    } finally {
      clearTimeout(killer);
    }
  }
}
