import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainStore, DescriptorStore } from '../domain/storage-ports.js';
import { loadCheckpointKey, type CheckpointKey } from './checkpoint-key.js';
import { loadCheckpointNote } from './checkpoint-file.js';
import { FileChainStore } from './file-chain-store.js';
import { IntegrityMonitor } from './integrity-monitor.js';
import { openPostgresStores } from './postgres-store.js';
import { FileSpiceStore } from './spice-store.js';
import { verifyStorageFiles, verifyStorageLines, type StorageReport } from './storage-verifier.js';
import { VaultReader } from './vault-reader.js';

/** The settings the stores need (a subset of the service config). */
export interface StoreSettings {
  NODE_ID: string;
  STORAGE_PATH: string;
  SPICE_STORAGE_PATH: string;
  MATRIX_ROOT: string;
  SECRET_KEY: string;
  CHECKPOINT_KEY_FILE: string;
  DATABASE_URL: string;
}

/** Everything the routes use, whichever backend holds the data. */
export interface IssStores {
  mode: 'files' | 'postgres';
  chain: ChainStore;
  descriptors: DescriptorStore;
  vaults: VaultReader;
  key: CheckpointKey;
  storagePath: string;
  /** Full verification of both logs and the saved checkpoint. */
  verify(): Promise<StorageReport>;
  integrity: IntegrityMonitor;
  /** Pulses acknowledged by the audit log but missing from the chain file (files mode), else null. */
  regression(): { audited_size: number; chain_size: number } | null;
  close(): Promise<void>;
}

const PG_REVERIFY_MS = 30_000; // a database has no mtime: re-verify at most this often

/** Opens PostgreSQL stores when DATABASE_URL is set, the JSONL files otherwise. */
export async function openStores(settings: StoreSettings): Promise<IssStores> {
  const key = await loadCheckpointKey({ keyFile: settings.CHECKPOINT_KEY_FILE || undefined, secretKey: settings.SECRET_KEY || undefined });
  // An ephemeral key cannot check notes signed before a restart, so it checks none.
  const publicKey = key.source === 'ephemeral' ? undefined : key.publicKey;
  const vaults = new VaultReader(settings.MATRIX_ROOT);

  if (settings.DATABASE_URL) {
    const pg = await openPostgresStores({ url: settings.DATABASE_URL, nodeId: settings.NODE_ID });
    const verify = async (): Promise<StorageReport> =>
      verifyStorageLines({
        chainLines: pg.chain.lines(),
        descriptorLines: pg.descriptors.lines(),
        checkpointNote: await loadCheckpointNote(settings.STORAGE_PATH),
        publicKey,
      });
    const fingerprint = async () =>
      `${await pg.chain.size()}:${await pg.descriptors.count()}:${Math.floor(Date.now() / PG_REVERIFY_MS)}`;
    return {
      mode: 'postgres',
      chain: pg.chain,
      descriptors: pg.descriptors,
      vaults,
      key,
      storagePath: settings.STORAGE_PATH,
      verify,
      integrity: new IntegrityMonitor(fingerprint, verify),
      regression: () => null,
      close: () => pg.close(),
    };
  }

  const chain = await FileChainStore.open({ dir: settings.STORAGE_PATH, nodeId: settings.NODE_ID });
  const descriptors = await FileSpiceStore.open({ dir: settings.SPICE_STORAGE_PATH, forensicDir: settings.STORAGE_PATH });
  const verify = () => verifyStorageFiles({ storagePath: settings.STORAGE_PATH, spicePath: settings.SPICE_STORAGE_PATH, publicKey });
  const files = [
    join(settings.STORAGE_PATH, 'glyph_chain.jsonl'),
    join(settings.SPICE_STORAGE_PATH, 'spice_descriptors.jsonl'),
    join(settings.STORAGE_PATH, 'checkpoint.note'),
  ];
  const fingerprint = async () => {
    const parts = await Promise.all(
      files.map(async (f) => {
        try {
          const s = await stat(f, { bigint: true });
          return `${s.size}:${s.mtimeNs}:${s.ino}`;
        } catch {
          return 'absent';
        }
      }),
    );
    return parts.join('|');
  };
  return {
    mode: 'files',
    chain,
    descriptors,
    vaults,
    key,
    storagePath: settings.STORAGE_PATH,
    verify,
    integrity: new IntegrityMonitor(fingerprint, verify),
    regression: () => chain.regression,
    async close() {
      await chain.close();
      await descriptors.close();
    },
  };
}
