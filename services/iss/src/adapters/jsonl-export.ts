import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';

/**
 * Writes lines to `path` as JSONL (temp file + fsync-on-close + rename, so a reader never sees a
 * half-written export). Used to export the PostgreSQL chain and descriptors in the file format
 * `iss verify` checks. Returns the number of lines.
 */
export async function exportJsonl(lines: AsyncIterable<string>, path: string): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, { flush: true });
  let n = 0;
  for await (const line of lines) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    n += 1;
  }
  out.end();
  await once(out, 'finish');
  await rename(tmp, path);
  return n;
}
