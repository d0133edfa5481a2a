import { describe, expect, it } from "vitest";
import { checkCombination } from "../../src/engine/check-combination.js";
import { fixtureKb, realKb } from "./fixture-kb.js";

const kbs = [
  ["real", realKb],
  ["fixture", fixtureKb],
] as const;
const CATEGORIES = ["現役並み", "一般", "低所得"] as const;

describe.each(kbs)("1-④ checker on the %s table", (_name, kb) => {
  const table = () => kb().topics.get("1-4")?.comboTable ?? [];

  it("has the guide's two rows", () => {
    expect(table().map((r) => r.no)).toEqual([1, 2]);
  });

  it("every row, both directions: the right category fits, the others do not", () => {
    for (const row of table()) {
      for (const ratio of row.ratios) {
        for (const category of CATEGORIES) {
          const fits = row.rightCategories.includes(category);
          const text = `高齢受給者証${ratio}割で限度額適用認定証の区分が${category}`;
          const result = checkCombination(table(), text);
          expect(result?.verdict, text).toBe(fits ? "fits" : "does-not-fit");
          expect(result?.findings).toContain(`row:${row.no}`);
          if (!fits) expect(result?.text).toContain("保険者に確認をしてください");
          expect(checkCombination(table(), { ratio, category })?.verdict).toBe(fits ? "fits" : "does-not-fit");
        }
      }
    }
  });

  it.each([
    ["高齢受給者証1割で限度額が現役並み", "does-not-fit", "1割に現役並みは表の#1"],
    ["3割なのに一般", "does-not-fit", "3割に一般は表の#2"],
    ["３割負担で低所得Ⅱ", "does-not-fit", "全角数字と低所得Ⅱ"],
    ["２割なのに現役並みと表示", "does-not-fit", "全角の２割"],
    ["一割で限度額区分が現役並み", "does-not-fit", "漢数字の一割"],
    ["三割で現役並みⅢ", "fits", "漢数字の三割、現役並みⅢは現役並み"],
    ["1割で低所得Ⅰ", "fits", "低所得Ⅰは低所得"],
    ["2割 一般", "fits", "2割は表の#1、一般は正しい"],
    ["3割で区分ア", "unknown", "区分ア～オはガイドの表にない"],
    ["1割負担です", "unknown", "区分がない"],
    ["区分が一般になってる", "unknown", "負担割合がない"],
  ] as const)("%s → %s (%s)", (text, verdict, _why) => {
    expect(checkCombination(table(), text)?.verdict).toBe(verdict);
  });

  it("says what is missing or not in the guide", () => {
    expect(checkCombination(table(), "3割で区分ア")?.text).toContain("「区分ア」はガイドの表にない区分です");
    expect(checkCombination(table(), "1割負担です")?.text).toContain("限度額適用認定証区分");
    expect(checkCombination(table(), { ratio: "1", category: "区分イ" })?.verdict).toBe("unknown");
    expect(checkCombination(table(), { ratio: "1", category: "よくわからない" })?.verdict).toBe("unknown");
    expect(checkCombination(table(), "3割なのに一般")?.text).toContain("「3割負担」なら「現役並み」");
  });

  it.each([
    ["限度額適用認定証の区分が合わない", "割合も区分も書いていない"],
    ["限度額区分エラーが出る", "エラーは区分エではない"],
    ["", "空"],
  ])("%s → no check (%s)", (text) => {
    expect(checkCombination(table(), text)).toBeUndefined();
  });
});
