// kuromoji 0.1.2's ViterbiBuilder.build (src/viterbi/ViterbiBuilder.js), the same lattice with less work.
// At every position the stock builder encodes the whole rest of the sentence to UTF-8 in a new
// ArrayBuffer, copies and decodes every prefix it finds, wraps the rest in a SurrogateAwareString
// (O(n²) per sentence) and parseInt()s every token id. Here the trie is walked on the bytes of one
// character at a time, only as far as it has words, a word's text is a slice of the sentence, and
// positions come from one index of the sentence's characters. The nodes, their order and kuromoji's
// quirks (an unknown word's length) are those of the stock builder: test/nlp/lattice-builder.test.ts.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Trie id → token ids, as one offset table (load-dictionary.ts builds it from tid_map.dat). */
export interface TargetTable {
  readonly ids: Int32Array;
  /** Where a trie id's token ids start in `ids`, -1 when it has none. */
  readonly start: Int32Array;
  readonly count: Int32Array;
}

/** kuromoji's ByteBuffer: its bytes are read here through a DataView (getShort re-assembles and bounds-checks each). */
interface ByteBufferLike {
  readonly buffer: Uint8Array;
}

/** A dictionary entry's left id, right id and cost: three little-endian int16 from its byte offset. */
const shorts = (b: ByteBufferLike) => new DataView(b.buffer.buffer, b.buffer.byteOffset, b.buffer.byteLength);

interface CharacterClass {
  readonly class_id: number;
  readonly class_name: string;
  readonly is_always_invoke: number | boolean;
  readonly is_grouping: number | boolean;
}

/** The parts of kuromoji's DynamicDictionaries the builder reads. */
export interface LatticeDictionaries {
  readonly trie: { readonly bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array } };
  readonly token_info_dictionary: { readonly dictionary: ByteBufferLike };
  readonly unknown_dictionary: {
    readonly dictionary: ByteBufferLike;
    readonly target_map: Record<number, ArrayLike<number | string>>;
    lookup(ch: string): CharacterClass;
  };
}

interface Lattice {
  append(node: unknown): void;
  appendEos(): void;
}

type NodeConstructor = new (
  name: number,
  cost: number,
  startPos: number,
  length: number,
  type: "KNOWN" | "UNKNOWN",
  leftId: number,
  rightId: number,
  surface: string,
) => unknown;

const ViterbiLattice = require("kuromoji/src/viterbi/ViterbiLattice.js") as new () => Lattice;
const ViterbiNode = require("kuromoji/src/viterbi/ViterbiNode.js") as NodeConstructor;

