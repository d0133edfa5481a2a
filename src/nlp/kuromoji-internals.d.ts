// kuromoji 0.1.2 ships no types for its internal modules; only what the dictionary loader uses.
declare module "kuromoji/src/dict/DynamicDictionaries.js" {
  class DynamicDictionaries {
    /** The word trie (doublearray): a word's trie id, -1 when the dictionary has no such word. */
    trie: { lookup(word: string): number };
    token_info_dictionary: {
      target_map: Record<number, ArrayLike<number>>;
      getFeatures(tokenInfoId: number | string): string;
    };
    unknown_dictionary: { getFeatures(tokenInfoId: number | string): string };
    connection_costs: { backward_dimension: number; buffer: Int16Array };
    loadTrie(base: Int32Array, check: Int32Array): this;
    loadTokenInfoDictionaries(tokenInfo: Uint8Array, pos: Uint8Array, targetMap: Uint8Array): this;
    loadConnectionCosts(cc: Int16Array): this;
    loadUnknownDictionaries(
      unk: Uint8Array,
      unkPos: Uint8Array,
      unkMap: Uint8Array,
      catMap: Uint8Array,
      compatCatMap: Uint32Array,
      invokeDef: Uint8Array,
    ): this;
  }
  export = DynamicDictionaries;
}
declare module "kuromoji/src/Tokenizer.js" {
  import type { IpadicFeatures, Tokenizer as KuromojiTokenizer } from "kuromoji";

  class Tokenizer {
    constructor(dic: unknown);
    viterbi_builder: { build(sentence: string): { append(node: unknown): void; appendEos(): void } };
    tokenize(text: string): IpadicFeatures[];
  }
  export = Tokenizer;
  export type { KuromojiTokenizer };
}
