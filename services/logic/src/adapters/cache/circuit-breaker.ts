/**
 * Skips a backend for a cool-down after it failed, so a dead IPFS node costs one short timeout
 * every few seconds instead of one per request.
 */
export class CircuitBreaker {
  private openUntil = 0;
  private lastErrorMessage: string | undefined;

  constructor(
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while calls should be skipped. */
  get open(): boolean {
    return this.now() < this.openUntil;
  }

  get lastError(): string | undefined {
    return this.lastErrorMessage;
  }

  failure(error: unknown): void {
    this.lastErrorMessage = error instanceof Error ? error.message : String(error);
    this.openUntil = this.now() + this.cooldownMs;
  }

  success(): void {
    this.openUntil = 0;
    this.lastErrorMessage = undefined;
  }
}

/** Rejects when `promise` has not settled within `ms`; the timer never keeps the process alive. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
