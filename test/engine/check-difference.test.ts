import { describe, expect, it } from "vitest";
import { checkDifference, findDifferencePatterns } from "../../src/engine/check-difference.js";
import { differenceMsg } from "../../src/engine/messages.js";
import { fixtureKb, realKb } from "./fixture-kb.js";

const patterns = () => realKb().topics.get("1-1")?.differencePatterns ?? [];

describe("1-① checker on the real patterns", () => {
  it.each([
    ["記号に●が入って表示される", "symbol-in-number", "●"],
    ["番号にスラッシュが入ってる", "symbol-in-number", "/"],
    ["番号の頭の0が消えている", "leading-zero", "冒頭の0の省略"],
    ["番号がゼロ埋めされて桁が多い", "leading-zero", "不要な0埋め"],
    ["記号が空白で番号に記号と番号がくっついて出る", "symbol-blank-number-combined", "記号＋番号"],
    ["記号の漢字が抜けて数字だけになる", "kanji-omitted", "漢字の省略"],
    ["本人なのに家族と表示される", "relation-differs", "本人・家族区分"],
    ["カナ氏名が出ない患者さん", "kana-missing", "カナなし"],
    ["氏名に空白が入っている", "name-blank", "氏名の空白"],
    ["カナの小さい文字が大きく、ャがヤになる", "small-kana", "小文字が大文字"],
    ["名前に＊が入って表示", "special-symbols", "特定記号（全角＊）"],
  ])("%s → %s (%s)", (text, id) => {
    const result = checkDifference(patterns(), text);
    expect(result?.verdict).toBe("known-pattern");
    expect(result?.findings).toContain(id);
    expect(result?.text).toContain(differenceMsg.rule);
  });

  it("every pattern of the guide is recognised by its own first cue", () => {
    for (const p of patterns()) {
      expect(findDifferencePatterns(patterns(), `表示が${p.cues[0]}になっています`).map((f) => f.id)).toContain(p.id);
    }
  });

  it("a longer cue wins over a shorter one inside it (氏名に空白 is not a 記号・番号 blank)", () => {
    expect(checkDifference(patterns(), "氏名に空白がある")?.findings).toEqual(["name-blank"]);
  });

  it("a question's own ？ is not a symbol on the screen", () => {
    expect(checkDifference(patterns(), "本人・家族区分が違うのはなぜ？")?.findings).toEqual(["relation-differs"]);
  });

  it("names no pattern, and claims none, when the description names none (the guide's list is shown instead)", () => {
    expect(checkDifference(patterns(), "生年月日が違う")).toBeUndefined();
    expect(checkDifference(patterns(), "券面と表示が違う")).toBeUndefined();
  });

  it("an empty description gives no check", () => {
    expect(checkDifference(patterns(), "   ")).toBeUndefined();
  });
});

describe("1-① checker on fixture patterns", () => {
  const fixture = () => fixtureKb().topics.get("1-1")?.differencePatterns ?? [];
  it("names several patterns in the guide's order", () => {
    expect(checkDifference(fixture(), "氏名に空白、記号に●")?.findings).toEqual(["symbol", "name-blank"]);
  });
  it("adds the exceptions it is given", () => {
    expect(checkDifference(fixture(), "●", "例外の場合（P6）：x")?.text).toContain("例外の場合（P6）：x");
  });
});
