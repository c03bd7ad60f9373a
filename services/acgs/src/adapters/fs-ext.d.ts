// The one function of the native `fs-ext` addon this package uses (the addon ships no types).
declare module 'fs-ext' {
  /** flock(2) on an open descriptor; the `nb` forms throw EAGAIN/EWOULDBLOCK instead of waiting. */
  export function flockSync(fd: number, flags: 'sh' | 'ex' | 'shnb' | 'exnb' | 'un'): void;
}
