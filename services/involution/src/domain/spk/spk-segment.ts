/**
 * SPK segments of type 2 (Chebyshev position; velocity by differentiation) and type 3 (Chebyshev
 * position and velocity). Reference: NAIF "SPK Required Reading", sections on types 2 and 3.
 */
import { InvolutionError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';
import { chebyshevWithDerivative } from './chebyshev.js';
import { readDoubles, type DafSummary } from './daf-file.js';

/** Position (km) and velocity (km/s) of a target relative to its center. */
export interface State {
  position: [number, number, number];
  velocity: [number, number, number];
}

/** What an SPK segment descriptor says. */
export interface SpkSegmentDescriptor {
  name: string;
  /** NAIF id of the body whose state is given. */
  target: number;
  /** NAIF id of the body it is relative to. */
  center: number;
  /** Reference frame id (1 = J2000/ICRF). */
  frame: number;
  dataType: number;
  /** Coverage in TDB seconds past J2000. */
  startEt: number;
  endEt: number;
  startAddress: number;
  endAddress: number;
}

/** Converts a DAF summary (ND = 2, NI = 6) to an SPK segment descriptor. */
export function segmentDescriptor(summary: DafSummary): SpkSegmentDescriptor {
  const [startEt, endEt] = summary.doubles as [number, number];
  const [target, center, frame, dataType, startAddress, endAddress] = summary.ints as [number, number, number, number, number, number];
  return { name: summary.name, target, center, frame, dataType, startEt, endEt, startAddress, endAddress };
}

/** An evaluable type 2 or 3 segment; records are read on demand and the last one is cached. */
export class ChebyshevSegment {
  readonly descriptor: SpkSegmentDescriptor;
  private readonly source: ByteSource;
  private readonly littleEndian: boolean;
  readonly init: number;
  readonly intervalLength: number;
  readonly recordSize: number;
  readonly recordCount: number;
  private readonly components: 3 | 6;
  private readonly coefficientCount: number;
  private cachedIndex = -1;
  private cachedRecord: Float64Array = new Float64Array(0);

  constructor(descriptor: SpkSegmentDescriptor, source: ByteSource, littleEndian: boolean) {
    if (descriptor.dataType !== 2 && descriptor.dataType !== 3) {
      throw new InvolutionError('INVOLUTION_KERNEL_INVALID', `SPK segment type ${descriptor.dataType} is not supported (types 2 and 3 are)`, {
        details: { segment: descriptor.name, target: descriptor.target, type: descriptor.dataType },
      });
    }
    this.descriptor = descriptor;
    this.source = source;
    this.littleEndian = littleEndian;
    const [init, intlen, rsize, n] = readDoubles(source, descriptor.endAddress - 3, descriptor.endAddress, littleEndian) as unknown as [number, number, number, number];
    this.init = init;
    this.intervalLength = intlen;
    this.recordSize = rsize;
    this.recordCount = n;
    this.components = descriptor.dataType === 2 ? 3 : 6;
    this.coefficientCount = (rsize - 2) / this.components;
    const expectedEnd = descriptor.startAddress + rsize * n + 4 - 1;
    if (!Number.isInteger(this.coefficientCount) || this.coefficientCount < 1 || expectedEnd !== descriptor.endAddress || intlen <= 0) {
      throw new InvolutionError('INVOLUTION_KERNEL_INVALID', 'SPK segment directory is inconsistent', {
        details: { segment: descriptor.name, rsize, n, intlen, startAddress: descriptor.startAddress, endAddress: descriptor.endAddress },
      });
    }
  }

  private record(index: number): Float64Array {
    if (index !== this.cachedIndex) {
      const first = this.descriptor.startAddress + index * this.recordSize;
      this.cachedRecord = readDoubles(this.source, first, first + this.recordSize - 1, this.littleEndian);
      this.cachedIndex = index;
    }
    return this.cachedRecord;
  }

  /** Whether `et` (TDB seconds past J2000) is inside the segment's coverage. */
  covers(et: number): boolean {
    return et >= this.descriptor.startEt && et <= this.descriptor.endEt;
  }

  /** State of the target relative to the center at `et` (TDB seconds past J2000). */
  state(et: number): State {
    let index = Math.floor((et - this.init) / this.intervalLength);
    if (index >= this.recordCount) index = this.recordCount - 1;
    if (index < 0) index = 0;
    const rec = this.record(index);
    const mid = rec[0]!;
    const radius = rec[1]!;
    const s = (et - mid) / radius;
    const n = this.coefficientCount;
    const position: [number, number, number] = [0, 0, 0];
    const velocity: [number, number, number] = [0, 0, 0];
    for (let c = 0; c < 3; c++) {
      const [value, derivative] = chebyshevWithDerivative(rec, 2 + c * n, n, s);
      position[c] = value;
      velocity[c] = derivative / radius;
    }
    if (this.components === 6) {
      for (let c = 0; c < 3; c++) velocity[c] = chebyshevWithDerivative(rec, 2 + (3 + c) * n, n, s)[0];
    }
    return { position, velocity };
  }
}
