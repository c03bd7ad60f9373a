import type { Clause } from './clause.js';

/** A binary min-heap of clauses ordered by a numeric key, ties broken by clause id (older first). */
class ClauseHeap {
  private readonly items: { key: number; clause: Clause }[] = [];

  constructor(private readonly keyOf: (c: Clause) => number) {}

  get length(): number {
    return this.items.length;
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i]!;
    const b = this.items[j]!;
    return a.key < b.key || (a.key === b.key && a.clause.id < b.clause.id);
  }

  private swap(i: number, j: number): void {
    const t = this.items[i]!;
    this.items[i] = this.items[j]!;
    this.items[j] = t;
  }

  push(clause: Clause): void {
    this.items.push({ key: this.keyOf(clause), clause });
    let i = this.items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): Clause | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0]!.clause;
    const last = this.items.pop()!;
    if (n > 1) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/**
 * The passive set: clauses are picked by weight most of the time and by age every `ratio`-th pick,
 * which keeps the search fair (every clause is eventually selected) and so complete.
 */
export class PassiveQueue {
  private readonly byWeight: ClauseHeap;
  private readonly byAge = new ClauseHeap((c) => c.id);
  private readonly taken = new Set<number>();
  private picks = 0;
  private live = 0;

  constructor(
    private readonly ratio: number,
    priority: (c: Clause) => number,
  ) {
    this.byWeight = new ClauseHeap(priority);
  }

  get size(): number {
    return this.live;
  }

  push(c: Clause): void {
    this.byWeight.push(c);
    this.byAge.push(c);
    this.live++;
  }

  pop(): Clause | undefined {
    for (;;) {
      const heap = ++this.picks % this.ratio === 0 ? this.byAge : this.byWeight;
      const c = heap.pop() ?? (heap === this.byAge ? this.byWeight.pop() : this.byAge.pop());
      if (c === undefined) return undefined;
      if (this.taken.has(c.id)) continue;
      this.taken.add(c.id);
      this.live--;
      return c;
    }
  }
}
