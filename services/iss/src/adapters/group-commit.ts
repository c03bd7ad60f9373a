interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive while a batch is being made durable wait and go into the next
 * single batch (one write + fsync, or one transaction), at most `maxBatch` at a time. Each request
 * resolves with its own item of the batch, or every request of a failed batch rejects.
 */
export class GroupCommit<T> {
  private queue: Waiter<T>[] = [];
  private flushing = false;

  constructor(
    private readonly writeBatch: (count: number) => Promise<T[]>,
    private readonly maxBatch: number,
  ) {}

  submit(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Resolves once every submitted request has been written (or failed). */
  async drained(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const written = await this.writeBatch(batch.length);
          batch.forEach((w, i) => w.resolve(written[i] as T));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
