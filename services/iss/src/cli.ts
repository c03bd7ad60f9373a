#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Command } from 'commander';
import { loadCheckpointKey } from './adapters/checkpoint-key.js';
import { verifyStorageFiles, verifyStorageLines, type StorageReport } from './adapters/storage-verifier.js';
import { loadCheckpointNote } from './adapters/checkpoint-file.js';
import type { SnapshotFolders } from './adapters/snapshot.js';
import { ISS_DEFAULTS } from './storage-defaults.js';

// The HTTP service (kernel, fastify, pg, ...) is imported only by the commands that need it: loading
// it costs ~55 MB of RSS, which `iss verify` (budget: flat, under 100 MB on a 1M-record chain) must
// not pay.
const config = async () => (await import('./app.js')).issService.loadConfig();

async function folders(): Promise<SnapshotFolders> {
  const c = await config();
  return { storagePath: c.STORAGE_PATH, spicePath: c.SPICE_STORAGE_PATH, matrixRoot: c.MATRIX_ROOT };
}

/** `--dir DIR`: DIR is a STORAGE_PATH itself (holds glyph_chain.jsonl) or the guide's base folder. */
function dirsFrom(dir: string): { storagePath: string; spicePath: string } {
  if (existsSync(join(dir, 'glyph_chain.jsonl'))) {
    return { storagePath: dir, spicePath: existsSync(join(dir, 'spice_descriptors.jsonl')) ? dir : join(dir, '..', 'spice_layer') };
  }
  return { storagePath: join(dir, 'forensic_logs'), spicePath: join(dir, 'spice_layer') };
}

/** The variables `iss verify` reads. */
interface VerifySettings {
  NODE_ID: string;
  STORAGE_PATH: string;
  SPICE_STORAGE_PATH: string;
  SECRET_KEY: string;
  CHECKPOINT_KEY_FILE: string;
  DATABASE_URL: string;
}

/**
 * The verify command's settings, read like the kernel reads them (process.env over `.env` in the
 * working directory, the same defaults as config-schema.ts) but without loading the kernel.
 */
function verifySettings(): VerifySettings {
  const file = join(process.cwd(), '.env');
  const env = { ...(existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}), ...process.env };
  return {
    NODE_ID: env['NODE_ID'] || ISS_DEFAULTS.NODE_ID,
    STORAGE_PATH: env['STORAGE_PATH'] || ISS_DEFAULTS.STORAGE_PATH,
    SPICE_STORAGE_PATH: env['SPICE_STORAGE_PATH'] || ISS_DEFAULTS.SPICE_STORAGE_PATH,
    SECRET_KEY: env['SECRET_KEY'] ?? '',
    CHECKPOINT_KEY_FILE: env['CHECKPOINT_KEY_FILE'] ?? '',
    DATABASE_URL: env['DATABASE_URL'] ?? '',
  };
}

async function verifyCommand(options: { dir?: string; database?: boolean }): Promise<number> {
  // Verification keeps almost nothing alive but allocates a few short strings per line; with V8's
  // default young generation (up to 3 × 16 MB) that garbage alone would add ~35 MB of RSS. A 1 MB
  // semi-space keeps the process flat at a small cost in scavenges.
  setFlagsFromString('--max-semi-space-size=1');
  setFlagsFromString('--semi-space-growth-factor=1');
  const c = verifySettings();
  const key = c.CHECKPOINT_KEY_FILE || c.SECRET_KEY
    ? await loadCheckpointKey({ keyFile: c.CHECKPOINT_KEY_FILE || undefined, secretKey: c.SECRET_KEY || undefined })
    : null;
  let report: StorageReport;
  if (options.database && c.DATABASE_URL) {
    const { openPostgresStores } = await import('./adapters/postgres-store.js');
    const pg = await openPostgresStores({ url: c.DATABASE_URL, nodeId: c.NODE_ID });
    try {
      report = await verifyStorageLines({
        chainLines: pg.chain.lines(),
        descriptorLines: pg.descriptors.lines(),
        checkpointNote: await loadCheckpointNote(c.STORAGE_PATH),
        publicKey: key?.publicKey,
      });
    } finally {
      await pg.close();
    }
  } else {
    const dirs = options.dir ? dirsFrom(options.dir) : { storagePath: c.STORAGE_PATH, spicePath: c.SPICE_STORAGE_PATH };
    report = await verifyStorageFiles({ ...dirs, publicKey: key?.publicKey });
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.ok ? 0 : 1;
}

const program = new Command('iss').description('ISS Module v2: forensic time chain, SPICE descriptors, audit trails');

program.command('serve').description('start the HTTP service (HOST, PORT, WORKERS, ...)').action(async () => {
  await (await import('./app.js')).issService.run();
});

program
  .command('verify')
  .description('verify the chain and descriptor logs offline; exit 0 when clean, 1 otherwise')
  .option('--dir <dir>', 'STORAGE_PATH, or a folder holding forensic_logs/ and spice_layer/')
  .option('--database', 'verify the PostgreSQL store at DATABASE_URL instead of the files')
  .action(async (options: { dir?: string; database?: boolean }) => {
    process.exitCode = await verifyCommand(options);
  });

program
  .command('export')
  .description('write the PostgreSQL chain and descriptors as JSONL (the format `iss verify` checks)')
  .option('--dir <dir>', 'base folder for forensic_logs/ and spice_layer/ (default: STORAGE_PATH, SPICE_STORAGE_PATH)')
  .action(async (options: { dir?: string }) => {
    const c = await config();
    if (!c.DATABASE_URL) throw new Error('DATABASE_URL is not set: the files are already the store');
    const dirs = options.dir ? dirsFrom(options.dir) : { storagePath: c.STORAGE_PATH, spicePath: c.SPICE_STORAGE_PATH };
    const { openPostgresStores } = await import('./adapters/postgres-store.js');
    const { exportJsonl } = await import('./adapters/jsonl-export.js');
    const pg = await openPostgresStores({ url: c.DATABASE_URL, nodeId: c.NODE_ID });
    try {
      await mkdir(dirs.storagePath, { recursive: true });
      await mkdir(dirs.spicePath, { recursive: true });
      const pulses = await exportJsonl(pg.chain.lines(), join(dirs.storagePath, 'glyph_chain.jsonl'));
      const descriptors = await exportJsonl(pg.descriptors.lines(), join(dirs.spicePath, 'spice_descriptors.jsonl'));
      process.stdout.write(`${JSON.stringify({ pulses, descriptors, ...dirs })}\n`);
    } finally {
      await pg.close();
    }
  });

program
  .command('backup')
  .description('consistent snapshot (tar.gz) of forensic_logs/, spice_layer/ and memory_matrix/')
  .requiredOption('--out <file>', 'archive to write')
  .action(async (options: { out: string }) => {
    const { backup } = await import('./adapters/snapshot.js');
    await backup(await folders(), options.out);
    process.stdout.write(`${options.out}\n`);
  });

program
  .command('restore')
  .description('restore a snapshot made by `iss backup` (stop writers first; vaults only with --include-vaults)')
  .argument('<file>', 'archive to restore')
  .option('--include-vaults', 'also restore memory_matrix/ (normally a read-only reference)')
  .action(async (file: string, options: { includeVaults?: boolean }) => {
    const { restore } = await import('./adapters/snapshot.js');
    await restore(await folders(), file, { includeVaults: options.includeVaults === true });
    process.stdout.write(`restored ${file}\n`);
  });

await program.parseAsync(process.argv);
