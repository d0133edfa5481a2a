import { describe, expect, it } from "vitest";
import {
  containsValidMyNumber,
  isValidInsurerNumber,
  isValidMyNumber,
  maskPersonalData,
} from "../../src/privacy/mask.js";
import { PERSONAL_NUMBER_WARNING } from "../../src/privacy/messages.js";

const masked = (text: string): string => maskPersonalData(text).text;

describe("check digits", () => {
  it.each([
    ["123456789018", true],
    ["301661318600", true],
    ["123456789010", false],
    ["000000000000", true],
    ["12345678901", false],
  ])("My Number %s → %s", (digits, valid) => expect(isValidMyNumber(digits)).toBe(valid));

  it.each([
    ["01130012", true, "協会けんぽ 東京支部"],
    ["06139947", false, "one digit off"],
    ["39131016", true, "法別 39, computed by hand"],
  ])("保険者番号 %s → %s (%s)", (digits, valid) => expect(isValidInsurerNumber(digits)).toBe(valid));
});

// [input, expected output, reason]
const masks: [string, string, string][] = [
  ["123456789018", "[個人番号]", "check digit holds"],
  ["301661318600", "[個人番号]", "check digit holds (remainder ≤ 1 → 0)"],
  ["123456789010", "[12桁番号]", "12 digits, wrong check digit: still never in clear"],
  ["マイナンバーは1234 5678 9018です", "マイナンバーは[個人番号]です", "spaces between groups"],
  ["1234-5678-9018", "[個人番号]", "hyphens"],
  ["1234‐5678‑9018", "[個人番号]", "U+2010 / U+2011 hyphens"],
  ["1234–5678—9018", "[個人番号]", "en / em dashes"],
  ["1234−5678ー9018ｰ", "[個人番号]ｰ", "minus, 長音 as separators"],
  ["1234\u200b5678\u2060901\ufeff8", "[個人番号]", "zero-width characters"],
  ["１２３４５６７８９０１８", "[個人番号]", "full-width digits"],
  ["１２３４　５６７８　９０１８", "[個人番号]", "full-width digits and ideographic spaces"],
  ["1234 - 5678 - 9018", "[個人番号]", "spaced hyphens"],
  ["1234 5678 9018 5", "[個人番号] 5", "a trailing count does not hide a valid number"],
  ["123456789018 12時", "[個人番号] 12時", "a following time does not hide a valid number"],
  ["保険者番号 01130012", "保険者番号 [保険者番号]", "8 digits named 保険者番号"],
  ["保険者 番号：06130012", "保険者 番号：[保険者番号]", "保険者 番号 with a space"],
  ["保険者No.138123", "保険者No.[保険者番号]", "6-digit 国保 named"],
  ["保険者番号は 0113 0012", "保険者番号は [保険者番号]", "named, with a separator"],
  ["01130012", "[保険者番号]", "8 digits whose check digit holds"],
  ["記号 1234 番号 5678", "記号 [記号] 番号 [番号]", "記号 and 番号 named"],
  ["記号：あいう１２ 番号：３４５", "記号：[記号] 番号：[番号]", "kana and full-width values"],
  ["被保険者証記号 ABC-12、番号 7", "被保険者証記号 [記号]、番号 [番号]", "alphanumeric 記号"],
  ["記号 ●● 番号 1234", "記号 ●● 番号 [番号]", "番号 after an unreadable 記号"],
  ["記号番号 1234 5678", "記号番号 [記号・番号]", "combined label"],
  ["被保険者番号 12345", "被保険者番号 [番号]", "被保険者番号 is a 番号, not a 保険者番号"],
  ["枝番 01", "枝番 [枝番]", "枝番 named"],
  ["暗証番号 1234", "暗証番号 [暗証番号]", "PIN"],
  ["暗証番号は１２３４です", "暗証番号は[暗証番号]です", "PIN, full-width"],
  ["生年月日 1980/1/2", "生年月日 [生年月日]", "西暦 with slashes"],
  ["生年月日：1980-01-02", "生年月日：[生年月日]", "西暦 with hyphens"],
  ["誕生日は1980年1月2日", "誕生日は[生年月日]", "年月日"],
  ["生年月日 昭和55年1月2日", "生年月日 [生年月日]", "和暦"],
  ["生年月日 S55.1.2", "生年月日 [生年月日]", "和暦 abbreviated"],
  ["生年月日（西暦）19800102", "生年月日（西暦）[生年月日]", "8 digits after the label"],
  ["H2.3.4生まれ", "[生年月日]生まれ", "date before 生まれ"],
  ["R1.5.1 生まれ", "[生年月日] 生まれ", "令和元年 abbreviated"],
  ["1980年1月2日生まれ", "[生年月日]生まれ", "西暦 before 生まれ"],
  ["記号 1234、電話番号 0120-924-524", "記号 [記号]、電話番号 0120-924-524", "電話番号 is not the 番号 of 記号・番号"],
  // issue 12: every separator a number can be written with
  ["1234.5678.9018", "[個人番号]", "dots"],
  ["1234,5678,9018", "[個人番号]", "commas"],
  ["1234、5678、9018", "[個人番号]", "読点"],
  ["1234/5678/9018", "[個人番号]", "slashes"],
  ["1234\n5678\n9018", "[個人番号]", "newlines"],
  ["1234\r\n5678\u20289018", "[個人番号]", "CR LF and a line separator"],
  ["1234    5678      9018", "[個人番号]", "four and more spaces"],
  ["(1234)(5678)(9018)", "([個人番号])", "parentheses"],
  ["（1234）（5678）（9018）", "([個人番号])", "full-width parentheses"],
  ["𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖", "[個人番号]", "mathematical bold digits"],
  ["𝟙𝟚𝟛𝟜 𝟝𝟞𝟟𝟠 𝟡𝟘𝟙𝟠", "[個人番号]", "mathematical double-struck digits"],
  ["١٢٣٤٥٦٧٨٩٠١٨", "[個人番号]", "Arabic-Indic digits"],
  ["1234\u001b5678\u00079018", "[個人番号]", "control characters between groups"],
  ["1234\u202e5678\u00ad9018", "[個人番号]", "bidi override and soft hyphen"],
  ["1234567890181", "[個人番号]1", "a valid number inside a longer run"],
  ["99123456789018", "99[個人番号]", "a valid number at the end of a longer run"],
  ["電話 0120-924-524 1234.5678.9018", "電話 0120-924-524 [個人番号]", "a phone next to a number"],
  ["暗唱番号は4821", "暗唱番号は[暗証番号]", "暗唱番号 (a common slip for 暗証番号)"],
];

