import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDictionary } from "../../src/nlp/load-dictionary.js";
import { findProjectRoot } from "../../src/project-root.js";

const require = createRequire(import.meta.url);
const StockBuilder = require("kuromoji/src/viterbi/ViterbiBuilder.js") as {
  prototype: { build(this: unknown, sentence: string): unknown };
};

interface Node {
  name: number;
  type: string;
  start_pos: number;
  surface_form: string;
}
interface Internals {
  viterbi_builder: unknown;
  viterbi_searcher: { search(lattice: unknown): Node[] };
  bestPath(text: string): Node[];
}

let raw: Internals;
beforeAll(async () => {
  raw = (await loadDictionary()) as unknown as Internals;
});

const fields = (path: readonly Node[]) => path.map((n) => [n.name, n.type, n.start_pos, n.surface_form]);
/** kuromoji's own lattice and search, sentence by sentence as bestPath cuts them (after 、 and 。). */
function stock(text: string): unknown[] {
  const Tokenizer = require("kuromoji/src/Tokenizer.js") as { splitByPunctuation(t: string): string[] };
  return Tokenizer.splitByPunctuation(text).flatMap((s) =>
    fields(raw.viterbi_searcher.search(StockBuilder.prototype.build.call(raw.viterbi_builder, s))),
  );
}
const searched = (text: string) => fields(raw.bestPath(text));

describe("the path search (kuromoji's Viterbi search without its lattice objects)", () => {
  it("finds kuromoji's path, ties included, for every line of the guide", () => {
    const guide = readFileSync(join(findProjectRoot(), "guide", "help-guide.ja.txt"), "utf8");
    for (const line of guide.split("\n").filter((l) => l.trim().length > 0))
      expect(searched(line)).toEqual(stock(line));
  });

  it("reuses its rows from a long sentence to a short one and back", () => {
    const long = "資格確認ｶｰﾄﾞリーダーの顔認証がabc019😀𠮷".repeat(40);
    for (const text of [long, "無効", "", "😀", long.slice(0, 300), "ああ", "😀😀あ😀😀", "𠮷𠮷あ𠮷𠮷", "😀😀a😀😀"])
      expect(searched(text)).toEqual(stock(text));
  });

  it("keeps kuromoji's quirk: a node whose predecessors are all unreachable takes the last best one found", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(..."😀𠮷あaカ資。"), { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        expect(searched(text)).toEqual(stock(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds kuromoji's path for any mix of scripts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(..."資格確認ｶｰﾄﾞリーダーのがでをabcXYZ019 -・ー。、😀𠮷\u3000"), { maxLength: 60 }),
        (chars) => {
          const text = chars.join("");
          expect(searched(text)).toEqual(stock(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
