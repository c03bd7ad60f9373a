import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed tree heads in the C2SP signed-note / tlog-checkpoint text form:
 *
 *   <origin>\n<size>\n<base64 root>\n<extension lines>\n\n— <key name> <base64(key id ‖ signature)>\n
 *
 * The origin is `iss/<node_id>`; the extension line `timestamp <ISO-8601 UTC>` records when it was
 * signed. The Ed25519 signature covers the body (everything before the blank line, newline
 * included). The key id is the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key), as in
 * C2SP signed-note for Ed25519.
 */

/** A tree head before signing. */
export interface TreeHead {
  size: number;
  /** Merkle root, hex. */
  root: string;
  /** ISO-8601 UTC. */
  timestamp: string;
  node_id: string;
}

/** A signed tree head: the fields plus the note text that carries the signature. */
export interface SignedCheckpoint extends TreeHead {
  origin: string;
  key_name: string;
  /** Hex of the 4-byte key id. */
  key_id: string;
  /** The full signed note. */
  note: string;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Raw 32-byte Ed25519 public key of a (private or public) key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const der = pub.export({ type: 'spki', format: 'der' });
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

/** C2SP signed-note key id for an Ed25519 key. */
export function keyId(keyName: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(keyName, 'utf8')
    .update(Buffer.from([0x0a, 0x01]))
    .update(rawPublicKey(publicKey))
    .digest()
    .subarray(0, 4);
}

function body(head: TreeHead): string {
  return `iss/${head.node_id}\n${head.size}\n${Buffer.from(head.root, 'hex').toString('base64')}\ntimestamp ${head.timestamp}\n`;
}

/** Signs a tree head with an Ed25519 private key. */
export function signCheckpoint(head: TreeHead, privateKey: KeyObject, keyName = 'iss-checkpoint'): SignedCheckpoint {
  const text = body(head);
  const id = keyId(keyName, privateKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const note = `${text}\n\u2014 ${keyName} ${Buffer.concat([id, signature]).toString('base64')}\n`;
  return { ...head, origin: `iss/${head.node_id}`, key_name: keyName, key_id: id.toString('hex'), note };
}

/** Result of checking a note. */
export type CheckpointVerification = { ok: true; head: TreeHead } | { ok: false; reason: string };

/** Parses a signed note and checks its signature against `publicKey`. */
export function verifyCheckpoint(note: string, publicKey: KeyObject, keyName = 'iss-checkpoint'): CheckpointVerification {
  const split = note.indexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'no blank line between body and signatures' };
  const text = note.slice(0, split + 1);
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, rootB64, tsLine] = lines;
  if (!origin?.startsWith('iss/') || sizeText === undefined || !/^(0|[1-9]\d*)$/.test(sizeText)) {
    return { ok: false, reason: 'malformed body' };
  }
  const root = Buffer.from(rootB64 ?? '', 'base64');
  if (root.length !== 32 || !tsLine?.startsWith('timestamp ')) return { ok: false, reason: 'malformed body' };
  const wantId = keyId(keyName, publicKey);
  for (const sigLine of note.slice(split + 2).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(sigLine);
    if (!m || m[1] !== keyName) continue;
    const blob = Buffer.from(m[2] as string, 'base64');
    if (blob.length !== 68 || !blob.subarray(0, 4).equals(wantId)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), publicKey, blob.subarray(4))) {
      return {
        ok: true,
        head: { size: Number(sizeText), root: root.toString('hex'), timestamp: tsLine.slice(10), node_id: origin.slice(4) },
      };
    }
    return { ok: false, reason: 'signature does not verify' };
  }
  return { ok: false, reason: `no signature by ${keyName}` };
}
