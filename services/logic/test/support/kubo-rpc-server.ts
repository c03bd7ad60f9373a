/**
 * A stand-in for a Kubo (go-ipfs) node's RPC API, for tests only.
 *
 * Why a substitute: no Kubo can run on this machine (Kubo is not packaged in Debian, npm's `kubo`
 * downloads its binary from the network at install, and there is no Go toolchain to build it). This
 * is a real HTTP server on a loopback port that speaks the part of Kubo's RPC API (v0, as documented
 * in Kubo's RPC reference) that `KuboContentStore` calls through `kubo-rpc-client`:
 *
 *   POST /api/v0/block/put   multipart `file` part; `cid-codec` (or legacy `format`), `mhtype`, `pin`
 *                            → {"Key": "<cid>", "Size": n}; the server computes the CID from the bytes
 *   POST /api/v0/block/get   ?arg=<cid> → the raw bytes (text/plain)
 *   POST /api/v0/block/stat  ?arg=<cid> → {"Key", "Size"}
 *   POST /api/v0/files/write ?arg=<path>&create&parents&truncate&offset, multipart part → empty 200
 *   POST /api/v0/files/read  ?arg=<path>&offset&count → the bytes
 *   POST /api/v0/version, /api/v0/id → JSON
 *
 * As Kubo does: only POST (405 otherwise), unknown endpoints 404, a missing argument 400 and every
 * command failure 500 with `{"Message", "Code", "Type": "error"}` as JSON. Blocks live in memory keyed
 * by multihash (so a CIDv0 and a CIDv1 of the same bytes name one block), and every stored block is
 * the bytes that hash to its CID. `offline=true` makes a missing block an immediate error; without it
 * Kubo would search the network, which here waits out the request's `timeout` (or the client).
 *
 * Test controls: `behaviour` makes the node answer every call with an error, slowly, or not at all;
 * `corruptBlock` flips stored bytes (a failing disk: Kubo does not re-hash on read by default);
 * `calls` and `queries` record what was asked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

export type KuboBehaviour =
  | { readonly mode: 'normal' }
  /** Every call answers 500 with this message. */
  | { readonly mode: 'error'; readonly message: string }
  /** Every call answers correctly after this delay. */
  | { readonly mode: 'slow'; readonly delayMs: number }
  /** Calls are accepted and never answered (until the client gives up or the server stops). */
  | { readonly mode: 'silent' };

const VERSION = {
  Version: '0.29.0',
  Commit: 'test-substitute',
  Repo: '15',
  System: 'amd64/linux',
  Golang: 'go1.22.4',
};
const PEER_ID = '12D3KooWSubstituteNodeForLogicModuleTests000000000000';

class RpcError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Kubo's cmds error codes: 0 normal (500), 1 client (400). */
    readonly code: number,
  ) {
    super(message);
  }
}

const failure = (message: string): RpcError => new RpcError(message, 500, 0);
const badRequest = (message: string): RpcError => new RpcError(message, 400, 1);

