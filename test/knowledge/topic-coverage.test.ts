import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import type { Topic } from "../../src/knowledge/schema.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";

function loadTopics(): ReadonlyMap<string, Topic> {
  const result = loadKnowledge();
  if (!result.ok) throw new Error(result.message);
  return result.kb.topics;
}

const topics = loadTopics();

function topic(id: string): Topic {
  const t = topics.get(id);
  if (!t) throw new Error(`topic ${id} missing`);
  return t;
}

describe("every topic can be matched and answered", () => {
  it.each([...TOPIC_IDS])("%s has examples, a readAloud and something to do", (id) => {
    const t = topic(id);
    expect(t.matching.examples.length).toBeGreaterThanOrEqual(15);
    expect(new Set(t.matching.examples).size, "examples are all different").toBe(t.matching.examples.length);
    expect(t.matching.keywords.length).toBeGreaterThan(0);
    expect(t.readAloud.trim()).not.toBe("");
    expect(t.readAloud.split("。").filter((s) => s.trim() !== "").length, "readAloud is one sentence").toBe(1);
    const variantSteps = t.variants.reduce((n, v) => n + v.steps.length, 0);
    expect(t.steps.length + variantSteps + t.phoneLines.length + t.links.length).toBeGreaterThan(0);
    expect(t.source.quotes.length).toBeGreaterThan(0);
  });

  it("no example is given to two topics", () => {
    const owner = new Map<string, string>();
    for (const t of topics.values()) {
      for (const e of t.matching.examples) {
        expect(owner.get(e), `「${e}」 is in ${owner.get(e)} and ${t.id}`).toBeUndefined();
        owner.set(e, t.id);
      }
    }
  });
});

describe("topics with rows, checks and choices", () => {
  it("1-2 has the variants lost, new, none and asks how the check was made", () => {
    const t = topic("1-2");
    expect(t.variants.map((v) => v.id)).toEqual(["lost", "new", "none"]);
    expect(t.variants.find((v) => v.id === "new")?.screenMessages).toContain("無効（新しい資格あり）");
    expect(t.clarify?.question).toBe("マイナンバーカードと資格確認書のどちらで資格確認しましたか？");
    expect(t.clarify?.choices.map((c) => c.fact)).toEqual(["マイナンバーカードで資格確認", "資格確認書で資格確認"]);
  });

  it("2-1 has the variants failed and processing, each with its own steps", () => {
    const t = topic("2-1");
    expect(t.variants.map((v) => v.id)).toEqual(["failed", "processing"]);
    for (const v of t.variants) expect(v.steps.length, v.id).toBeGreaterThan(0);
  });

  it("3-reader asks for the maker, with one choice per maker topic", () => {
    const t = topic("3-reader");
    expect(t.clarify?.question).toBe("どのメーカーの顔認証付きカードリーダーですか？");
    expect(t.clarify?.choices.map((c) => c.topic)).toEqual([
      "3-reader-fujitsu",
      "3-reader-panasonic",
      "3-reader-almex",
      "3-reader-canon",
      "3-reader-atlas",
    ]);
    expect(t.phoneLines).toEqual(["fujitsu", "panasonic", "almex", "canon", "atlas"]);
  });

  it.each(["fujitsu", "panasonic", "almex", "canon", "atlas"])("3-reader-%s gives that maker's line", (maker) => {
    expect(topic(`3-reader-${maker}`).phoneLines).toEqual([maker]);
  });

  it("1-4 holds the guide's two combinations", () => {
    const rows = topic("1-4").comboTable;
    expect(rows.map((r) => [r.ratios, r.wrong.category, r.rightCategories])).toEqual([
      [["1", "2"], "現役並み", ["一般", "低所得"]],
      [["3"], "一般又は低所得", ["現役並み"]],
    ]);
    expect(topic("1-4").parties).toEqual(["insurer"]);
  });

  it("1-1 lists the difference patterns and points at the exceptions P6 and P9", () => {
    const t = topic("1-1");
    expect(t.differencePatterns.length).toBeGreaterThanOrEqual(6);
    for (const p of t.differencePatterns) expect(p.cues.length, p.id).toBeGreaterThan(0);
    expect(t.crossRefs.filter((r) => r.relation === "exception").map((r) => r.topic)).toEqual(["1-4", "2-3"]);
  });

  it.each(["1-3", "2-3"])("%s refers to 1-2 for the procedure", (id) => {
    expect(topic(id).crossRefs).toContainEqual(expect.objectContaining({ topic: "1-2", relation: "procedure" }));
  });

  it("the outage topics point at each other, the manual and the call center", () => {
    expect(topic("2-4").crossRefs.map((r) => r.topic)).toContain("2-4-emergency");
    expect(topic("2-4").links).toContain("manual");
    expect(topic("2-4-emergency").steps).toHaveLength(4);
    expect(topic("2-4-emergency").phoneLines).toEqual(["callcenter"]);
  });

  it("none offers the call center and the form", () => {
    const t = topic("none");
    expect(t.phoneLines).toEqual(["callcenter"]);
    expect(t.links).toEqual(["inquiry-form"]);
  });
});
