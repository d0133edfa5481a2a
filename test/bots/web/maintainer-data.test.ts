import { describe, expect, it } from "vitest";
import { buildMaintainerView } from "../../../src/bots/web/maintainer-data.js";
import { renderMaintainerPage } from "../../../src/bots/web/maintainer-page.js";
import type { StoreRecord } from "../../../src/privacy/miss-store.js";
import { realKb } from "../../engine/fixture-kb.js";

const TODAY = new Date("2026-11-24T12:00:00+09:00");
const at = (jst: string) => new Date(`${jst}+09:00`).toISOString();
const miss = (ts: string, text: string, topic = "none", confidence = 0.1): StoreRecord => ({
  ts: at(ts),
  kind: "miss",
  channel: "web",
  text,
  topic,
  confidence,
});
const feedback = (ts: string, topic: string, helpful: boolean): StoreRecord => ({
  ts: at(ts),
  kind: "feedback",
  channel: "teams",
  text: "",
  topic,
  helpful,
});

describe("the maintainers' view", () => {
  const records = [
    miss("2026-11-23T10:00:00", "ランチのおすすめ"),
    miss("2026-11-24T10:00:00", "ランチの おすすめ"),
    miss("2026-11-24T10:05:00", "個人番号 123456789018 の人が来た"),
    miss("2026-11-24T11:00:00", "リーダーがちょっと変", "3-reader", 0.31),
    feedback("2026-11-23T09:00:00", "1-2", false),
    feedback("2026-11-24T09:00:00", "1-2", false),
    feedback("2026-11-24T09:30:00", "2-4", false),
    feedback("2026-11-24T09:40:00", "2-4", true),
  ];
  const counts = new Map([["2026-11-24", { answered: 7, unanswered: 2 }]]);
  const view = buildMaintainerView(records, counts, TODAY, 7);

  it("one row per day: answered and unanswered from the counts, 👎 from the feedback", () => {
    expect(view.days.map((d) => d.day)).toEqual([
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
    ]);
    expect(view.days.at(-1)).toEqual({ day: "2026-11-24", answered: 7, unanswered: 2, notHelpful: 2 });
    expect(view.days.at(-2)).toEqual({ day: "2026-11-23", answered: 0, unanswered: 0, notHelpful: 1 });
  });

  it("groups unanswered questions, most frequent first, masked", () => {
    expect(view.misses[0]).toEqual({ text: "ランチのおすすめ", count: 2 });
    expect(JSON.stringify(view)).not.toContain("123456789018");
  });

  it("topics with the most 👎, and low-confidence answers", () => {
    expect(view.disliked).toEqual([
      { topic: "1-2", notHelpful: 2, helpful: 0 },
      { topic: "2-4", notHelpful: 1, helpful: 1 },
    ]);
    expect(view.lowConfidence).toEqual([
      { day: "2026-11-24", text: "リーダーがちょっと変", topic: "3-reader", confidence: 0.31 },
    ]);
  });

  it("the page escapes what it shows and names topics by section and title", () => {
    const html = renderMaintainerPage(
      buildMaintainerView([miss("2026-11-24T10:00:00", "<script>x</script>")], counts, TODAY),
      realKb(),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(renderMaintainerPage(view, realKb())).toContain("1-② 「無効」「該当資格なし」と表示された");
    expect(html).not.toMatch(/style=|<script|https?:\/\/(?!www\.w3\.org)/);
  });
});
