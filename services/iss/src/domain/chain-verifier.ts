import { canonicalize } from './canonical-json.js';
import { GENESIS_HASH, recordHash } from './hash-chain.js';
import { MerkleFrontier, hashLeaf } from './merkle-tree.js';

/** What is wrong at the first bad index. */
export type ChainIssueKind =
  | 'edited' // the record's hash does not match its fields
  | 'deleted' // seq numbers skip: records are missing
  | 'reordered' // a missing seq shows up later in the file
  | 'duplicated' // a seq already seen appears again
  | 'forged' // unparseable, schema violation, non-canonical bytes or prev_hash not linking
  | 'truncated' // fewer records than a saved checkpoint covers
  | 'rewritten'; // chain is self-consistent but its Merkle root differs from a saved checkpoint

/** The first problem found. */
export interface ChainIssue {
  index: number;
  kind: ChainIssueKind;
  detail: string;
  field?: string;
}

/** A saved (trusted) tree head to check the file against. */
export interface TrustedCheckpoint {
  size: number;
  /** Merkle root, hex. */
  root: string;
}

/** Result of a verification. */
export interface ChainReport {
  ok: boolean;
  /** Number of lines read. */
  records: number;
  first_bad_index: number | null;
  issue: ChainIssue | null;
  /** Merkle root (hex) over all lines read. */
  root: string;
  /** hash of the last valid record, GENESIS_HASH for an empty chain. */
  last_hash: string;
  checkpoint: (TrustedCheckpoint & { matches: boolean }) | null;
}

/** Options: the record schema check, and an optional trusted checkpoint. */
export interface VerifyOptions {
  /** Returns the offending field name, or null when the parsed object is a well-formed record. */
  schemaViolation: (value: unknown) => string | null;
  checkpoint?: TrustedCheckpoint;
}

interface Gap {
  index: number;
  from: number; // first missing seq
  to: number; // first seq after the gap
}

/**
 * Streams JSONL lines of a hash-chained log (records with seq, prev_hash, hash = sha256 of the
 * canonical bytes of every other field) and reports the first bad index and what is wrong there.
 * Memory is constant apart from the O(log n) Merkle frontier: no record is kept.
 *
 * Deleted vs reordered needs look-ahead: a seq gap is first reported as `deleted` and becomes
 * `reordered` if one of the missing seq numbers appears later in the file.
 */
export async function verifyChain(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyOptions,
): Promise<ChainReport> {
  const frontier = new MerkleFrontier();
  const cp = options.checkpoint;
  let cpRoot: string | null = cp && cp.size === 0 ? frontier.root().toString('hex') : null;
  let index = 0;
  let expectedSeq = 0;
  let prevHash = GENESIS_HASH;
  let issue: ChainIssue | null = null;
  let gap: Gap | null = null;

  for await (const line of lines) {
    frontier.appendLeafHash(hashLeaf(Buffer.from(line, 'utf8')));
    if (cp && frontier.size === cp.size) cpRoot = frontier.root().toString('hex');

    if (issue === null) {
      const found = checkLine(line, index, expectedSeq, prevHash, options);
      if ('issue' in found) {
        issue = found.issue;
        gap = found.gap ?? null;
      } else {
        expectedSeq += 1;
        prevHash = found.hash;
      }
    } else if (gap) {
      const seq = seqOf(line);
      if (seq !== null && seq >= gap.from && seq < gap.to) {
        issue = {
          index: gap.index,
          kind: 'reordered',
          detail: `record seq ${seq} expected at index ${seq} appears later, at index ${index}`,
        };
        gap = null;
      }
    }
    index += 1;
  }

  let checkpoint: ChainReport['checkpoint'] = null;
  if (cp) {
    const matches = cpRoot !== null && cpRoot === cp.root;
    checkpoint = { size: cp.size, root: cp.root, matches };
    if (issue === null && index < cp.size) {
      issue = {
        index,
        kind: 'truncated',
        detail: `file has ${index} records but the checkpoint covers ${cp.size}: the tail was cut`,
      };
    } else if (issue === null && !matches) {
      issue = {
        index: 0,
        kind: 'rewritten',
        detail: `Merkle root of the first ${cp.size} records is ${cpRoot ?? '?'}, checkpoint says ${cp.root}: the file was rewritten`,
      };
    }
  }

  return {
    ok: issue === null,
    records: index,
    first_bad_index: issue ? issue.index : null,
    issue,
    root: frontier.root().toString('hex'),
    last_hash: prevHash,
    checkpoint,
  };
}

type LineResult = { hash: string } | { issue: ChainIssue; gap?: Gap };

function checkLine(
  line: string,
  index: number,
  expectedSeq: number,
  prevHash: string,
  options: VerifyOptions,
): LineResult {
  const forged = (detail: string, field?: string): LineResult => ({
    issue: field === undefined ? { index, kind: 'forged', detail } : { index, kind: 'forged', detail, field },
  });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return forged('line is not valid JSON');
  }
  const badField = options.schemaViolation(value);
  if (badField !== null) return forged(`schema violation at field ${badField}`, badField);
  const record = value as Record<string, unknown> & { seq: number; prev_hash: string; hash: string };
  let canonical: string;
  try {
    canonical = canonicalize(record);
  } catch {
    return forged('record cannot be canonicalized');
  }
  if (canonical !== line) return forged('line is not the canonical (RFC 8785) encoding of its record');
  if (recordHash(record) !== record.hash) {
    return {
      issue: { index, kind: 'edited', detail: 'hash does not match the record fields: a field was edited', field: 'hash' },
    };
  }
  if (record.seq > expectedSeq) {
    return {
      issue: {
        index,
        kind: 'deleted',
        detail: `expected seq ${expectedSeq}, found ${record.seq}: ${record.seq - expectedSeq} record(s) missing`,
        field: 'seq',
      },
      gap: { index, from: expectedSeq, to: record.seq },
    };
  }
  if (record.seq < expectedSeq) {
    const detail =
      record.hash === prevHash
        ? `record seq ${record.seq} is repeated verbatim`
        : `seq ${record.seq} was already seen at index ${record.seq}`;
    return { issue: { index, kind: 'duplicated', detail, field: 'seq' } };
  }
  if (record.prev_hash !== prevHash) {
    return forged(
      `prev_hash does not link to the previous record's hash (record ${index} forged, or record ${index - 1} rewritten with a recomputed hash)`,
      'prev_hash',
    );
  }
  return { hash: record.hash };
}

function seqOf(line: string): number | null {
  try {
    const v = JSON.parse(line) as unknown;
    if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['seq'] === 'number') {
      return (v as Record<string, number>)['seq'] ?? null;
    }
  } catch {
    // An unparseable line after the first issue cannot resolve a gap; ignore it.
  }
  return null;
}
