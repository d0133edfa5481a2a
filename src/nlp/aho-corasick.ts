/**
 * Finds every dictionary word occurring in a text in one pass (Aho–Corasick), whatever the number of words.
 * The automaton steps on UTF-16 code units (a character outside the BMP is two steps): a scan reads
 * `charCodeAt` and allocates no one-character strings, and the index it reports is the same.
 */
export class AhoCorasick<T> {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: T[][] = [[]];

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [word, value] of entries) {
      if (word.length === 0) continue;
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const unit = word.charCodeAt(i);
        let to = this.next[state]!.get(unit);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(unit, to);
        }
        state = to;
      }
      this.out[state]!.push(value);
    }
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(unit)) f = this.fail[f]!;
        const target = this.next[f]!.get(unit);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** Calls `found` with the value of each word occurring in `text` (once per occurrence) and the index just past it. */
  scan(text: string, found: (value: T, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let to = this.next[state]!.get(unit);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(unit);
      }
      state = to ?? 0;
      const values = this.out[state]!;
      for (let v = 0; v < values.length; v++) found(values[v]!, i + 1);
    }
  }
}
