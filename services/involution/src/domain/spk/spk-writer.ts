/**
 * Writes SPK files with type 2 or type 3 segments (LTL-IEEE by default or BIG-IEEE, one summary record), so tests
 * and tools can build small kernels with known Chebyshev coefficients.
 */
import { FTP_STRING, RECORD_BYTES } from './daf-file.js';

/** One Chebyshev record: coefficients per component (3 for type 2, 6 for type 3), c₀ first. */
export type ChebyshevRecord = number[][];

/** A segment to write. Records cover [init + i·intervalLength, init + (i+1)·intervalLength]. */
export interface SpkSegmentInput {
  target: number;
  center: number;
  /** 1 = J2000. */
  frame: number;
  dataType: 2 | 3;
  /** Segment identifier, up to 40 characters. */
  name: string;
  /** Start of the first record, TDB seconds past J2000. */
  init: number;
  /** Record length in seconds. */
  intervalLength: number;
  records: ChebyshevRecord[];
  /** Coverage; defaults to the full span of the records. */
  startEt?: number;
  endEt?: number;
}

const ND = 2;
const NI = 6;
const SUMMARY_DOUBLES = ND + Math.floor((NI + 1) / 2); // 5
const MAX_SUMMARIES = Math.floor((RECORD_BYTES / 8 - 3) / SUMMARY_DOUBLES); // 25

function writeAscii(view: DataView, offset: number, text: string, width: number): void {
  for (let i = 0; i < width; i++) view.setUint8(offset + i, i < text.length ? text.charCodeAt(i) & 0xff : 0x20);
}

/**
 * Serialises segments as an SPK file. Layout: file record, summary record, name record, then the
 * segment arrays back to back.
 * @example writeSpk('test kernel', [{ target: 301, center: 3, frame: 1, dataType: 2, name: 'MOON', init: 0, intervalLength: 86400, records: [[[1, 2], [3, 4], [5, 6]]] }])
 */
export function writeSpk(internalName: string, segments: SpkSegmentInput[], options: { littleEndian?: boolean } = {}): Uint8Array {
  const le = options.littleEndian ?? true;
  if (segments.length > MAX_SUMMARIES) throw new Error(`writeSpk supports up to ${MAX_SUMMARIES} segments`);
  const arrays: { data: Float64Array; segment: SpkSegmentInput }[] = segments.map((segment) => {
    const components = segment.dataType === 2 ? 3 : 6;
    const degreePlusOne = segment.records[0]?.[0]?.length ?? 0;
    if (degreePlusOne < 1) throw new Error(`segment ${segment.name} has no coefficients`);
    const rsize = 2 + components * degreePlusOne;
    const data = new Float64Array(rsize * segment.records.length + 4);
    segment.records.forEach((record, i) => {
      if (record.length !== components || record.some((c) => c.length !== degreePlusOne)) {
        throw new Error(`segment ${segment.name} record ${i}: expected ${components} × ${degreePlusOne} coefficients`);
      }
      const base = i * rsize;
      data[base] = segment.init + (i + 0.5) * segment.intervalLength;
      data[base + 1] = segment.intervalLength / 2;
      record.forEach((coeffs, c) => data.set(coeffs, base + 2 + c * degreePlusOne));
    });
    data.set([segment.init, segment.intervalLength, rsize, segment.records.length], rsize * segment.records.length);
    return { data, segment };
  });

  const firstDataAddress = 3 * (RECORD_BYTES / 8) + 1;
  const totalWords = arrays.reduce((n, a) => n + a.data.length, 0);
  const dataRecords = Math.ceil(totalWords / (RECORD_BYTES / 8));
  const bytes = new Uint8Array((3 + dataRecords) * RECORD_BYTES);
  const view = new DataView(bytes.buffer);

  writeAscii(view, 0, 'DAF/SPK', 8);
  view.setInt32(8, ND, le);
  view.setInt32(12, NI, le);
  writeAscii(view, 16, internalName, 60);
  view.setInt32(76, 2, le); // FWARD: first summary record
  view.setInt32(80, 2, le); // BWARD: last summary record
  view.setInt32(84, firstDataAddress + totalWords, le); // FREE
  writeAscii(view, 88, le ? 'LTL-IEEE' : 'BIG-IEEE', 8);
  for (let i = 0; i < FTP_STRING.length; i++) view.setUint8(699 + i, FTP_STRING.charCodeAt(i));

  const summary = RECORD_BYTES;
  view.setFloat64(summary, 0, le); // NEXT
  view.setFloat64(summary + 8, 0, le); // PREV
  view.setFloat64(summary + 16, arrays.length, le); // NSUM
  let address = firstDataAddress;
  arrays.forEach(({ data, segment }, i) => {
    const base = summary + 24 + i * SUMMARY_DOUBLES * 8;
    const span = segment.records.length * segment.intervalLength;
    view.setFloat64(base, segment.startEt ?? segment.init, le);
    view.setFloat64(base + 8, segment.endEt ?? segment.init + span, le);
    const ints = [segment.target, segment.center, segment.frame, segment.dataType, address, address + data.length - 1];
    ints.forEach((v, k) => view.setInt32(base + 16 + k * 4, v, le));
    writeAscii(view, 2 * RECORD_BYTES + i * SUMMARY_DOUBLES * 8, segment.name, SUMMARY_DOUBLES * 8);
    for (let w = 0; w < data.length; w++) view.setFloat64((address - 1 + w) * 8, data[w]!, le);
    address += data.length;
  });
  // Unused name-record slots are blanks in NAIF-written files.
  for (let i = arrays.length * SUMMARY_DOUBLES * 8; i < RECORD_BYTES; i++) view.setUint8(2 * RECORD_BYTES + i, 0x20);
  return bytes;
}
