// What a help-desk lead reading answers beside the guide found wrong, kept from coming back.
import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/engine/render-text.js";
import { loadGuide } from "../../src/knowledge/load-guide.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";
import { engineFor, fakeMatcher, jst, realKb } from "./fixture-kb.js";

const ask = engineFor(realKb());
const guide = (() => {
  const g = loadGuide();
  if (!g.ok) throw new Error(g.message);
  return g.guide;
})();

describe("1-① shows the guide's list of known differences", () => {
  it("every item of the guide's 補足説明, under its own lead, with the 氏名・カナ examples", () => {
    const a = ask({ text: "", topic: "1-1" });
    const kd = a.knownDifferences;
    expect(kd?.lead).toBe(
      "下記の場合、オンライン資格確認で取得した資格情報と資格確認書の券面情報に差異が生じる可能性があります。",
    );
    expect(kd?.items.map((i) => i.text)).toEqual([
      "記号・番号に「●」、「/」や「空白」が含まれているもの",
      "記号・番号の冒頭の「0」が省略されたり、逆に、不要な「0」で埋められているもの",
      "記号が「空白」であるほか、番号に「記号 + 番号」が記載されているもの",
      "記号の漢字部分が省略されているもの",
      "本人・家族区分が異なっているもの",
      "氏名及びカナが正しく表示されていない",
    ]);
    expect(kd?.items.at(-1)?.examples).toHaveLength(4);
    const text = renderAnswerText(a);
    for (const item of kd?.items ?? []) expect(text).toContain(`・${item.text}`);
    expect(text).toContain("　例）カナの小文字が大文字になっているもの");
    // The page's 「ガイドの記載」 (source.quotes) goes on past the lead to the list itself.
    const quotes = a.source.quotes.join("\n");
    expect(quotes).toContain("・本人・家族区分が異なっているもの");
    expect(quotes).toContain("特定記号（*、[、]、?、!、「、」、`、#、+、/ 等）が含まれているもの");
  });

  it("a general question claims nothing about patterns it did not check", () => {
    const a = ask({ text: "表示された内容が券面と違うときはどうする", topic: "1-1" });
    expect(a.check).toBeUndefined();
    expect(renderAnswerText(a)).not.toContain("当てはまりませんでした");
    expect(a.knownDifferences?.items.length).toBe(6);
  });
});

describe("nothing in an answer that the guide does not say", () => {
  const allText = TOPIC_IDS.map((id) => renderAnswerText(ask({ text: "", topic: id }))).join("\n");

  it("「（通話無料）」 only beside the number the guide calls 通話無料", () => {
    const free = [...allText.matchAll(/(0\d+-\d+-\d+)（通話無料）/g)].map((m) => m[1]);
    expect(free.length).toBeGreaterThan(0);
    expect(new Set(free)).toEqual(new Set(["0800-080-4583"]));
    for (const m of free) expect(guide.text).toContain(`${m}（通話無料）`);
    for (const phone of ["0120-924-524", "0120-878-400", "0120-346-400"]) expect(allText).toContain(phone);
  });

  it("the guide's typos are corrected, never copied (「記入いただいでください」「提示していただいてください」)", () => {
    for (const form of [...guide.identity.corrections.map((c) => c.typo), ...guide.identity.avoid]) {
      expect(allText).not.toContain(form);
    }
    expect(renderAnswerText(ask({ text: "", topic: "2-4" }))).toContain("記入いただくようご案内ください");
  });

  it("a web form is filled in, not told (3-form)", () => {
    const a = ask({ text: "", topic: "3-form" });
    const said = [a.summary, a.readAloud, ...a.steps.map((s) => s.text)].join("\n");
    expect(said).not.toContain("お伝え");
    expect(said).toContain("入力");
  });

  it("「マイナンバー 1234…」 is a 個人番号, not 確認方法：マイナンバーカード", () => {
    const withNumber = ask({ text: "マイナンバー 1234 で照会したら該当資格なしと出た", topic: "1-2" });
    expect(withNumber.fact).toBeUndefined();
    expect(withNumber.clarify).toBeDefined();
    expect(ask({ text: "マイナカードで該当資格なし", topic: "1-2" }).fact).toBe("マイナンバーカード");
  });

  it("a page number only where the guide gives it (1-②: 「P3の「② …」」)", () => {
    for (const id of TOPIC_IDS) {
      const pages = ask({ text: "", topic: id }).source.pages;
      expect(pages, id).toEqual(id === "1-2" ? ["P3"] : []);
    }
  });

  it("every answer's source line names the guide's edition", () => {
    for (const id of TOPIC_IDS) expect(ask({ text: "", topic: id }).source.guide).toContain("版・日付の記載なし");
  });
});

describe("closures the guide leaves undated are 要確認, in every answer", () => {
  const matcher = fakeMatcher({ コールセンターに電話したい: { id: "3-callcenter" } });
  it("the call center on 12/30 is not 受付中", () => {
    const a = engineFor(realKb(), matcher)({ text: "コールセンターに電話したい", now: jst("2026-12-30T10:00:00") });
    expect(a.lines[0]?.state).toBe("uncertain");
    expect(renderAnswerText(a)).toContain("10:00 時点：要確認（年末年始：ガイドに記載がありません。");
  });

  it("an outage answer on 12/30 says the call center is 要確認, not open", () => {
    const a = ask({ text: "", topic: "2-4-emergency", now: jst("2026-12-30T10:00:00") });
    expect(a.warnings.join("\n")).toContain("コールセンターは10:00 時点で要確認（年末年始：ガイドに記載がありません。");
  });
});
