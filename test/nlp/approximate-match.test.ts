import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approximateMatch } from "../../src/nlp/approximate-match.js";

/** The whole Sellers table, every count exact: the reference the cut-off is held to. */
function reference(pattern: string, text: string): { best: number; atEnd: number[] } {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let best = m;
  for (const c of text) {
    const cur = [0];
    for (let i = 1; i <= m; i++)
      cur[i] = Math.min(prev[i - 1]! + (pattern[i - 1] === c ? 0 : 1), prev[i]! + 1, cur[i - 1]! + 1);
    best = Math.min(best, cur[m]!);
    prev = cur;
  }
  return { best, atEnd: prev };
}

describe("approximate substring match", () => {
  it("counts the edits of the closest substring and of the pattern's prefixes at the text's end", () => {
    expect(approximateMatch("資格喪失", "この方は資格喪夫と出ました").best).toBe(1);
    expect(approximateMatch("アトラス情報サービス", "アトラ情報サービスに電話").best).toBe(1);
    const { atEnd } = approximateMatch("有効期限が切れています", "画面に有効期限が切れて");
    expect(atEnd[8]).toBe(0);
    expect(atEnd[7]).toBe(1);
  });

  it("with a cut-off, gives every count within it exactly and every other one above it", () => {
    const text = fc.array(fc.constantFrom(..."あいう資格"), { maxLength: 24 }).map((c) => c.join(""));
    const pattern = fc.array(fc.constantFrom(..."あいう資格"), { maxLength: 10 }).map((c) => c.join(""));
    fc.assert(
      fc.property(pattern, text, fc.nat(6), (p, t, k) => {
        const exact = reference(p, t);
        const cut = approximateMatch(p, t, k);
        if (exact.best <= k) expect(cut.best).toBe(exact.best);
        else expect(cut.best).toBeGreaterThan(k);
        exact.atEnd.forEach((count, i) => {
          if (count <= k) expect(cut.atEnd[i]).toBe(count);
          else expect(cut.atEnd[i]).toBeGreaterThan(k);
        });
        expect(approximateMatch(p, t).best).toBe(exact.best);
      }),
      { numRuns: 2000 },
    );
  });
});
