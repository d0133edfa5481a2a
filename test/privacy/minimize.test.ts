import { describe, expect, it } from "vitest";
import { minimizePersonalData, personalDataIn } from "../../src/privacy/minimize.js";

const GUIDE_LINES = new Set(["01209245240", "08000804583", "0120924524"]);
const minimized = (text: string): string => minimizePersonalData(text, { keepPhones: GUIDE_LINES }).text;

// [input, expected, reason]
const replaced: [string, string, string][] = [
  ["患者の山田太郎さんの保険証", "患者の[氏名]さんの保険証", "a name before さん"],
  ["患者山田太郎様が来院", "患者[氏名]様が来院", "a name straight after 患者"],
  ["山田 太郎様", "[氏名]様", "family and given name with a space"],
  ["ヤマダ タロウ様の資格", "[氏名]様の資格", "a katakana name"],
  ["ﾔﾏﾀﾞﾀﾛｳさん", "[氏名]さん", "a half-width kana name"],
  ["患者のやまだたろうさん", "患者の[氏名]さん", "a hiragana name of a patient"],
  ["氏名: 山田 太郎 生年月日 S50.1.2", "氏名: [氏名] 生年月日 [生年月日]", "a pasted screen"],
  ["フリガナ ヤマダ タロウ", "フリガナ [氏名]", "フリガナ"],
  ["佐藤氏より", "[氏名]氏より", "氏 as an honorific"],
  [
    "結果が「佐藤一郎」さんになってます",
    "結果が「[氏名]」さんになってます",
    "a name quoted from the screen before さん",
  ],
  ["画面は『タナカ ハナコ』様", "画面は『[氏名]』様", "a quoted katakana name before 様"],
  ["東京都港区芝公園1-2-3の患者", "[住所]の患者", "an address from the prefecture"],
  ["横浜市中区山下町1-2に住む", "[住所]に住む", "an address from the city"],
  ["住所は梅田一丁目", "住所は[住所]", "a labelled address"],
  ["〒105-0011", "[郵便番号]", "a postcode"],
  ["090-1234-5678に折り返し", "[電話番号]に折り返し", "a mobile number"],
  ["(03)1234-5678", "[電話番号]", "a number with its area code in brackets"],
  ["+81-3-1234-5678", "[電話番号]", "an international number"],
  ["taro.yamada+1@example.co.jp から", "[メール] から", "an e-mail address"],
  ["1975年1月2日の人", "[日付]の人", "an unlabelled date"],
  ["平成元年5月6日の患者", "[日付]の患者", "和暦 with 元年"],
  ["昭和50年生", "[日付]生", "a 和暦 year"],
  ["S50.1.2", "[日付]", "和暦 abbreviated"],
  ["2024/1/15 受診", "[日付] 受診", "a date with slashes"],
  ["1975-01-02", "[日付]", "ISO date"],
  ["19750102", "[日付]", "8 digits that are a date"],
  ["1月2日に来た", "[日付]に来た", "month and day"],
  ["1975年1月", "[日付]", "year and month"],
  ["暗唱番号は4821", "暗唱番号は[暗証番号]", "暗唱番号"],
  ["1234.5678.9018", "[個人番号]", "a 個人番号 first"],
];

const kept: [string, string][] = [
  ["患者さんのカードが読めない", "患者さん"],
  ["お客様が", "お客様"],
  ["受付の担当者さん", "担当者さん"],
  ["氏名が表示されない", "a question about the 氏名 field"],
  ["0120-924-524 に電話", "the guide's line"],
  ["0800-080-4583", "the guide's call center"],
  ["2026-12-01T00:00:00.000Z", "a machine timestamp"],
  ["顔認証付きカードリーダーでエラー", "no personal data"],
  ["[氏名]さん [日付] [住所]", "placeholders are stable"],
  ["富士通さんに連絡", "a maker"],
];

describe("minimizePersonalData", () => {
  it.each(replaced)("%s → %s (%s)", (input, expected) => expect(minimized(input)).toBe(expected));
  it.each(kept)("keeps %s (%s)", (input) => expect(minimized(input)).toBe(input.normalize("NFKC")));

  it("a phone not in the guide is replaced when no lines are given", () => {
    expect(minimizePersonalData("0120-924-524").text).toBe("[電話番号]");
  });

  it("names the kinds it found", () => {
    expect(personalDataIn("患者の山田太郎さん taro@example.jp 1975年1月2日").sort()).toEqual(["date", "email", "name"]);
  });

  it("is linear on 100,000 characters", () => {
    for (const unit of ["山田さん", "東京都港", "1/", "患者の", "a@", "0120-"]) {
      const text = unit.repeat(100_000 / unit.length);
      const start = performance.now();
      minimizePersonalData(text);
      expect(performance.now() - start).toBeLessThan(2_000);
    }
  });
});
