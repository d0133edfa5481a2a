import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { IpadicFeatures } from "kuromoji";
import type DynamicDictionariesType from "kuromoji/src/dict/DynamicDictionaries.js";
import type TokenizerType from "kuromoji/src/Tokenizer.js";
import { type BestPath, bestPathOf } from "./best-path.js";
import { remembered } from "./bounded-memo.js";
import { type DictionaryCache, openDictionaryCache } from "./dictionary-cache.js";
import {
  createLatticeBuilder,
  createLatticeWalk,
  type LatticeDictionaries,
  type TargetTable,
} from "./lattice-builder.js";
import { createPathSearch } from "./path-search.js";

const require = createRequire(import.meta.url);

export class DictionaryError extends Error {
  override readonly name = "DictionaryError";
}

export interface RawTokenizer extends BestPath {
  tokenize(text: string): IpadicFeatures[];
  /** The readings (katakana) of the dictionary's entries for `word` as a whole word; none when it has no such word. */
  readingsOf(word: string): string[];
}

export function defaultDictionaryDir(): string {
  return join(dirname(require.resolve("kuromoji/package.json")), "dict");
}

/** The dictionary files are padded to powers of two (tid_pos 42 MB for 36 MB of data): keep only the data. */
function trimmed(buf: Buffer, margin = 16): Uint8Array {
  let end = buf.length;
  while (end > 0 && buf[end - 1] === 0) end--;
  const keep = Math.min(buf.length, end + margin);
  const out = new Uint8Array(keep);
  out.set(buf.subarray(0, keep));
  return out;
}

function aligned(buf: Buffer): ArrayBuffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.length && buf.buffer instanceof ArrayBuffer)
    return buf.buffer;
  const out = new ArrayBuffer(buf.length);
  new Uint8Array(out).set(buf);
  return out;
}

/**
 * kuromoji keeps trie id → token ids as a plain object of 326k arrays (~60 MB of heap).
 * The same data as one offset table: read directly by the lattice builder (lattice-builder.ts).
 */
function compactTargetTable(buf: Buffer): TargetTable {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  let pos = 4; // map_keys_size
  const keys: number[] = [];
  const starts: number[] = [];
  const values: number[] = [];
  while (pos + 8 <= buf.length) {
    const key = view.getInt32(pos, true);
    const size = view.getInt32(pos + 4, true);
    pos += 8;
    if (size === 0 && key === 0 && keys.length > 0) break;
    keys.push(key);
    starts.push(values.length);
    for (let i = 0; i < size && pos + 4 <= buf.length; i++, pos += 4) values.push(view.getInt32(pos, true));
  }
  let maxKey = 0;
  for (const k of keys) if (k > maxKey) maxKey = k;
  const start = new Int32Array(maxKey + 1).fill(-1);
  const count = new Int32Array(maxKey + 1);
  keys.forEach((k, i) => {
    start[k] = starts[i]!;
    count[k] = (starts[i + 1] ?? values.length) - starts[i]!;
  });
  return { ids: Int32Array.from(values), start, count };
}

/** The table served through the object interface kuromoji's own code reads (trie id → token ids). */
function asTargetMap(table: TargetTable): Record<number, ArrayLike<number>> {
  return new Proxy({} as Record<number, ArrayLike<number>>, {
    get(_target, prop) {
      const k = typeof prop === "string" ? Number(prop) : Number.NaN;
      if (!(k >= 0 && k < table.start.length) || table.start[k]! < 0) return undefined;
      return table.ids.subarray(table.start[k]!, table.start[k]! + table.count[k]!);
    },
  });
}

interface FeatureSource {
  getFeatures(tokenInfoId: number | string): string;
}

/**
 * A word's feature line (品詞,…,読み) decoded once: kuromoji decodes it from UTF-8 byte by byte for every
 * token (a quarter of what a match allocates). The dictionary never changes, so the line is the same.
 */
function memoizeFeatures(source: FeatureSource, limit = 16_384): void {
  const decode = source.getFeatures.bind(source);
  const lines = new Map<number, string>();
  source.getFeatures = (id) => (typeof id !== "number" ? decode(id) : remembered(lines, id, limit, decode));
}

