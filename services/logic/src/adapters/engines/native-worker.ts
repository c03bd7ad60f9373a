import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { Problem } from '../../domain/formula.js';
import { LogicError } from '../../errors.js';
import { proveNative } from '../../domain/prover/native-prover.js';

/** Worker entry for the native engine: one proof per message, with a cooperative deadline. */
interface NativeJob {
  readonly problem: Problem;
  readonly timeoutMs: number;
  readonly maxClauses?: number;
}

parentPort?.on('message', ({ id, message }: { id: number; message: NativeJob }) => {
  try {
    const result = proveNative(message.problem, {
      timeoutMs: message.timeoutMs,
      now: () => performance.now(),
      ...(message.maxClauses === undefined ? {} : { maxClauses: message.maxClauses }),
    });
    parentPort?.postMessage({ id, result });
  } catch (error) {
    const code = error instanceof LogicError ? error.code : undefined;
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error), code });
  }
});
