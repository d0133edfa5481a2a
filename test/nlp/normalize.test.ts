import { describe, expect, it } from "vitest";
import { cutAtGrapheme, foldForMatching, normalizeText } from "../../src/nlp/normalize.js";

describe("normalizeText", () => {
  it.each([
    ["ｶﾞｲﾄｳｼｶｸﾅｼ", "ガイトウシカクナシ", "half-width katakana becomes full-width"],
    ["０８００－０８０－４５８３", "0800-080-4583", "full-width digits and dashes keep the phone number intact"],
    ["0800ー080ー4583", "0800-080-4583", "a long-vowel mark between digits is a hyphen"],
    ["コールセンタ－", "コールセンター", "a minus after katakana is a long vowel"],
    ["無\u200B効", "無効", "zero-width space inside a keyword is removed"],
    ["\u202E無効\u202C", "無効", "bidi overrides are removed"],
    ["無効😭😭", "無効", "emoji are ignored"],
    ["各々", "各各", "々 repeats the kanji before it"],
    ["  無効\n\n と  出た ", "無効 と 出た", "whitespace folded"],
    ["a\u0000b", "ab", "NUL removed"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("removes lone surrogates but keeps paired ones", () => {
    expect(normalizeText("無効\uD800です")).toBe("無効です");
    expect(normalizeText("𠮷野家")).toBe("𠮷野家");
  });

  it("cuts at 2,000 characters without splitting a grapheme", () => {
    const text = `${"あ".repeat(1999)}👨‍👩‍👧`;
    const cut = cutAtGrapheme(text, 2000);
    expect(cut).toBe("あ".repeat(1999));
    expect(normalizeText("無".repeat(100_000)).length).toBe(2000);
  });
});

describe("foldForMatching", () => {
  it.each([
    ["ムコウ", "むこう", "katakana folds into hiragana"],
    ["ＣＡＲＤ Reader", "card reader", "width and case"],
    ["ひょうじ", "ひょうじ", "small kana stay small (ひょう ≠ ひよう)"],
    ["無効（新しい資格あり）", "無効 新しい資格あり", "punctuation becomes a space"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(foldForMatching(normalizeText(input))).toBe(expected);
  });
});
