import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { IssError } from '../errors.js';

/** Where the checkpoint signing key came from. */
export type KeySource = 'key_file' | 'secret_key' | 'ephemeral';

/** An Ed25519 key pair for signing checkpoints. */
export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  source: KeySource;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** HKDF salt and info: fixed so the same SECRET_KEY always yields the same key pair. */
export const HKDF_SALT = 'iss-module-v2/checkpoint-key';
export const HKDF_INFO = 'ed25519-seed-v1';

/** Ed25519 private key from a 32-byte seed. */
export function keyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new IssError('ISS_KEY_INVALID', 'an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/**
 * Derives the checkpoint key from SECRET_KEY: seed = HKDF-SHA256(ikm = SECRET_KEY as UTF-8,
 * salt = "iss-module-v2/checkpoint-key", info = "ed25519-seed-v1", 32 bytes). Every replica with the
 * same SECRET_KEY signs with the same key, and the public key can be published once.
 */
export function deriveFromSecret(secret: string): CheckpointKey {
  const seed = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), HKDF_SALT, HKDF_INFO, 32));
  const privateKey = keyFromSeed(seed);
  return { privateKey, publicKey: createPublicKey(privateKey), source: 'secret_key' };
}

/**
 * Loads the signing key, in order of preference:
 * 1. `keyFile`: a PKCS#8 PEM Ed25519 private key, or a raw 32-byte seed as 64 hex digits;
 * 2. `secretKey` (SECRET_KEY), through {@link deriveFromSecret};
 * 3. otherwise a fresh random key, good only for this process (checkpoints from before a restart
 *    will not verify with it): the caller should warn.
 */
export async function loadCheckpointKey(options: { keyFile?: string | undefined; secretKey?: string | undefined }): Promise<CheckpointKey> {
  if (options.keyFile) {
    const text = (await readFile(options.keyFile, 'utf8')).trim();
    let privateKey: KeyObject;
    if (/^[0-9a-fA-F]{64}$/.test(text)) privateKey = keyFromSeed(Buffer.from(text, 'hex'));
    else {
      try {
        privateKey = createPrivateKey(text);
      } catch (err) {
        throw new IssError('ISS_KEY_INVALID', `cannot read ${options.keyFile}: ${(err as Error).message}`);
      }
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new IssError('ISS_KEY_INVALID', 'checkpoint key must be Ed25519');
    return { privateKey, publicKey: createPublicKey(privateKey), source: 'key_file' };
  }
  if (options.secretKey) return deriveFromSecret(options.secretKey);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, source: 'ephemeral' };
}
