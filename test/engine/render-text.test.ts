import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/engine/render-text.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";
import { engineFor, fixtureKb, jst, realKb } from "./fixture-kb.js";

describe("plain text for the CLI", () => {
  const ask = engineFor(realKb());

  it.each(TOPIC_IDS)("topic %s: section, title, phone numbers, source line", (id) => {
    const topic = realKb().topics.get(id);
    const answer = ask({ text: "", topic: id });
    const text = renderAnswerText(answer);
    expect(text).toContain(topic?.section);
    expect(text).toContain(topic?.title);
    for (const line of answer.lines) {
      expect(text).toContain(line.phone);
      expect(text).toContain(line.hoursText);
      expect(text).toContain(`10:00 時点：${line.statusText}`);
    }
    expect(text).toContain(`出典：${realKb().citation} ${topic?.source.section}`);
    expect(realKb().citation).toContain("版・日付の記載なし");
    expect(text).toContain(topic?.readAloud);
    expect(text).not.toMatch(/undefined|\[object Object\]/);
  });

  it("numbers steps and shows their sub-steps", () => {
    const text = renderAnswerText(ask({ text: "", topic: "1-2" }));
    expect(text).toMatch(/^1\. /m);
    expect(text).toMatch(/^2\. /m);
    expect(text).toContain("   ・実物のマイナンバーカード");
  });

  it("shows the clarifying question with numbered choices", () => {
    const text = renderAnswerText(ask({ text: "無効と出た", topic: "1-2" }));
    expect(text).toContain("■ 確認させてください");
    expect(text).toMatch(/^ {3}1\. マイナンバーカード$/m);
    expect(text).toMatch(/^ {3}2\. 資格確認書$/m);
  });

  it("shows the row, the check result, the warnings and the carried steps", () => {
    expect(renderAnswerText(ask({ text: "「無効（新しい資格あり）」", topic: "1-2" }))).toContain(
      "表示の例：「現在無効の保険です。",
    );
    expect(renderAnswerText(ask({ text: "3割なのに一般", topic: "1-4" }))).toContain(
      "■ 確認結果\n高齢受給者証負担割合「3割」",
    );
    const outage = renderAnswerText(ask({ text: "", topic: "2-4-emergency", now: jst("2026-11-23T10:00:00") }));
    expect(outage).toContain(
      "■ ご注意\n・「緊急時医療情報・資格確認機能」の利用はコールセンターへの連絡から始まりますが、コールセンターは10:00 時点で受付時間外です。",
    );
    expect(renderAnswerText(ask({ text: "", topic: "2-3" }))).toMatch(/■ 参照：1-② .*\n.*\n1\. /);
  });

  it("shows links with their URL and parties with their description", () => {
    const links = renderAnswerText(ask({ text: "", topic: "3-links" }));
    expect(links).toContain("https://www.mhlw.go.jp/stf/newpage_08280.html");
    expect(renderAnswerText(ask({ text: "", topic: "1-4" }))).toContain("・保険者：");
  });

  it("renders the fixture topics too (every optional part absent)", () => {
    const fixtureAsk = engineFor(fixtureKb());
    for (const id of TOPIC_IDS) {
      const text = renderAnswerText(fixtureAsk({ text: "", topic: id }));
      expect(text).toContain(`【S${id}】題${id}`);
      expect(text).not.toContain("\n\n\n");
    }
  });
});
