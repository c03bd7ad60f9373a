/**
 * NAIF Double precision Array File (DAF) structure: the file record, the doubly linked list of
 * summary records with their name records, and arrays addressed in 8-byte words (1-based).
 * Reference: NAIF "DAF Required Reading".
 */
import { InvolutionError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';

export const RECORD_BYTES = 1024;
/** The FTP validation string every DAF carries (detects text-mode transfer damage). */
export const FTP_STRING = 'FTPSTR:\r:\n:\r\n:\r\0:\x81:\x10\xce:ENDFTP';

/** One array of a DAF: its double and integer summary components and its name. */
export interface DafSummary {
  doubles: number[];
  ints: number[];
  name: string;
}

/** Parsed DAF file record and summaries. */
export interface DafFile {
  idWord: string;
  nd: number;
  ni: number;
  internalName: string;
  littleEndian: boolean;
  /** Address of the first free word. */
  free: number;
  summaries: DafSummary[];
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function invalid(message: string, details: Record<string, unknown> = {}): InvolutionError {
  return new InvolutionError('INVOLUTION_KERNEL_INVALID', message, { details });
}

/** Reads doubles at word addresses [first, last] (1-based, inclusive). */
export function readDoubles(source: ByteSource, first: number, last: number, littleEndian: boolean): Float64Array {
  const count = last - first + 1;
  const bytes = source.read((first - 1) * 8, count * 8);
  if (bytes.byteLength !== count * 8) throw invalid('DAF array runs past the end of the file', { first, last });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, littleEndian);
  return out;
}

/**
 * Parses a DAF's file record and walks its summary records.
 * @throws InvolutionError INVOLUTION_KERNEL_INVALID when the file is not a readable DAF.
 */
export function readDaf(source: ByteSource): DafFile {
  if (source.size < RECORD_BYTES) throw invalid('File is shorter than one DAF record', { size: source.size });
  const rec = source.read(0, RECORD_BYTES);
  const idWord = ascii(rec.subarray(0, 8));
  if (!idWord.startsWith('DAF/') && idWord !== 'NAIF/DAF') throw invalid(`Not a DAF file (id word "${idWord.trim()}")`);
  const format = ascii(rec.subarray(88, 96));
  let littleEndian: boolean;
  if (format === 'LTL-IEEE') littleEndian = true;
  else if (format === 'BIG-IEEE') littleEndian = false;
  else {
    // Pre-N0050 files have no format word; infer from a plausible ND.
    littleEndian = new DataView(rec.buffer, rec.byteOffset + 8, 4).getInt32(0, true) === 2;
  }
  const view = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
  const nd = view.getInt32(8, littleEndian);
  const ni = view.getInt32(12, littleEndian);
  if (nd < 0 || nd > 124 || ni < 2 || ni > 250) throw invalid('Implausible DAF ND/NI', { nd, ni });
  const internalName = ascii(rec.subarray(16, 76)).trimEnd();
  const fward = view.getInt32(76, littleEndian);
  const free = view.getInt32(84, littleEndian);
  if (format === 'LTL-IEEE' || format === 'BIG-IEEE') {
    const ftp = ascii(rec.subarray(699, 699 + FTP_STRING.length));
    if (ftp !== FTP_STRING) throw invalid('DAF FTP validation string is damaged (file transferred in text mode?)');
  }

  const summaryDoubles = nd + Math.floor((ni + 1) / 2);
  const nameChars = summaryDoubles * 8;
  const summaries: DafSummary[] = [];
  const seen = new Set<number>();
  let record = fward;
  while (record > 0) {
    if (seen.has(record) || record * RECORD_BYTES > source.size) throw invalid('Broken DAF summary record chain', { record });
    seen.add(record);
    const sumBytes = source.read((record - 1) * RECORD_BYTES, RECORD_BYTES);
    const nameBytes = source.read(record * RECORD_BYTES, RECORD_BYTES);
    const sv = new DataView(sumBytes.buffer, sumBytes.byteOffset, sumBytes.byteLength);
    const next = sv.getFloat64(0, littleEndian);
    const count = sv.getFloat64(16, littleEndian);
    for (let i = 0; i < count; i++) {
      const base = 24 + i * summaryDoubles * 8;
      const doubles: number[] = [];
      for (let d = 0; d < nd; d++) doubles.push(sv.getFloat64(base + d * 8, littleEndian));
      const ints: number[] = [];
      for (let k = 0; k < ni; k++) ints.push(sv.getInt32(base + nd * 8 + k * 4, littleEndian));
      const name = ascii(nameBytes.subarray(i * nameChars, (i + 1) * nameChars)).trimEnd();
      summaries.push({ doubles, ints, name });
    }
    record = Math.trunc(next);
  }
  return { idWord, nd, ni, internalName, littleEndian, free, summaries };
}
