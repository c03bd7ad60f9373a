import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { checkHealthHashText } from '../domain/constitution/index.js';
import type { ProbeSpec } from '../domain/config/index.js';

/** The answer of one probe. */
export interface ProbeResult {
  readonly healthy: boolean;
  /** HTTP status, for HTTP probes that got an answer. */
  readonly statusCode?: number | undefined;
  /** HTTP probes: /health carried exactly the hash; undefined for TCP/exec probes or no answer. */
  readonly hashValid?: boolean | undefined;
  readonly responseTimeMs: number;
  readonly message: string;
}

export interface ProbeTarget {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly probe: ProbeSpec;
}

async function httpProbe(target: ProbeTarget, hash: string, hashRequired: boolean): Promise<ProbeResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    const response = await fetch(`http://${target.host}:${target.port}${target.probe.path}`, {
      signal: AbortSignal.timeout(target.probe.timeout_ms),
    });
    const text = await response.text();
    const verdict = checkHealthHashText(text, hash);
    const hashValid = verdict.ok;
    const ok = response.ok && (hashValid || !hashRequired);
    let message = `HTTP ${response.status}`;
    if (!verdict.ok) message += `; ${verdict.message}`;
    return { healthy: ok, statusCode: response.status, hashValid, responseTimeMs: elapsed(), message };
  } catch (error) {
    return { healthy: false, responseTimeMs: elapsed(), message: `no answer: ${(error as Error).message}` };
  }
}

function tcpProbe(target: ProbeTarget): Promise<ProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: target.host, port: target.port });
    const done = (healthy: boolean, message: string) => {
      socket.destroy();
      resolve({ healthy, responseTimeMs: Math.round((performance.now() - started) * 100) / 100, message });
    };
    socket.setTimeout(target.probe.timeout_ms, () => done(false, 'TCP connect timed out'));
    socket.once('connect', () => done(true, `TCP ${target.host}:${target.port} accepts connections`));
    socket.once('error', (error) => done(false, `TCP connect failed: ${error.message}`));
  });
}

function execProbe(target: ProbeTarget, cwd: string): Promise<ProbeResult> {
  const started = performance.now();
  const [command, ...args] = target.probe.command;
  return new Promise((resolve) => {
    const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
    if (command === undefined) {
      resolve({ healthy: false, responseTimeMs: 0, message: 'exec probe has no command' });
      return;
    }
    const child = spawn(command, args, { cwd, stdio: 'ignore', timeout: target.probe.timeout_ms });
    child.once('error', (error) =>
      resolve({ healthy: false, responseTimeMs: elapsed(), message: `exec failed: ${error.message}` }),
    );
    child.once('exit', (code, signal) =>
      resolve({
        healthy: code === 0,
        responseTimeMs: elapsed(),
        message: code === 0 ? `${command} exited 0` : `${command} exited ${code ?? signal ?? '?'}`,
      }),
    );
  });
}

/**
 * Probes a service the way its kind demands: HTTP services answer `/health` with exactly the configured
 * hash (checkHealthHash: a substring or a differently named field is refused); PostgreSQL, Redis and other
 * non-HTTP services get a TCP connect or an exec command (`pg_isready`, `redis-cli ping`) — never HTTP.
 * With `hashRequired` false (constitutional validation disabled) a 2xx is enough, the verdict is still reported.
 */
export function probeService(
  target: ProbeTarget,
  hash: string,
  options: { hashRequired?: boolean; cwd?: string } = {},
): Promise<ProbeResult> {
  switch (target.probe.type) {
    case 'tcp':
      return tcpProbe(target);
    case 'exec':
      return execProbe(target, options.cwd ?? '.');
    case 'http':
      return httpProbe(target, hash, options.hashRequired ?? true);
  }
}
