import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDictionary, type RawTokenizer } from "../../src/nlp/load-dictionary.js";
import { findProjectRoot } from "../../src/project-root.js";

let raw: RawTokenizer;
beforeAll(async () => {
  raw = await loadDictionary();
});

/** kuromoji's own tokens and the best path formatted node by node (word_position counts per sentence there). */
function both(text: string): [unknown[], unknown[]] {
  const strip = ({ word_position: _p, ...rest }: { word_position: number }) => rest;
  return [raw.tokenize(text).map(strip), raw.bestPath(text).map((n) => strip(raw.format(n)))];
}

describe("the best path and its formatting (kuromoji's Tokenizer.tokenize in two halves)", () => {
  it("gives kuromoji's tokens for every line of the guide", () => {
    const guide = readFileSync(join(findProjectRoot(), "guide", "help-guide.ja.txt"), "utf8");
    for (const line of guide.split("\n").filter((l) => l.trim().length > 0)) {
      const [stock, halves] = both(line);
      expect(halves).toEqual(stock);
    }
  });

  it("gives kuromoji's tokens for unknown words, half-width kana, emoji and several sentences", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(..."資格確認ｶｰﾄﾞリーダーのがabcXYZ019 。、😀"), { maxLength: 40 }),
        (chars) => {
          const [stock, halves] = both(chars.join(""));
          expect(halves).toEqual(stock);
        },
      ),
      { numRuns: 200 },
    );
  });
});
