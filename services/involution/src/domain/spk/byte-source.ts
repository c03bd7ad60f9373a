/**
 * Random access to the bytes of a kernel file. Kernels are large (DE441 ≈ 3 GB in two parts), so
 * the reader never needs the whole file in memory: the file adapter implements this with positioned
 * reads, tests with an in-memory buffer.
 */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Reads `length` bytes at `offset`. */
  read(offset: number, length: number): Uint8Array;
}

/** A ByteSource over bytes already in memory. */
export function memoryByteSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read(offset: number, length: number): Uint8Array {
      return bytes.subarray(offset, offset + length);
    },
  };
}
