/**
 * Finds every dictionary word occurring in a text in one pass (Aho–Corasick), whatever the number of words.
 * The automaton steps on UTF-16 code units (a character outside the BMP is two steps): a scan reads
 * `charCodeAt` and allocates no one-character strings, and the index it reports is the same. It is built
 * with a map per state and kept in typed arrays: a scan hashes nothing per character.
 */
export class AhoCorasick<T> {
  private readonly out: T[][] = [[]];
  /** The root's transitions by code unit up to the highest a word starts with (0: stay at the root). */
  private readonly rootNext: Int32Array;
  /** The other states' transitions: state s's units and targets are at [first[s], first[s + 1]). */
  private readonly first: Int32Array;
  private readonly units: Uint16Array;
  private readonly targets: Int32Array;
  private readonly fail: Int32Array;

  constructor(entries: Iterable<readonly [string, T]>) {
    const next: Map<number, number>[] = [new Map()];
    const fail: number[] = [0];
    for (const [word, value] of entries) {
      if (word.length === 0) continue;
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const unit = word.charCodeAt(i);
        let to = next[state]!.get(unit);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          fail.push(0);
          this.out.push([]);
          next[state]!.set(unit, to);
        }
        state = to;
      }
      this.out[state]!.push(value);
    }
    const queue: number[] = [...next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, to] of next[state]!) {
        let f = fail[state]!;
        while (f !== 0 && !next[f]!.has(unit)) f = fail[f]!;
        const target = next[f]!.get(unit);
        fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[fail[to]!]!);
        queue.push(to);
      }
    }
    this.rootNext = new Int32Array(Math.max(0, ...next[0]!.keys()) + 1);
    for (const [unit, to] of next[0]!) this.rootNext[unit] = to;
    const states = next.length;
    this.first = new Int32Array(states + 1);
    for (let state = 1; state < states; state++) this.first[state + 1] = this.first[state]! + next[state]!.size;
    this.units = new Uint16Array(this.first[states]!);
    this.targets = new Int32Array(this.first[states]!);
    for (let state = 1; state < states; state++) {
      let at = this.first[state]!;
      for (const [unit, to] of next[state]!) {
        this.units[at] = unit;
        this.targets[at++] = to;
      }
    }
    this.fail = Int32Array.from(fail);
  }

  /** The state `state` goes to on `unit`: -1 when it has no such transition (the root stays the root). */
  private step(state: number, unit: number): number {
    if (state === 0) return unit < this.rootNext.length ? this.rootNext[unit]! : 0;
    const end = this.first[state + 1]!;
    for (let at = this.first[state]!; at < end; at++) if (this.units[at] === unit) return this.targets[at]!;
    return -1;
  }

  /** Calls `found` with the value of each word occurring in `text` (once per occurrence) and the index just past it. */
  scan(text: string, found: (value: T, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let to = this.step(state, unit);
      while (to < 0) {
        state = this.fail[state]!;
        to = this.step(state, unit);
      }
      state = to;
      const values = this.out[state]!;
      for (let v = 0; v < values.length; v++) found(values[v]!, i + 1);
    }
  }
}
