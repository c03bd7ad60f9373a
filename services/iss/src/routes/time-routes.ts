import { Type, type ServiceApp } from '@svc/kernel';
import { saveCheckpointNote } from '../adapters/checkpoint-file.js';
import type { IssStores } from '../adapters/store-factory.js';
import { rawPublicKey, signCheckpoint } from '../domain/checkpoint.js';
import { IssError } from '../errors.js';

const tags = ['time'];

/** Forensic time: pulses, verification, history, signed checkpoints and Merkle proofs. */
export function registerTimeRoutes(app: ServiceApp, stores: IssStores, nodeId: string): void {
  const pulse = async () => stores.chain.appendPulse();
  const pulseSchema = { summary: 'Append a forensic pulse (acknowledged once durable)', tags };
  app.get('/time/pulse', { schema: pulseSchema }, pulse);
  app.post('/time/pulse', { schema: pulseSchema }, pulse);

  app.get('/time/verify', { schema: { summary: 'Verify the pulse chain (and the saved checkpoint)', tags } }, async () => {
    // The monitor re-verifies whenever the storage changed (size, mtime or inode), else reuses the last run.
    const { report, verified_at } = await stores.integrity.current();
    if (!report) throw new IssError('ISS_STORAGE', 'verification did not complete');
    const valid = report.chain.ok && report.checkpoint.signature_ok !== false;
    return { valid, ...report.chain, checkpoint: report.checkpoint, torn_tail_bytes: report.torn_tail_bytes, verified_at };
  });

  app.get(
    '/time/history',
    {
      schema: {
        summary: 'The latest pulses, oldest first',
        tags,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
      },
    },
    async (request) => {
      const pulses = await stores.chain.history(request.query.limit);
      return { count: pulses.length, total: await stores.chain.size(), pulses };
    },
  );

  app.get('/time/checkpoint', { schema: { summary: 'Signed tree head (Ed25519, C2SP signed-note text)', tags } }, async () => {
    const size = await stores.chain.size();
    const root = await stores.chain.root(size);
    const cp = signCheckpoint({ size, root, timestamp: new Date().toISOString(), node_id: nodeId }, stores.key.privateKey);
    if (stores.key.source !== 'ephemeral') await saveCheckpointNote(stores.storagePath, cp.note, size);
    return { ...cp, public_key: rawPublicKey(stores.key.publicKey).toString('hex'), key_source: stores.key.source };
  });

  app.get(
    '/time/proof/inclusion',
    {
      schema: {
        summary: 'RFC 6962 inclusion proof of pulse `index` in the tree of `size` pulses',
        tags,
        querystring: Type.Object({ index: Type.Integer({ minimum: 0 }), size: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      const total = await stores.chain.size();
      const size = request.query.size ?? total;
      if (size > total) throw new IssError('ISS_OUT_OF_RANGE', `size ${size} exceeds the chain (${total})`, { field: 'size' });
      if (request.query.index >= size) throw new IssError('ISS_OUT_OF_RANGE', `index must be < size (${size})`, { field: 'index' });
      return {
        index: request.query.index,
        size,
        leaf_hash: await stores.chain.leafHash(request.query.index),
        root: await stores.chain.root(size),
        proof: await stores.chain.inclusionProof(request.query.index, size),
      };
    },
  );

  app.get(
    '/time/proof/consistency',
    {
      schema: {
        summary: 'RFC 6962 consistency proof between tree sizes `from` and `to`',
        tags,
        querystring: Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Optional(Type.Integer({ minimum: 0 })) }),
      },
    },
    async (request) => {
      const total = await stores.chain.size();
      const to = request.query.to ?? total;
      if (to > total) throw new IssError('ISS_OUT_OF_RANGE', `to ${to} exceeds the chain (${total})`, { field: 'to' });
      if (request.query.from > to) throw new IssError('ISS_OUT_OF_RANGE', 'from must be ≤ to', { field: 'from' });
      return {
        from: request.query.from,
        to,
        root_from: await stores.chain.root(request.query.from),
        root_to: await stores.chain.root(to),
        proof: await stores.chain.consistencyProof(request.query.from, to),
      };
    },
  );
}
