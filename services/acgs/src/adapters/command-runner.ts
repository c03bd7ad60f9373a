import { execFile } from 'node:child_process';

/** The outcome of running a command with a deadline. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The command could not be started (not installed). */
  readonly missing: boolean;
}

/** Runs a command with a timeout; never throws. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: Readonly<Record<string, string | undefined>> },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
        env: options.env,
      },
      (error, stdout, stderr) => {
        const failure = error as
          (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        resolve({
          code: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut: failure?.killed === true,
          missing: failure?.code === 'ENOENT',
        });
      },
    );
  });
}