function readGz(dir: string, name: string): Buffer {
  const path = join(dir, name);
  let compressed: Buffer;
  try {
    compressed = readFileSync(path);
  } catch (err) {
    throw new DictionaryError(
      `kuromoji の辞書ファイルを読み込めません: ${path} (${(err as NodeJS.ErrnoException).code})`,
    );
  }
  try {
    // ISIZE (the gzip trailer) sizes the output buffer: one allocation instead of 16 KB chunks and a concat.
    const size = compressed.length >= 4 ? compressed.readUInt32LE(compressed.length - 4) : 0;
    return gunzipSync(compressed, { chunkSize: Math.max(64 * 1024, size + 1) });
  } catch {
    throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${path}`);
  }
}

/**
 * Builds kuromoji's tokenizer from its IPADIC files with about a third of the stock loader's memory:
 * files are inflated one at a time on this thread and trimmed at once, so no worker-thread arena
 * keeps the padded copies alive; the inflated files are cached (dictionary-cache.ts) for the next start.
 * Resolves on the next tick so callers can share the promise.
 */
export async function loadDictionary(
  dir: string = defaultDictionaryDir(),
  cache: DictionaryCache | undefined = openDictionaryCache(dir),
): Promise<RawTokenizer> {
  await Promise.resolve();
  const DynamicDictionaries = require("kuromoji/src/dict/DynamicDictionaries.js") as typeof DynamicDictionariesType;
  const Tokenizer = require("kuromoji/src/Tokenizer.js") as typeof TokenizerType;
  /** The file inflated (and trimmed of its padding), from the cache when it is there. */
  const read = (name: string, trim = false): Buffer => {
    const cached = cache?.read(name);
    if (cached) return cached;
    const inflated = readGz(dir, name);
    const data = trim ? Buffer.from(trimmed(inflated).buffer) : inflated;
    cache?.write(name, data);
    return data;
  };
  const int32 = (name: string) => {
    const buf = read(name);
    if (buf.length === 0 || buf.length % 4 !== 0)
      throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${join(dir, name)}`);
    return new Int32Array(aligned(buf));
  };
  const bytes = (name: string, trim = false) => new Uint8Array(aligned(read(name, trim)));
  try {
    const dic = new DynamicDictionaries();
    const base = int32("base.dat.gz");
    const check = int32("check.dat.gz");
    if (check.length !== base.length) throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${dir}`);
    dic.loadTrie(base, check);
    // An empty map source: the target map is replaced by the compact table below.
    dic.loadTokenInfoDictionaries(bytes("tid.dat.gz", true), bytes("tid_pos.dat.gz", true), new Uint8Array(4));
    const targets = compactTargetTable(read("tid_map.dat.gz"));
    dic.token_info_dictionary.target_map = asTargetMap(targets);
    const cc = read("cc.dat.gz");
    if (cc.length < 4 || cc.length % 2 !== 0)
      throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${dir}`);
    const costs = new Int16Array(aligned(cc));
    // The matrix is rows × columns after the two sizes: a short file would give undefined costs (NaN paths).
    if (costs.length < 2 + Math.max(0, costs[0] ?? 0) * Math.max(0, costs[1] ?? 0))
      throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${join(dir, "cc.dat.gz")}`);
    dic.loadConnectionCosts(costs);
    dic.loadUnknownDictionaries(
      bytes("unk.dat.gz", true),
      bytes("unk_pos.dat.gz", true),
      bytes("unk_map.dat.gz"),
      bytes("unk_char.dat.gz"),
      new Uint32Array(aligned(read("unk_compat.dat.gz"))),
      bytes("unk_invoke.dat.gz"),
    );
    memoizeFeatures(dic.token_info_dictionary);
    memoizeFeatures(dic.unknown_dictionary);
    const tokenizer = new Tokenizer(dic);
    const builder = tokenizer.viterbi_builder;
    const dictionaries = dic as unknown as LatticeDictionaries;
    builder.build = createLatticeBuilder(dictionaries, targets, builder.build.bind(builder));
    const search = createPathSearch(createLatticeWalk(dictionaries, targets), dic.connection_costs);
    const entries = dic.token_info_dictionary;
    const readingsOf = (word: string): string[] => {
      const trieId = word.length > 0 ? dic.trie.lookup(word) : -1;
      const ids = trieId >= 0 ? entries.target_map[trieId] : undefined;
      const readings: string[] = [];
      for (let i = 0; ids && i < ids.length; i++) {
        // IPADIC's features: surface, part of speech (4), conjugation (2), base form, reading, pronunciation.
        const reading = entries.getFeatures(Number(ids[i])).split(",")[8];
        if (reading && reading !== "*" && !readings.includes(reading)) readings.push(reading);
      }
      return readings;
    };
    const raw = Object.assign(tokenizer, bestPathOf(tokenizer as unknown as Parameters<typeof bestPathOf>[0], search), {
      readingsOf,
    });
    // Both halves are probed: kuromoji's own tokenizer and the path search the facade uses.
    const probe = raw.tokenize("資格確認");
    const path = raw.bestPath("資格確認");
    if (
      probe.length === 0 ||
      probe.some((t) => t.pos === undefined) ||
      path.map((n) => n.surface_form).join("") !== "資格確認" ||
      path.some((n) => raw.format(n).pos === undefined)
    ) {
      throw new DictionaryError(`kuromoji の辞書ファイルが壊れています: ${dir}`);
    }
    return raw;
  } catch (err) {
    if (err instanceof DictionaryError) throw err;
    throw new DictionaryError(`kuromoji の辞書を組み立てられません: ${dir} (${(err as Error).name})`);
  }
}
