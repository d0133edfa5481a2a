// kuromoji 0.1.2's Tokenizer.tokenize (src/Tokenizer.js) in its two halves: the best path through each
// sentence, and a path node formatted as kuromoji's token. The tokenizer facade formats a known word once
// (its token comes from its dictionary entry alone) and reuses it; kuromoji formats every occurrence
// (a feature line split and a 14-field object per token, a third of its time).
import { createRequire } from "node:module";
import type { IpadicFeatures } from "kuromoji";
import type { PathSearch } from "./path-search.js";

const require = createRequire(import.meta.url);

/** A node of kuromoji's best path (ViterbiNode): `name` is the word's id in its dictionary. */
export interface PathNode {
  readonly name: number;
  readonly type: string;
  readonly start_pos: number;
  readonly surface_form: string;
}

export interface BestPath {
  /** The nodes of the best path, sentence by sentence (cut after 、 and 。), as Tokenizer.tokenize walks them. */
  bestPath(text: string): PathNode[];
  /** The node as Tokenizer.tokenizeForSentence formats it; word_position counts from its sentence's start. */
  format(node: PathNode): IpadicFeatures;
}

interface FeatureSource {
  getFeatures(id: number): string | null | undefined;
}

interface TokenizerInternals {
  readonly viterbi_builder: { build(sentence: string): unknown };
  readonly viterbi_searcher: { search(lattice: unknown): PathNode[] };
  readonly token_info_dictionary: FeatureSource;
  readonly unknown_dictionary: FeatureSource;
  readonly formatter: {
    formatEntry(id: number, position: number, type: string, features: string[]): IpadicFeatures;
    formatUnknownEntry(id: number, position: number, type: string, features: string[], surface: string): IpadicFeatures;
  };
}

const Tokenizer = require("kuromoji/src/Tokenizer.js") as { splitByPunctuation(text: string): string[] };

/** `search` finds a sentence's path without kuromoji's lattice (path-search.ts); the stock builder and searcher take what it cannot. */
export function bestPathOf(tokenizer: TokenizerInternals, search?: PathSearch): BestPath {
  const features = (source: FeatureSource, id: number): string[] => {
    const line = source.getFeatures(id);
    return line == null ? [] : line.split(",");
  };
  return {
    bestPath(text) {
      const nodes: PathNode[] = [];
      for (const sentence of Tokenizer.splitByPunctuation(text)) {
        const path = search?.(sentence) ?? tokenizer.viterbi_searcher.search(tokenizer.viterbi_builder.build(sentence));
        for (const node of path) nodes.push(node);
      }
      return nodes;
    },
    format(node) {
      const { formatter } = tokenizer;
      if (node.type === "KNOWN")
        return formatter.formatEntry(
          node.name,
          node.start_pos,
          node.type,
          features(tokenizer.token_info_dictionary, node.name),
        );
      if (node.type === "UNKNOWN")
        return formatter.formatUnknownEntry(
          node.name,
          node.start_pos,
          node.type,
          features(tokenizer.unknown_dictionary, node.name),
          node.surface_form,
        );
      return formatter.formatEntry(node.name, node.start_pos, node.type, []);
    },
  };
}
