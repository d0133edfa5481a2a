import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDictionary } from "../../src/nlp/load-dictionary.js";
import { findProjectRoot } from "../../src/project-root.js";

const require = createRequire(import.meta.url);
const StockBuilder = require("kuromoji/src/viterbi/ViterbiBuilder.js") as {
  prototype: { build(this: unknown, sentence: string): Lattice };
};

interface LatticeNode {
  name: number;
  cost: number;
  start_pos: number;
  length: number;
  type: string;
  left_id: number;
  right_id: number;
  surface_form: string;
}
interface Lattice {
  nodes_end_at: (LatticeNode[] | undefined)[];
  eos_pos: number;
}
interface Builder {
  build(sentence: string): Lattice;
}

let builder: Builder;
const fast = (s: string) => builder.build(s);
const stock = (s: string) => StockBuilder.prototype.build.call(builder, s);

/** Every node of a lattice, in the order the Viterbi search reads them. */
function nodes(lattice: Lattice): unknown[] {
  return [
    lattice.eos_pos,
    ...lattice.nodes_end_at.map((list) =>
      (list ?? []).map((n) => [n.name, n.cost, n.start_pos, n.length, n.type, n.left_id, n.right_id, n.surface_form]),
    ),
  ];
}

beforeAll(async () => {
  const tokenizer = (await loadDictionary()) as unknown as { viterbi_builder: Builder };
  builder = tokenizer.viterbi_builder;
});

describe("the lattice builder (kuromoji's ViterbiBuilder.build with less work)", () => {
  it("builds the stock lattice for every line of the guide", () => {
    const guide = readFileSync(join(findProjectRoot(), "guide", "help-guide.ja.txt"), "utf8");
    const lines = guide.split("\n").filter((l) => l.trim().length > 0);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(nodes(fast(line))).toEqual(nodes(stock(line)));
  });

  it("keeps kuromoji's quirks: surrogate pairs, grouped unknown words, half-width kana, Latin and digits", () => {
    for (const text of [
      "",
      "😀",
      "😀😀😀カードが😀読めない",
      "ｺｰﾙｾﾝﾀｰﾅﾝｼﾞﾏﾃﾞ",
      "ABCカードリーダーXYZ123 ver2.0",
      "𠮷野家で資格確認",
      "ﾏｲﾅ保険証ｴﾗｰ　全角スペース",
      "ああああああああああああああああああああああああああああああああ",
    ])
      expect(nodes(fast(text))).toEqual(nodes(stock(text)));
  });

  it("builds the stock lattice for any mix of scripts", () => {
    const pool = [..."資格確認カードリーダー顔認証ｶｰﾄﾞのがでをabcXYZ019 -・ー。、😀𠮷\u3000"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(nodes(fast(text))).toEqual(nodes(stock(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("throws on a broken surrogate pair, as the stock builder does", () => {
    for (const text of ["資格\uD83D確認", "確認\uD83D"]) {
      expect(() => stock(text)).toThrow(TypeError);
      expect(() => fast(text)).toThrow(TypeError);
    }
  });
});
