// Minimal typing for the parts of the native `fs-ext` addon we use (it ships no types).
declare module 'fs-ext' {
  /** flock(2); flags 'sh' | 'ex' | 'un', with 'nb' suffix for non-blocking. Throws EAGAIN/EWOULDBLOCK when held. */
  export function flockSync(fd: number, flags: 'sh' | 'ex' | 'shnb' | 'exnb' | 'un'): void;
}
