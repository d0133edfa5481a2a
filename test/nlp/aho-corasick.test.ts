import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhoCorasick } from "../../src/nlp/aho-corasick.js";

/** Every (word, end) a naive search finds: each occurrence of each word, by the index just past it. */
function naive(words: readonly string[], text: string): [string, number][] {
  const out: [string, number][] = [];
  for (let end = 1; end <= text.length; end++)
    for (const w of words)
      if (w.length > 0 && end >= w.length && text.slice(end - w.length, end) === w) out.push([w, end]);
  return out;
}
const sorted = (pairs: [string, number][]) => pairs.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));

describe("the Aho–Corasick scan", () => {
  it("finds overlapping and nested words, and words around a character outside the BMP", () => {
    const words = ["無効", "無効です", "効で", "カード", "𠮷野", "野家"];
    const found: [string, number][] = [];
    new AhoCorasick(words.map((w) => [w, w] as const)).scan("資格無効です𠮷野家のカード", (w, end) =>
      found.push([w, end]),
    );
    expect(sorted(found)).toEqual(sorted(naive(words, "資格無効です𠮷野家のカード")));
    expect(found).toContainEqual(["𠮷野", 9]);
  });

  it("finds what a naive search finds, for any words and text", () => {
    const char = fc.constantFrom(..."あいう無効カ😀");
    fc.assert(
      fc.property(
        fc.array(
          fc.array(char, { minLength: 1, maxLength: 4 }).map((c) => c.join("")),
          { maxLength: 8 },
        ),
        fc.array(char, { maxLength: 30 }).map((c) => c.join("")),
        (words, text) => {
          const unique = [...new Set(words)];
          const found: [string, number][] = [];
          new AhoCorasick(unique.map((w) => [w, w] as const)).scan(text, (w, end) => found.push([w, end]));
          expect(sorted(found)).toEqual(sorted(naive(unique, text)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
