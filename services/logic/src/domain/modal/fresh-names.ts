/**
 * Names for the world or time variables a translation introduces: `prefix`, `prefix1`, `prefix2`, …
 * (from `firstIndex`; index 0 is the bare prefix), skipping every name the input already uses so no
 * introduced quantifier captures a variable of the formula.
 */
export class FreshNames {
  constructor(
    private readonly prefix: string,
    private readonly taken: ReadonlySet<string>,
    private next = 0,
  ) {}

  fresh(): string {
    for (;;) {
      const name = this.next === 0 ? this.prefix : `${this.prefix}${this.next}`;
      this.next += 1;
      if (!this.taken.has(name)) return name;
    }
  }
}
