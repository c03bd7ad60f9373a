import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { VaultPointer } from '../domain/audit-trail.js';

/** The three vaults under MATRIX_ROOT. */
export const VAULTS = ['apriori', 'aposteriori', 'trace'] as const;
/** One of {@link VAULTS}. */
export type VaultName = (typeof VAULTS)[number];

/** Status of one vault file. */
export interface VaultStatus {
  vault: VaultName;
  path: string;
  present: boolean;
  entries: number;
  bytes: number;
  modified: string | null;
  /** Lines that were not JSON objects. */
  unparseable_lines: number;
}

interface Loaded {
  size: number;
  mtimeMs: number;
  byRef: Map<string, unknown>;
  entries: number;
  bad: number;
}

/** Fields an entry may name itself by, in order of preference. */
const KEY_FIELDS = ['ref', 'id', 'key', 'name'];

/**
 * Read-only access to MATRIX_ROOT/{apriori,aposteriori,trace}_vault.jsonl (the memory_matrix may be
 * mounted read-only). Files are only ever opened for reading (createReadStream with flags 'r'),
 * never created, locked or written. An entry is a JSON object per line, found by its `ref`, `id`,
 * `key` or `name` field; a missing vault is reported, not created. Contents are cached and reloaded
 * when the file's size or mtime changes.
 */
export class VaultReader {
  private readonly cache = new Map<VaultName, Loaded | null>();

  constructor(readonly root: string) {}

  /** Path of a vault file. */
  pathOf(vault: VaultName): string {
    return join(this.root, `${vault}_vault.jsonl`);
  }

  /** The entry named `ref` in `vault`, or undefined. */
  async lookup(vault: VaultName, ref: string): Promise<unknown> {
    return (await this.load(vault))?.byRef.get(ref);
  }

  /** Resolves a descriptor's a-priori and a-posteriori refs into vault pointers. */
  async resolvePointers(aprioriRefs: readonly string[], aposterioriRefs: readonly string[]): Promise<VaultPointer[]> {
    const out: VaultPointer[] = [];
    for (const [vault, refs] of [['apriori', aprioriRefs], ['aposteriori', aposterioriRefs]] as const) {
      for (const ref of refs) {
        const entry = await this.lookup(vault, ref);
        out.push({ ref, vault, found: entry !== undefined, entry: entry ?? null });
      }
    }
    return out;
  }

  /** Status of every vault. */
  async status(): Promise<VaultStatus[]> {
    const out: VaultStatus[] = [];
    for (const vault of VAULTS) {
      const path = this.pathOf(vault);
      const loaded = await this.load(vault);
      let modified: string | null = null;
      if (loaded) modified = new Date(loaded.mtimeMs).toISOString();
      out.push({
        vault,
        path,
        present: loaded !== null,
        entries: loaded?.entries ?? 0,
        bytes: loaded?.size ?? 0,
        modified,
        unparseable_lines: loaded?.bad ?? 0,
      });
    }
    return out;
  }

  private async load(vault: VaultName): Promise<Loaded | null> {
    const path = this.pathOf(vault);
    let info;
    try {
      info = await stat(path);
    } catch {
      this.cache.set(vault, null);
      return null;
    }
    const cached = this.cache.get(vault);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached;
    const loaded: Loaded = { size: info.size, mtimeMs: info.mtimeMs, byRef: new Map(), entries: 0, bad: 0 };
    const rl = createInterface({ input: createReadStream(path, { flags: 'r' }), crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.trim().length === 0) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        loaded.bad += 1;
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        loaded.bad += 1;
        continue;
      }
      loaded.entries += 1;
      const obj = value as Record<string, unknown>;
      const keyField = KEY_FIELDS.find((k) => typeof obj[k] === 'string');
      if (keyField) loaded.byRef.set(obj[keyField] as string, value);
    }
    this.cache.set(vault, loaded);
    return loaded;
  }
}
