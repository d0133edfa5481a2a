/** Finds every dictionary word occurring in a text in one pass (Aho–Corasick), whatever the number of words. */
export class AhoCorasick<T> {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: T[][] = [[]];

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [word, value] of entries) {
      if (word.length === 0) continue;
      let state = 0;
      for (const ch of word) {
        let to = this.next[state]!.get(ch);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(ch, to);
        }
        state = to;
      }
      this.out[state]!.push(value);
    }
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [ch, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(ch)) f = this.fail[f]!;
        const target = this.next[f]!.get(ch);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** Calls `found` with the value of each word occurring in `text` (once per occurrence) and the index just past it. */
  scan(text: string, found: (value: T, end: number) => void): void {
    let state = 0;
    let end = 0;
    for (const ch of text) {
      end += ch.length;
      while (state !== 0 && !this.next[state]!.has(ch)) state = this.fail[state]!;
      state = this.next[state]!.get(ch) ?? 0;
      for (const value of this.out[state]!) found(value, end);
    }
  }
}
