import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File (in STORAGE_PATH) holding the latest signed checkpoint note. */
export const CHECKPOINT_FILE = 'checkpoint.note';

/**
 * Saves a signed checkpoint note as STORAGE_PATH/checkpoint.note (temp + rename), unless the saved
 * one already covers a larger tree. `iss verify` checks the chain against it, which is how a
 * truncated tail or a rewritten file is caught offline.
 */
export async function saveCheckpointNote(dir: string, note: string, size: number): Promise<void> {
  const existing = await loadCheckpointNote(dir);
  if (existing && noteSize(existing) > size) return;
  const path = join(dir, CHECKPOINT_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, note, { flush: true });
  await rename(tmp, path);
}

/** The saved note, or null when there is none. */
export async function loadCheckpointNote(dir: string): Promise<string | null> {
  try {
    return await readFile(join(dir, CHECKPOINT_FILE), 'utf8');
  } catch {
    return null;
  }
}

function noteSize(note: string): number {
  const size = Number(note.split('\n')[1]);
  return Number.isFinite(size) ? size : -1;
}
