import { describe, expect, it } from "vitest";
import { withoutPersonalData } from "../../src/nlp/personal-spans.js";

const none = () => false;

describe("patient data out of the matcher's text", () => {
  it.each([
    ["田中くんのカードが読めない", "田中"],
    ["佐藤 花子さんが保険証を忘れた", "佐藤 花子"],
    ["鈴木様の結果が無効", "鈴木"],
  ])("%s: the name before the honorific goes", (text, name) => {
    expect(withoutPersonalData(text, none)).not.toContain(name);
  });

  it.each([
    ["資格確認書っていつ届くんですか", "届く"],
    ["この端末はまだ動くんだけど", "動く"],
    ["レセコンの仕様ですか", "仕様"],
    ["同様の表示が出ます", "同様"],
  ])("%s: a verb before 〜くんです or a word ending in 様 stays", (text, kept) => {
    expect(withoutPersonalData(text, none)).toContain(kept);
  });
});