const kept: [string, string][] = [
  ["1234567890123", "13-digit 法人番号 whose 12-digit windows all fail the check"],
  ["個人番号 1234567890123", "13 digits even when called 個人番号"],
  ["0120-924-524 10:00", "a phone and a time joined by a space"],
  ["0800-080-4583", "コールセンター"],
  ["0120-924-524", "富士通Japan"],
  ["0120-878-400", "パナソニック コネクト"],
  ["0120-346-400", "アルメックス"],
  ["03-6636-0333", "キヤノンMJ"],
  ["06-6946-2488", "アトラス情報サービス"],
  ["08000804583", "phone without hyphens"],
  ["0120-924-524 10:00", "phone followed by a time: 12 digits, check fails, phone shape"],
  ["03-6636-0333 06-6946-2488", "two phones in a row"],
  ["月曜日～金曜日 8:00～18:00、土曜日8:00～16:00", "opening hours"],
  ["10:30 に 2024/1/15 の件", "time and date without context"],
  ["2024-01-15", "ISO date without context"],
  ["20240115", "8-digit date without context (check digit holds, date wins)"],
  ["受診日 2024年1月2日", "a date that is not a birth date"],
  ["医療機関コード 1312345", "7-digit 医療機関コード"],
  ["医療機関コード 1311312345", "10-digit 医療機関コード"],
  ["06139947", "8 digits, check digit fails"],
  ["記号・番号に●が表示される", "a question about 記号・番号"],
  ["記号番号の先頭の0が消える", "a question, no delimiter before the value"],
  ["枝番は2桁です", "a count, not a value"],
  ["暗証番号を3回間違えた", "a count, not a PIN"],
  ["暗証番号は4桁", "a length, not a PIN"],
];

describe("maskPersonalData", () => {
  // the output is the text after the one normalisation (NFKC): "：" comes back as ":"
  it.each(masks)("%s → %s (%s)", (input, expected) => expect(masked(input)).toBe(expected.normalize("NFKC")));
  it.each(kept)("keeps %s (%s)", (input) => expect(masked(input)).toBe(input.normalize("NFKC")));

  it("counts what it found", () => {
    const { found } = maskPersonalData(
      "個人番号 1234 5678 9018、123456789010、保険者番号 01130012 記号 12 番号 34 枝番 01 生年月日 S55.1.2 暗証番号 9999",
    );
    expect(found).toEqual({ myNumber: 1, twelveDigit: 1, insurerNumber: 1, symbolNumber: 3, birthDate: 1, pin: 1 });
  });

  it("is deterministic", () => {
    const text = "1234 5678 9018 と 記号 12 と 01130012";
    expect(masked(text)).toBe(masked(text));
  });
});

describe("containsValidMyNumber", () => {
  it.each([
    ["１２３４-５６７８-９０１８", true],
    ["123456789010", false],
    ["1234567890181", true],
    ["1234.5678.9018", true],
    ["0800-080-4583", false],
  ])("%s → %s", (text, expected) => expect(containsValidMyNumber(text)).toBe(expected));
});

describe("linear time on 100,000 characters", () => {
  const N = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  it.each([
    ["digits", fill("1")],
    ["spaced digits", fill("1 ")],
    ["separators", fill("1 - ")],
    ["zero-width", fill("1\u200b")],
    ["labels", fill("記号")],
    ["labels with values", fill("記号 1桁")],
    ["birth labels", fill("生年月日 S5")],
    ["insurer labels", fill("保険者番号 1")],
    ["alphanumerics", fill("a1")],
    ["value then a long tail", `記号 ${"1".repeat(N)}桁`],
    ["mixed", fill("生年月日 記号 番号 保険者番号 暗証番号 1980年1月2日 0120-924-524 1234 5678 9018 ")],
  ])("%s", (_name, text) => {
    const start = performance.now();
    maskPersonalData(text);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

it("PERSONAL_NUMBER_WARNING is the fixed text", () => {
  expect(PERSONAL_NUMBER_WARNING).toBe(
    "個人番号（マイナンバー）が含まれていたため記録・表示していません。チャットに個人番号を送らないでください。送信したメッセージは削除してください。",
  );
});
