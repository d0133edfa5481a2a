import { describe, expect, it } from "vitest";
import { isTimeQuestion } from "../../src/engine/line-answers.js";
import { normalizeCue } from "../../src/engine/prepare-text.js";
import { engineFor, fakeMatcher, jst, realKb } from "./fixture-kb.js";

const matcher = fakeMatcher({
  "コールセンター土曜やってる？": { id: "3-callcenter" },
  "今つながる？": { id: "3-callcenter" },
  "富士通の窓口何時まで？": { id: "3-reader-fujitsu" },
  "アトラスは今やってる？": { id: "none" },
  別人の情報が出た: { id: "1-3" },
  "アルメックスは祝日も営業してる？": { id: "3-reader-almex" },
});
const ask = engineFor(realKb(), matcher);

describe("questions about a line's hours lead with its status now", () => {
  it.each([
    [
      "コールセンター土曜やってる？",
      "2026-11-21T10:00:00",
      "コールセンターは10:00 時点で受付中です（16:00まで）。",
      "土曜の午前",
    ],
    [
      "今つながる？",
      "2026-11-23T10:00:00",
      "コールセンターは10:00 時点で受付時間外です（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。",
      "勤労感謝の日",
    ],
    [
      "富士通の窓口何時まで？",
      "2026-11-24T10:00:00",
      "富士通Japanは10:00 時点で受付中です（17:00まで）。",
      "平日の午前",
    ],
    [
      "アトラスは今やってる？",
      "2026-11-24T20:30:00",
      "アトラス情報サービスは20:30 時点で受付時間外です。次の受付開始は11月25日（水）9:00です。",
      "名前の出た窓口がトピックになくても加える",
    ],
    [
      "アトラスは今やってる？",
      "2026-12-30T10:00:00",
      "アトラス情報サービスは10:00 時点で要確認（年末年始：ガイドに日付の記載がありません。",
      "年末年始（日付なし）",
    ],
    ["アルメックスは祝日も営業してる？", "2026-11-23T03:00:00", "アルメックスは24時間365日受付です。", "24時間365日"],
  ])("%s at %s → %s (%s)", (text, at, lead) => {
    const a = ask({ text, now: jst(at) });
    expect(a.summary.startsWith(lead)).toBe(true);
  });

  it.each([
    [
      "コールセンターは年末もやってますか",
      "3-callcenter",
      "2026-11-24T10:00:00",
      "コールセンターの年末年始の受付について、ガイドには記載がありません",
    ],
    [
      "コールセンターは年末もやってますか",
      "3-callcenter",
      "2026-12-30T10:00:00",
      "コールセンターの年末年始の受付について、ガイドには記載がありません",
    ],
    [
      "キヤノンはお盆休みある？",
      "3-reader-canon",
      "2026-11-24T10:00:00",
      "キヤノンマーケティングジャパンは夏期休暇は受付を行っていませんが、その日付はガイドに記載がありません",
    ],
    [
      "富士通は正月やってる？",
      "3-reader-fujitsu",
      "2026-11-24T10:00:00",
      "富士通Japanは年末年始（12/29～1/3）は受付を行っていません",
    ],
    [
      "アルメックスは年末年始も大丈夫？",
      "3-reader-almex",
      "2026-11-24T10:00:00",
      "アルメックスは24時間365日受付です。",
    ],
  ])("「%s」 (%s, %s): what the guide says of that period, never today's status", (text, topic, at, lead) => {
    const a = engineFor(realKb(), fakeMatcher({ [text]: { id: topic } }))({ text, now: jst(at) });
    expect(a.summary.startsWith(lead), a.summary).toBe(true);
    expect(a.summary).not.toContain("受付中です");
  });

  it("every answer with lines carries their status, even when the question is not about time", () => {
    const a = ask({ text: "別人の情報が出た", now: jst("2026-11-23T10:00:00") });
    expect(a.summary).toBe(realKb().topics.get("1-3")?.summary);
    expect(a.lines[0]?.statusText).toBe("受付時間外（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。");
  });

  it.each([
    ["今つながる？", true],
    ["何時まで", true],
    ["土曜日はやってますか", true],
    ["is it open now", true],
    ["opening hours", true],
    ["今回の件で", false],
    ["今後どうすれば", false],
    ["別人の情報が出た", false],
  ])("isTimeQuestion(%s) = %s", (text, expected) => {
    expect(isTimeQuestion(normalizeCue(text))).toBe(expected);
  });
});