/** Where each character starts, as kuromoji's SurrogateAwareString counts them (a high surrogate takes the next unit). */
function characterStarts(text: string, into: number[]): number[] {
  into.length = 0;
  for (let i = 0; i < text.length; i++) {
    into.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return into;
}

/** doublearray's stringToUtf8Bytes returns null for a broken surrogate pair and its caller throws on it. */
function brokenPair(): never {
  throw new TypeError("kuromoji: malformed surrogate pair");
}

/**
 * Where the walk puts a node: kuromoji's ViterbiNode fields, the surface as `sentence.slice(from, to)`.
 * `startPos` counts characters from 1; `length` is kuromoji's (UTF-16 units for a known word).
 */
export type NodeSink = (
  name: number,
  cost: number,
  startPos: number,
  length: number,
  known: boolean,
  left: number,
  right: number,
  from: number,
  to: number,
) => void;

/**
 * Walks a sentence as the stock builder does and hands each lattice node to `sink`, in the stock
 * builder's order; returns false (having handed some nodes) when a dictionary word ends inside a
 * character, which the stock code decodes its own way (none in IPADIC).
 */
export type LatticeWalk = (sentence: string, sink: NodeSink) => boolean;

export function createLatticeWalk(dic: LatticeDictionaries, targets: TargetTable): LatticeWalk {
  const base = dic.trie.bc.getBaseBuffer();
  const check = dic.trie.bc.getCheckBuffer();
  const size = Math.min(base.length, check.length);
  const known = shorts(dic.token_info_dictionary.dictionary);
  const unknown = dic.unknown_dictionary;
  const unknownEntries = shorts(unknown.dictionary);
  const bytes = new Uint8Array(4);
  /** A character's class by its first UTF-16 unit: all kuromoji's lookup reads (a high surrogate is DEFAULT). */
  const classes = new Map<number, CharacterClass>();
  const classOf = (unit: number): CharacterClass => {
    let found = classes.get(unit);
    if (!found) {
      found = unknown.lookup(String.fromCharCode(unit));
      classes.set(unit, found);
    }
    return found;
  };
  /** An unknown-word class's token ids, parsed once (the stock code parseInt()s them at every position). */
  const unknownIds = new Map<number, readonly number[]>();
  const idsOf = (classId: number): readonly number[] => {
    let ids = unknownIds.get(classId);
    if (!ids) {
      ids = Array.from(unknown.target_map[classId]!, (id) => Number.parseInt(String(id), 10));
      unknownIds.set(classId, ids);
    }
    return ids;
  };
  const starts: number[] = [];

  function appendKnown(sink: NodeSink, trieId: number, pos: number, from: number, to: number): void {
    const first = trieId >= 0 && trieId < targets.start.length ? targets.start[trieId]! : -1;
    if (first < 0) throw new TypeError(`kuromoji: no token for trie id ${trieId}`);
    const end = first + targets.count[trieId]!;
    for (let t = first; t < end; t++) {
      const id = targets.ids[t]!;
      sink(
        id,
        known.getInt16(id + 4, true),
        pos + 1,
        to - from,
        true,
        known.getInt16(id, true),
        known.getInt16(id + 2, true),
        from,
        to,
      );
    }
  }

  /** The dictionary words the text at `from` starts with, shortest first; returns how many. */
  function appendKnownWords(sink: NodeSink, text: string, from: number, pos: number): number {
    let found = 0;
    let parent = 0;
    let i = from;
    while (i < text.length) {
      let code = text.charCodeAt(i++);
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = text.charCodeAt(i++);
        if (!(low >= 0xdc00 && low <= 0xdfff)) brokenPair();
        code = (code - 0xd800) * 0x400 + 0x10000 + (low - 0xdc00);
      }
      let n: number;
      if (code < 0x80) {
        bytes[0] = code;
        n = 1;
      } else if (code < 0x800) {
        bytes[0] = (code >>> 6) | 0xc0;
        bytes[1] = (code & 0x3f) | 0x80;
        n = 2;
      } else if (code < 0x10000) {
        bytes[0] = (code >>> 12) | 0xe0;
        bytes[1] = ((code >> 6) & 0x3f) | 0x80;
        bytes[2] = (code & 0x3f) | 0x80;
        n = 3;
      } else {
        bytes[0] = (code >>> 18) | 0xf0;
        bytes[1] = ((code >> 12) & 0x3f) | 0x80;
        bytes[2] = ((code >> 6) & 0x3f) | 0x80;
        bytes[3] = (code & 0x3f) | 0x80;
        n = 4;
      }
      for (let b = 0; b < n; b++) {
        const child = base[parent]! + bytes[b]!;
        if (child < 0 || child >= size || check[child] !== parent) return found;
        parent = child;
        const leaf = base[child]!; // its child by the terminal code 0
        if (leaf < 0 || leaf >= size || check[leaf] !== child) continue;
        if (b !== n - 1) {
          // A word ending inside a character: the stock code decodes it its own way.
          return -1;
        }
        const value = base[leaf]!;
        if (value > 0) throw new TypeError("kuromoji: trie word without a value");
        appendKnown(sink, -value - 1, pos, from, i);
        found++;
      }
    }
    return found;
  }

  return function walk(sentence, sink) {
    const chars = characterStarts(sentence, starts);
    const length = chars.length;
    for (let pos = 0; pos < length; pos++) {
      const from = chars[pos]!;
      const words = appendKnownWords(sink, sentence, from, pos);
      if (words < 0) return false;
      const headClass = classOf(sentence.charCodeAt(from));
      if (words === 0 || headClass.is_always_invoke === 1) {
        // The stock code keeps the key as a SurrogateAwareString (length 1) until a character is
        // appended to it; then it is a string and its length counts UTF-16 units. It appends the
        // following characters of the same class one by one; here the run is found in one pass.
        let end = pos + 1 < length ? chars[pos + 1]! : sentence.length;
        let keyLength = 1;
        if (headClass.is_grouping === 1 && 1 < length - pos) {
          let k = pos + 1;
          while (k < length && classOf(sentence.charCodeAt(chars[k]!)).class_name === headClass.class_name) k++;
          if (k > pos + 1) {
            end = k < length ? chars[k]! : sentence.length;
            keyLength = end - from;
          }
        }
        const ids = idsOf(headClass.class_id);
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j]!;
          const left = unknownEntries.getInt16(id, true);
          const right = unknownEntries.getInt16(id + 2, true);
          const cost = unknownEntries.getInt16(id + 4, true);
          sink(id, cost, pos + 1, keyLength, false, left, right, from, end);
        }
      }
    }
    return true;
  };
}

/** kuromoji's ViterbiBuilder.build on the walk; `stock` is its own build, for a word ending inside a character. */
export function createLatticeBuilder(
  dic: LatticeDictionaries,
  targets: TargetTable,
  stock: (sentence: string) => Lattice,
): (sentence: string) => Lattice {
  const walk = createLatticeWalk(dic, targets);
  return function build(sentence: string): Lattice {
    const lattice = new ViterbiLattice();
    const complete = walk(sentence, (name, cost, startPos, length, known, left, right, from, to) =>
      lattice.append(
        new ViterbiNode(
          name,
          cost,
          startPos,
          length,
          known ? "KNOWN" : "UNKNOWN",
          left,
          right,
          sentence.slice(from, to),
        ),
      ),
    );
    if (!complete) return stock(sentence);
    lattice.appendEos();
    return lattice;
  };
}
