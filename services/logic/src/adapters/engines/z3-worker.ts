import { parentPort } from 'node:worker_threads';
import { init, type Context } from 'z3-solver';

/** Worker entry for the Z3 engine: checks SMT-LIB scripts; Z3 (WASM) is loaded once per worker. */
export interface Z3Job {
  readonly scripts: readonly string[];
  readonly timeoutMs: number;
}

export interface Z3Answer {
  readonly answers: readonly ('sat' | 'unsat' | 'unknown')[];
  readonly reason?: string;
}

type Z3 = Awaited<ReturnType<typeof init>>;
let z3: Promise<Z3> | undefined;
let context: Context<'logic'> | undefined;

async function check(job: Z3Job): Promise<Z3Answer> {
  z3 ??= init();
  const api = await z3;
  context ??= new api.Context('logic');
  const ctx = context;
  const answers: ('sat' | 'unsat' | 'unknown')[] = [];
  let reason: string | undefined;
  for (const script of job.scripts) {
    const solver = new ctx.Solver();
    solver.set('timeout', Math.max(1, job.timeoutMs));
    solver.fromString(script);
    const answer = await solver.check();
    answers.push(answer);
    if (answer === 'unknown') reason = solver.reasonUnknown();
    // Stop early: later scripts only refine an unsat answer.
    if (answer !== 'unsat') break;
  }
  return reason === undefined ? { answers } : { answers, reason };
}

parentPort?.on('message', ({ id, message }: { id: number; message: Z3Job }) => {
  check(message).then(
    (result) => parentPort?.postMessage({ id, result }),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
