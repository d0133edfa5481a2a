import { describe, expect, it } from "vitest";
import { namesTwoPeople, withoutPersonalData } from "../../src/nlp/personal-spans.js";

const none = () => false;

describe("patient data out of the matcher's text", () => {
  it.each([
    ["田中くんのカードが読めない", "田中"],
    ["佐藤 花子さんが保険証を忘れた", "佐藤 花子"],
    ["鈴木様の結果が無効", "鈴木"],
    ["画面には「高木」さんと出ました", "高木"],
    ["結果が「佐藤一郎」さんになってます", "佐"],
  ])("%s: the name before the honorific goes", (text, name) => {
    expect(withoutPersonalData(text, none)).not.toContain(name);
  });

  it.each([
    ["資格確認書っていつ届くんですか", "届く"],
    ["この端末はまだ動くんだけど", "動く"],
    ["医療券は何日で届くんでしたっけ", "届く"],
    ["レセコンの仕様ですか", "仕様"],
    ["同様の表示が出ます", "同様"],
  ])("%s: a verb before 〜くんで(す), 〜くんだ or a word ending in 様 stays", (text, kept) => {
    expect(withoutPersonalData(text, none)).toContain(kept);
  });
});

describe("two different people named", () => {
  it.each([
    "照会画面 氏名:ヤマダ タロウ ←窓口にいるのは田中さん",
    "伊藤さんのカードを置いたら小林さんって出た",
    "画面は 性別:男 なのに目の前の患者は女性",
    "照会結果 性別:女 ←窓口にいるのは男の方です",
    "窓口には 高橋 一郎さん、結果は「イノウエ ユキ S60.5.5生」",
    "照会結果 マツダ ケン 男 S40.2.2 ← 来ているのは若い女性",
    "受付の患者：サトウ ユミ（女）／照会結果：サトウ ユウジ 男 S50.1.1",
    "受付は 中村 一郎さん（S50.1.1生）、結果は 中村 花子さん（S52.2.2生）",
    "受付は 小西 さくら ちゃん（R3.1.1生）、画面は「コニシ タケシ S50.5.5生」",
    "来たのは森本様なのに、照会すると「大川」さんになる",
  ])("%s: another person's data", (text) => {
    expect(namesTwoPeople(text, none)).toBe(true);
  });

  it.each([
    "田中さんと鈴木さん、カードを忘れた",
    "佐藤 花子さんの結果が無効",
    "二人とも山田さん、親子です",
    "氏名:ヤマシタ シヨウタ ← 資格確認書は ヤマシタ ショウタ様",
    "氏名:タナカ ユウキ ←本人はユウキさん",
    "資格確認結果:資格喪失 氏名:ヤマダ ジロウ ← 月末で退職",
  ])("%s: one person, or people listed together", (text) => {
    expect(namesTwoPeople(text, none)).toBe(false);
  });
});
