import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { KeyObject } from 'node:crypto';
import { verifyChain, type ChainReport, type TrustedCheckpoint } from '../domain/chain-verifier.js';
import { verifyCheckpoint } from '../domain/checkpoint.js';
import { pulseSchemaViolation } from '../domain/pulse-record.js';
import { descriptorRecordSchemaViolation } from '../domain/spice-descriptor.js';
import { loadCheckpointNote } from './checkpoint-file.js';

/** What was found about the saved checkpoint. */
export interface CheckpointCheck {
  present: boolean;
  /** null when no public key was given to check it with. */
  signature_ok: boolean | null;
  size: number | null;
  root: string | null;
  reason: string | null;
}

/** Full integrity report over both logs. */
export interface StorageReport {
  ok: boolean;
  chain: ChainReport;
  descriptors: ChainReport;
  checkpoint: CheckpointCheck;
  /** Bytes after the last newline of glyph_chain.jsonl (a crash mid-write; cut at next start). */
  torn_tail_bytes: number;
}

/** Lines of a JSONL file, streamed; a missing file has none. Bytes after the last newline are left out. */
export async function completeLines(path: string): Promise<{ lines: AsyncIterable<string>; tornBytes: number }> {
  let end: number;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      // Find the last newline, scanning back from the end in small steps.
      end = 0;
      const buf = Buffer.alloc(4096);
      for (let pos = size; pos > 0; ) {
        const from = Math.max(0, pos - buf.length);
        await handle.read(buf, 0, pos - from, from);
        const nl = buf.subarray(0, pos - from).lastIndexOf(0x0a);
        if (nl >= 0) {
          end = from + nl + 1;
          break;
        }
        pos = from;
      }
      const tornBytes = size - end;
      if (end === 0) return { lines: (async function* () {})(), tornBytes };
      const last = end - 1;
      // Created lazily: a readline interface made before its consumer starts would drop lines.
      const lines = (async function* () {
        yield* createInterface({ input: createReadStream(path, { start: 0, end: last }), crlfDelay: Infinity });
      })();
      return { lines, tornBytes };
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: (async function* () {})(), tornBytes: 0 };
    throw err;
  }
}

/** Checks a signed note; returns the trusted head when its signature verifies. */
export function checkCheckpoint(note: string | null, publicKey: KeyObject | undefined): { check: CheckpointCheck; trusted?: TrustedCheckpoint } {
  if (note === null) return { check: { present: false, signature_ok: null, size: null, root: null, reason: null } };
  if (!publicKey) {
    return { check: { present: true, signature_ok: null, size: null, root: null, reason: 'no public key to check the checkpoint with' } };
  }
  const v = verifyCheckpoint(note, publicKey);
  if (!v.ok) return { check: { present: true, signature_ok: false, size: null, root: null, reason: v.reason } };
  return {
    check: { present: true, signature_ok: true, size: v.head.size, root: v.head.root, reason: null },
    trusted: { size: v.head.size, root: v.head.root },
  };
}

/**
 * Verifies chain and descriptor lines (from files or a database export) and the saved checkpoint.
 * A checkpoint whose signature does not verify makes the report fail: it means tampering too.
 */
export async function verifyStorageLines(input: {
  chainLines: AsyncIterable<string> | Iterable<string>;
  descriptorLines: AsyncIterable<string> | Iterable<string>;
  checkpointNote: string | null;
  publicKey?: KeyObject | undefined;
  tornBytes?: number;
}): Promise<StorageReport> {
  const { check, trusted } = checkCheckpoint(input.checkpointNote, input.publicKey);
  const chain = await verifyChain(
    input.chainLines,
    trusted ? { schemaViolation: pulseSchemaViolation, checkpoint: trusted } : { schemaViolation: pulseSchemaViolation },
  );
  const descriptors = await verifyChain(input.descriptorLines, { schemaViolation: descriptorRecordSchemaViolation });
  return {
    ok: chain.ok && descriptors.ok && check.signature_ok !== false,
    chain,
    descriptors,
    checkpoint: check,
    torn_tail_bytes: input.tornBytes ?? 0,
  };
}

/**
 * Offline verification of the file layout (what `iss verify --dir` runs): STORAGE_PATH's
 * glyph_chain.jsonl and checkpoint.note, SPICE_STORAGE_PATH's spice_descriptors.jsonl.
 * Memory stays flat: both logs are streamed.
 */
export async function verifyStorageFiles(options: {
  storagePath: string;
  spicePath: string;
  publicKey?: KeyObject | undefined;
}): Promise<StorageReport> {
  const chain = await completeLines(join(options.storagePath, 'glyph_chain.jsonl'));
  const descriptors = await completeLines(join(options.spicePath, 'spice_descriptors.jsonl'));
  return verifyStorageLines({
    chainLines: chain.lines,
    descriptorLines: descriptors.lines,
    checkpointNote: await loadCheckpointNote(options.storagePath),
    publicKey: options.publicKey,
    tornBytes: chain.tornBytes,
  });
}
