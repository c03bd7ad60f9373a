import { mkdir, readFile, rename, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { FsBlockstore } from 'blockstore-fs';
import type { CheckResult } from '@svc/kernel';
import { CID } from 'multiformats/cid';
import { rawCid, type ContentStore } from './content-store.js';

/**
 * L3 without an IPFS node: a content-addressed blockstore on disk (`blockstore-fs`, the layout IPFS
 * implementations use) under `<dir>/blocks`, and the question → answer index as one small file per
 * question under `<dir>/index`, written atomically (temp file + rename).
 */
export class LocalContentStore implements ContentStore {
  readonly kind = 'local';
  private readonly blocks: FsBlockstore;
  private readonly indexDir: string;
  private opened: Promise<void> | undefined;

  constructor(private readonly directory: string) {
    this.blocks = new FsBlockstore(join(directory, 'blocks'));
    this.indexDir = join(directory, 'index');
  }

  private open(): Promise<void> {
    this.opened ??= (async () => {
      await this.blocks.open();
      await mkdir(this.indexDir, { recursive: true });
    })();
    return this.opened;
  }

  async putBlock(bytes: Uint8Array): Promise<CID> {
    await this.open();
    const cid = await rawCid(bytes);
    await this.blocks.put(cid, bytes);
    return cid;
  }

  async getBlock(cid: CID): Promise<Uint8Array | undefined> {
    await this.open();
    if (!(await this.blocks.has(cid))) return undefined;
    return this.blocks.get(cid);
  }

  async writeIndex(key: string, target: CID): Promise<void> {
    await this.open();
    const file = join(this.indexDir, key);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, target.toString());
    await rename(temp, file);
  }

  async readIndex(key: string): Promise<CID | undefined> {
    await this.open();
    try {
      return CID.parse((await readFile(join(this.indexDir, key), 'utf8')).trim());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async check(): Promise<CheckResult> {
    try {
      await this.open();
      await access(this.indexDir, constants.W_OK);
      return { status: 'ok', backend: 'local', directory: this.directory };
    } catch (error) {
      return { status: 'degraded', backend: 'local', error: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    if (this.opened !== undefined) {
      await this.opened.catch(() => undefined);
      await this.blocks.close();
    }
  }
}
