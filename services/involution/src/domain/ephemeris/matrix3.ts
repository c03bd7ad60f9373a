/** Small 3×3 rotation-matrix algebra (row-major Float64Array of 9). */

/** A row-major 3×3 matrix. */
export type Matrix3 = Float64Array;
/** A 3-vector. */
export type Vector3 = [number, number, number];

/** Product a·b. */
export function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      out[3 * i + j] = a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!;
    }
  }
  return out;
}

/** m·v. */
export function apply(m: Matrix3, v: Vector3): Vector3 {
  return [
    m[0]! * v[0] + m[1]! * v[1] + m[2]! * v[2],
    m[3]! * v[0] + m[4]! * v[1] + m[5]! * v[2],
    m[6]! * v[0] + m[7]! * v[1] + m[8]! * v[2],
  ];
}

/** Rotation of the reference frame about the x axis by `angle` (radians), as SOFA's Rx. */
export function rotationX(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return Float64Array.from([1, 0, 0, 0, c, s, 0, -s, c]);
}

/** Rotation of the reference frame about the z axis by `angle` (radians), as SOFA's Rz. */
export function rotationZ(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return Float64Array.from([c, s, 0, -s, c, 0, 0, 0, 1]);
}

/** Cross product a × b. */
export function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Dot product. */
export function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Euclidean norm. */
export function norm(a: Vector3): number {
  return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}

/** Sum a + b. */
export function add(a: Vector3, b: Vector3): Vector3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

/** Difference a − b. */
export function sub(a: Vector3, b: Vector3): Vector3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** v scaled by f. */
export function scaled(v: Vector3, f: number): Vector3 {
  return [v[0] * f, v[1] * f, v[2] * f];
}