export class KuboRpcServer {
  behaviour: KuboBehaviour = { mode: 'normal' };
  /** Commands in call order (e.g. `block/put`), and the query of each. */
  readonly calls: string[] = [];
  readonly queries: URLSearchParams[] = [];
  private readonly blocks = new Map<string, { readonly cid: CID; bytes: Uint8Array }>();
  private readonly pins = new Set<string>();
  private readonly files = new Map<string, Uint8Array>();
  private readonly directories = new Set<string>(['/']);
  private readonly pending = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  /** Starts a node on a free loopback port. */
  static async start(): Promise<KuboRpcServer> {
    const server = createServer();
    const node = new KuboRpcServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void node.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return node;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The block the node holds under `cid` (any version), or undefined. */
  block(cid: CID): Uint8Array | undefined {
    return this.blocks.get(multihashKey(cid))?.bytes;
  }

  /** CIDs (v1, as `block/put` answered them) of every block held. */
  blockCids(): string[] {
    return [...this.blocks.values()].map((b) => b.cid.toString());
  }

  isPinned(cid: CID): boolean {
    return this.pins.has(multihashKey(cid));
  }

  /** The MFS file at `path`, or undefined. */
  file(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }

  /** Flips the first byte of a stored block, as a failing disk would. */
  corruptBlock(cid: CID): void {
    const entry = this.blocks.get(multihashKey(cid));
    if (entry === undefined) throw new Error(`no block ${cid.toString()}`);
    const bytes = entry.bytes.slice();
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    entry.bytes = bytes;
  }

  /** Removes a block, keeping any MFS entry that names it. */
  dropBlock(cid: CID): void {
    this.blocks.delete(multihashKey(cid));
  }

  async stop(): Promise<void> {
    for (const res of this.pending) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.pending.add(res);
    res.on('close', () => this.pending.delete(res));
    const url = new URL(req.url ?? '/', 'http://kubo.invalid');
    const prefix = '/api/v0/';
    const command = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    this.calls.push(command);
    this.queries.push(url.searchParams);
    try {
      const body = await readBody(req);
      const behaviour = this.behaviour;
      if (behaviour.mode === 'silent') return;
      if (behaviour.mode === 'slow') await sleep(behaviour.delayMs);
      if (behaviour.mode === 'error') throw failure(behaviour.message);
      if (req.method !== 'POST') {
        send(res, 405, 'text/plain', `405 - Method Not Allowed\n`);
        return;
      }
      const answer = await this.run(command, url.searchParams, body, req.headers['content-type'] ?? '');
      if (answer === undefined) send(res, 404, 'text/plain', '404 page not found\n');
      else if (answer instanceof Uint8Array) send(res, 200, 'text/plain', answer);
      else send(res, 200, 'application/json', `${JSON.stringify(answer)}\n`);
    } catch (error) {
      const e =
        error instanceof RpcError ? error : failure(error instanceof Error ? error.message : String(error));
      send(
        res,
        e.status,
        'application/json',
        `${JSON.stringify({ Message: e.message, Code: e.code, Type: 'error' })}\n`,
      );
    }
  }

  /** The command's answer: JSON-able object, bytes, or undefined for an unknown endpoint. */
  private async run(
    command: string,
    query: URLSearchParams,
    body: Buffer,
    contentType: string,
  ): Promise<unknown> {
    switch (command) {
      case 'version':
        return VERSION;
      case 'id':
        return {
          ID: PEER_ID,
          PublicKey: '',
          Addresses: [],
          AgentVersion: `kubo/${VERSION.Version}/${VERSION.Commit}`,
          Protocols: [],
        };
      case 'block/put':
        return this.blockPut(query, await filePart(body, contentType));
      case 'block/get':
        return (await this.storedBlock(query)).bytes;
      case 'block/stat': {
        const { cid, bytes } = await this.storedBlock(query);
        return { Key: cid.toString(), Size: bytes.length };
      }
      case 'files/write':
        this.filesWrite(query, await filePart(body, contentType));
        return new Uint8Array();
      case 'files/read':
        return this.filesRead(query);
      default:
        return undefined;
    }
  }

  private async blockPut(query: URLSearchParams, bytes: Uint8Array): Promise<unknown> {
    const codec = query.get('cid-codec') ?? query.get('format') ?? 'raw';
    if (codec !== 'raw') throw failure(`this substitute stores raw blocks only, not ${codec}`);
    const mhtype = query.get('mhtype') ?? 'sha2-256';
    if (mhtype !== 'sha2-256') throw failure(`unrecognized hash function: ${mhtype}`);
    if (bytes.length > 1024 * 1024 && query.get('allow-big-block') !== 'true') {
      throw failure(
        `produced block is over 1MiB: big blocks can't be exchanged with other peers. consider using UnixFS for automatic chunking of bigger files, or pass --allow-big-block to override`,
      );
    }
    const cid = CID.createV1(raw.code, await sha256.digest(bytes));
    this.blocks.set(multihashKey(cid), { cid, bytes: bytes.slice() });
    if (query.get('pin') === 'true') this.pins.add(multihashKey(cid));
    return { Key: cid.toString(), Size: bytes.length };
  }

  private async storedBlock(query: URLSearchParams): Promise<{ cid: CID; bytes: Uint8Array }> {
    const arg = query.get('arg');
    if (arg === null) throw badRequest('argument "cid" is required');
    let cid: CID;
    try {
      cid = CID.parse(arg);
    } catch {
      throw failure(`invalid path "${arg}": invalid cid: ${arg}`);
    }
    const entry = this.blocks.get(multihashKey(cid));
    if (entry !== undefined) return { cid, bytes: entry.bytes };
    if (query.get('offline') === 'true')
      throw failure(`block was not found locally (offline): ipld: could not find ${cid.toString()}`);
    // Online, Kubo would ask the network for the block until the request's deadline.
    await sleep(timeoutOf(query) ?? 2 ** 31 - 1);
    throw failure('context deadline exceeded');
  }

  private filesWrite(query: URLSearchParams, bytes: Uint8Array): void {
    const path = requiredPath(query);
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!this.directories.has(parent)) {
      if (query.get('parents') !== 'true') throw failure('file does not exist');
      let dir = '';
      for (const part of parent.split('/').filter(Boolean)) {
        dir = `${dir}/${part}`;
        if (this.files.has(dir)) throw failure(`${dir} is not a directory`);
        this.directories.add(dir);
      }
    }
    if (this.directories.has(path)) throw failure(`${path} is a directory`);
    const existing = this.files.get(path);
    if (existing === undefined && query.get('create') !== 'true') throw failure('file does not exist');
    const offset = Number(query.get('offset') ?? '0');
    const count = query.get('count');
    const data = count === null ? bytes : bytes.subarray(0, Number(count));
    const base = query.get('truncate') === 'true' || existing === undefined ? new Uint8Array() : existing;
    const next = new Uint8Array(Math.max(base.length, offset + data.length));
    next.set(base);
    next.set(data, offset);
    this.files.set(path, next);
  }

  private filesRead(query: URLSearchParams): Uint8Array {
    const path = requiredPath(query);
    const bytes = this.files.get(path);
    if (bytes === undefined)
      throw failure(this.directories.has(path) ? `${path} was not a file` : 'file does not exist');
    const offset = Number(query.get('offset') ?? '0');
    const count = query.get('count');
    return bytes.subarray(offset, count === null ? undefined : offset + Number(count));
  }
}

function requiredPath(query: URLSearchParams): string {
  const path = query.get('arg');
  if (path === null) throw badRequest('argument "path" is required');
  if (!path.startsWith('/')) throw failure('paths must start with a leading slash');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Kubo's global `timeout` option (`500ms`, `2s`) in milliseconds. */
function timeoutOf(query: URLSearchParams): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(query.get('timeout') ?? '');
  if (match === null) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/** A wait that never keeps the test process alive on its own. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function multihashKey(cid: CID): string {
  return Buffer.from(cid.multihash.bytes).toString('base64');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The first file part of a multipart/form-data body (Kubo reads the command's file argument from it). */
async function filePart(body: Buffer, contentType: string): Promise<Uint8Array> {
  if (!contentType.startsWith('multipart/form-data')) throw badRequest('file argument "data" is required');
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return new Uint8Array(await value.arrayBuffer());
  }
  throw badRequest('file argument "data" is required');
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}
