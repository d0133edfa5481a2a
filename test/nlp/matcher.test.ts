import { beforeAll, describe, expect, it } from "vitest";
import type { Matcher } from "../../src/nlp/match-result.js";
import { sharedCore } from "../helpers/test-server.js";

let matcher: Matcher;
beforeAll(async () => {
  matcher = (await sharedCore()).matcher;
});

describe("matcher: how staff really write", () => {
  it.each([
    ["無効って出た", "1-2", "a fragment"],
    ["むこうってでた", "1-2", "hiragana only"],
    ["ｶﾞｲﾄｳｼｶｸﾅｼ", "1-2", "half-width katakana"],
    ["マイナ保険証で該当資格無しになる", "1-2", "abbreviation and 無し"],
    ["ﾏｲﾅｶｰﾄﾞ ﾜｽﾚﾀ", "2-2", "half-width kana, forgotten card"],
    ["患者さんがマイナカード家に置いてきちゃったって", "2-2", "casual paraphrase of forgetting"],
    ["別の人の名前が出てきた", "1-3", "another person's data"],
    ["高齢受給者証1割で限度額が現役並み", "1-4", "the combination in free text"],
    ["停電で資格確認できない", "2-4", "power cut"],
    ["ネット繋がらなくてオン資使えない", "2-4", "network outage, abbreviation"],
    ["緊急時の資格確認機能ってどうやって開放してもらうの？", "2-4-emergency", "the emergency function"],
    ["ICチップが割れてて読めない", "2-5", "broken card"],
    ["コルセン何時まで？", "3-callcenter", "call center hours, abbreviation"],
    ["富士通の窓口何時まで？", "3-reader-fujitsu", "a maker named"],
    ["キャノンのカードリーダーのサポート", "3-reader-canon", "the guide's spelling キャノン"],
    ["キヤノンのリーダーの問い合わせ先", "3-reader-canon", "the company's spelling キヤノン"],
    ["顔認証リーダーが動かない、どこに電話すれば", "3-reader", "no maker named"],
    ["富士通のカードリーダーが動かない", "3-reader-fujitsu", "a reader problem with its maker named"],
    ["顔認証がうまくいかない 富士通", "3-reader-fujitsu", "the maker named at the end"],
    ["レセコンの操作方法がわからない", "3-vendor", "vendor question"],
    ["運用マニュアルのURL", "3-links", "reference documents"],
    ["card reader says invalid insurance", "1-2", "English, invalid result"],
    ["patient forgot their my number card", "2-2", "English, forgotten card"],
    ["power outage, cannot check eligibility", "2-4", "English, outage"],
    ["what is the call center phone number", "3-callcenter", "English, call center"],
  ])("%s → %s (%s)", (q, id) => {
    expect(matcher.match(q).id).toBe(id);
  });

  it.each([
    ["電子処方箋の始め方を教えて", "electronic prescriptions are not in the guide"],
    ["マイナンバーカードの再発行はどこで？", "reissuing the card is not in the guide"],
    ["暗証番号がロックされた患者さん", "PIN lock is not in the guide"],
    ["資格確認書の交付申請はどうするの", "applying for a 資格確認書 is not in the guide"],
    ["医療情報取得加算の点数は？", "fees are not in the guide"],
    ["今日の天気は？", "plainly off-topic"],
  ])("%s → none (%s)", (q) => {
    expect(matcher.match(q).id).toBe("none");
  });
});

describe("matcher: screen messages", () => {
  it.each([
    [
      "2026/11/24 09:01 [E1021] 現在無効の保険です。新しい保険があるので確認してください",
      "1-2",
      "new",
      "timestamp and code",
    ],
    ["資格確認結果：無効（新しい資格あり）", "1-2", "new", "prefix"],
    ["該当する保険がありません", "1-2", "none", "verbatim"],
    ["結果 資格喪失", "1-2", "lost", "short message"],
    ["マイナンバーカードの保険証利用登録に失敗しました。マイナンバーカードを取り出し", "2-1", "failed", "cut short"],
    [
      "マイナンバーカードの保険証利用登録を受け付けました。 処理しておりますので、お時間をおいて、再度マイナンバーカードを置いてください。",
      "2-1",
      "processing",
      "line break as a space",
    ],
    [
      "マイナンバーカードの保険証利用登録を受け付けました。処理しておりますので、お時聞をおいて",
      "2-1",
      "processing",
      "a typo (聞) and truncation",
    ],
  ])("%s → %s/%s (%s)", (q, id, variant) => {
    const m = matcher.match(q);
    expect(m.id).toBe(id);
    expect(m.variant).toBe(variant);
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it("does not pin a variant from a bare 無効 (both rows show 無効)", () => {
    expect(matcher.match("無効と表示された").variant).toBeUndefined();
  });
});

describe("matcher: never throws", () => {
  it.each([
    ["", "empty"],
    ["\u0000\u0000", "NUL"],
    ["\uD800\uDC00\uD800", "lone surrogate"],
    ["😀".repeat(4000), "only emoji"],
    ["無効".repeat(50_000), "100,000 characters"],
    ["\u202E\u202D\u200B", "only invisible characters"],
  ])("%s", (_label, q) => {
    const m = matcher.match(q);
    expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
  });

  it("returns alternatives best first, without the chosen topic", () => {
    const m = matcher.match("無効と出たけど転職したばかりの患者");
    const confidences = m.alternatives.map((a) => a.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(m.alternatives.some((a) => a.id === m.id)).toBe(false);
  });
});
