/**
 * Types for the series data files of astronomia 4.2 (MIT), which ship without declarations.
 * VSOP87 files: coordinate → power of τ → terms [A, B, C] meaning A cos(B + C τ).
 * ELP/MPP02 files: coordinate → power of T → terms [A, φ0, φ1, φ2, φ3, φ4] meaning A sin(Σ φk T^k).
 */
declare module 'astronomia/data/*' {
  const data: {
    L: Record<string, number[][]>;
    B: Record<string, number[][]>;
    R: Record<string, number[][]>;
    W1?: number[];
    name?: string;
    type?: string;
  };
  export default data;
}
