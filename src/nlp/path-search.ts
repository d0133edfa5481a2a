// kuromoji 0.1.2's ViterbiSearcher.search (src/viterbi/ViterbiSearcher.js) on the lattice walk, without
// the lattice: the stock searcher needs a ViterbiNode object (and a list per position) for every word
// the dictionary offers, a dozen per character, to keep the few of the best path. Here the nodes are
// rows of typed arrays reused from sentence to sentence, and only the best path's nodes become objects.
// The path, ties included, is the stock one: test/nlp/path-search.test.ts.
import type { PathNode } from "./best-path.js";
import type { LatticeWalk } from "./lattice-builder.js";

/** kuromoji's ConnectionCosts: `buffer[2 + right × backward_dimension + left]` is the cost of `right` then `left`. */
export interface ConnectionCostTable {
  readonly backward_dimension: number;
  readonly buffer: Int16Array;
}

const NONE = -1;

/** The best path through a sentence (no punctuation split), or undefined when the walk cannot take it. */
export type PathSearch = (sentence: string) => PathNode[] | undefined;

export function createPathSearch(walk: LatticeWalk, costs: ConnectionCostTable): PathSearch {
  // The search reads, for one node, the costs of every node before it: rights varying, its left fixed.
  // kuromoji keeps a right's row of lefts together; here a left's row of rights is (the matrix transposed),
  // so those reads fall in one row instead of one per row, the cache lines of a question's few lefts reused.
  const width = costs.backward_dimension;
  const rights = (costs.buffer.length - 2) / width;
  const matrix = new Int16Array(rights * width);
  for (let r = 0; r < rights; r++)
    for (let l = 0; l < width; l++) matrix[l * rights + r] = costs.buffer[2 + r * width + l]!;
  let capacity = 1024;
  let name = new Int32Array(capacity);
  let cost = new Int32Array(capacity);
  let start = new Int32Array(capacity);
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let known = new Uint8Array(capacity);
  /** The next node ending at the same position, in the order they were added. */
  let next = new Int32Array(capacity);
  let prev = new Int32Array(capacity);
  let shortest = new Float64Array(capacity);
  /** The first and last node ending at each position (the stock lattice's nodes_end_at lists). */
  let head = new Int32Array(256).fill(NONE);
  let tail = new Int32Array(256).fill(NONE);
  let count = 0;
  let lastEnd = 0;

  function grow(): void {
    capacity *= 2;
    const widen = <A extends Int32Array | Uint8Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    const int = (n: number) => new Int32Array(n);
    name = widen(name, int);
    cost = widen(cost, int);
    start = widen(start, int);
    left = widen(left, int);
    right = widen(right, int);
    from = widen(from, int);
    to = widen(to, int);
    next = widen(next, int);
    prev = widen(prev, int);
    known = widen(known, (n) => new Uint8Array(n));
    shortest = widen(shortest, (n) => new Float64Array(n));
  }

  function reach(end: number): void {
    if (end < head.length) return;
    let size = head.length;
    while (size <= end) size *= 2;
    const h = new Int32Array(size).fill(NONE);
    const t = new Int32Array(size).fill(NONE);
    h.set(head);
    t.set(tail);
    head = h;
    tail = t;
  }

  function add(nodeName: number, nodeCost: number, startPos: number, end: number): number {
    if (count === capacity) grow();
    const n = count++;
    name[n] = nodeName;
    cost[n] = nodeCost;
    start[n] = startPos;
    next[n] = NONE;
    prev[n] = NONE;
    shortest[n] = Number.MAX_VALUE;
    reach(end);
    if (head[end] === NONE) head[end] = n;
    else next[tail[end]!] = n;
    tail[end] = n;
    if (end > lastEnd) lastEnd = end;
    return n;
  }

  const sink = (
    nodeName: number,
    nodeCost: number,
    startPos: number,
    length: number,
    isKnown: boolean,
    leftId: number,
    rightId: number,
    surfaceFrom: number,
    surfaceTo: number,
  ): void => {
    // kuromoji files a node under its last position, start + length − 1 (a known word's length in UTF-16 units).
    const n = add(nodeName, nodeCost, startPos, startPos + length - 1);
    left[n] = leftId;
    right[n] = rightId;
    from[n] = surfaceFrom;
    to[n] = surfaceTo;
    known[n] = isKnown ? 1 : 0;
  };

  return function search(sentence) {
    head.fill(NONE, 0, lastEnd + 2);
    tail.fill(NONE, 0, lastEnd + 2);
    count = 0;
    lastEnd = 0;
    // BOS: ends at 0, costs nothing.
    const bos = add(-1, 0, 0, 0);
    left[bos] = 0;
    right[bos] = 0;
    shortest[bos] = 0;
    if (!walk(sentence, sink)) return undefined;
    // EOS: one past the last end (the stock lattice's eos_pos + 1), after the nodes ending at the last end.
    const eosEnd = Math.max(1, lastEnd) + 1;
    const eos = add(-1, 0, eosEnd, eosEnd);
    left[eos] = 0;
    right[eos] = 0;
    // kuromoji declares the best predecessor once for the whole pass (`var shortest_prev_node`) and
    // never resets it: a node whose predecessors are all unreachable takes the last one found for an
    // earlier node. The path is the stock one only with that quirk kept.
    let carried = NONE;
    for (let end = 1; end <= eosEnd; end++) {
      for (let n = head[end]!; n !== NONE; n = next[n]!) {
        const before = start[n]! - 1;
        if (before < 0 || head[before] === NONE) continue;
        let best = Number.MAX_VALUE;
        const row = left[n]! * rights;
        const own = cost[n]!;
        for (let p = head[before]!; p !== NONE; p = next[p]!) {
          const c = shortest[p]! + matrix[row + right[p]!]! + own;
          if (c < best) {
            best = c;
            carried = p;
          }
        }
        prev[n] = carried;
        shortest[n] = best;
      }
    }
    const path: PathNode[] = [];
    let n = prev[eos]!;
    if (n === NONE) return path;
    while (n !== bos) {
      path.push({
        name: name[n]!,
        type: known[n] === 1 ? "KNOWN" : "UNKNOWN",
        start_pos: start[n]!,
        surface_form: sentence.slice(from[n]!, to[n]!),
      });
      if (prev[n] === NONE) return [];
      n = prev[n]!;
    }
    return path.reverse();
  };
}
