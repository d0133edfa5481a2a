import { describe, expect, it } from "vitest";
import type { Query } from "../../src/engine/answer-model.js";
import { engineFor, fakeMatcher, fixtureKb, realKb } from "./fixture-kb.js";

const kbs = [
  ["real", realKb],
  ["fixture", fixtureKb],
] as const;

describe.each(kbs)("1-② asks how the check was made (%s)", (_name, kb) => {
  const ask = (text: string, extra: Partial<Query> = {}) => engineFor(kb())({ text, topic: "1-2", ...extra });

  it.each([
    ["無効と出ました", undefined, "どちらで確認したか書いていない"],
    ["「該当資格なし」と表示された", "none", "該当資格なしはカードでも資格確認書でも出る"],
    ["資格喪失と出た", "lost", "資格喪失はどちらでも出る"],
  ])("asks: %s (%s, %s)", (text, variant, _why) => {
    const a = ask(text);
    expect(a.clarify?.choices.length).toBeGreaterThanOrEqual(2);
    expect(a.variant).toBe(variant);
    expect(a.fact).toBeUndefined();
  });

  it.each([
    ["マイナンバーカードで無効と出た", "マイナンバーカード", "カードと書いてある"],
    ["ﾏｲﾅ保険証で該当資格なし", "マイナンバーカード", "半角のマイナ保険証はカード（保険証ではない）"],
    ["資格確認書の番号で照会したら該当資格なし", "資格確認書", "資格確認書と書いてある"],
    ["「無効（新しい資格あり）」と出た", "資格確認書", "この表示は資格確認書での確認でだけ出る"],
  ])("does not ask: %s → %s (%s)", (text, fact) => {
    const a = ask(text);
    expect(a.clarify).toBeUndefined();
    expect(a.fact).toBe(fact);
  });

  it("a chosen fact removes the question and keeps the row's sentences for that method", () => {
    const first = ask("該当資格なし");
    const card = first.clarify?.choices.find((c) => c.label.includes("マイナンバーカード"));
    expect(card).toBeDefined();
    const chosen = ask("該当資格なし", {
      ...(card?.variant !== undefined ? { variant: card.variant } : {}),
      ...(card?.fact !== undefined ? { fact: card.fact } : {}),
    });
    expect(chosen.clarify).toBeUndefined();
    const note = chosen.notes.find((n) => n.startsWith("マイナンバーカードで資格確認した場合"));
    expect(note).toContain("マイナンバーカードによる資格確認では");
    expect(note).not.toContain("資格確認書情報による資格確認では");
  });

  it("the matcher's variant pins the row too", () => {
    const answer = engineFor(
      kb(),
      fakeMatcher({ 新しい資格ありと出た: { id: "1-2", variant: "new" } }),
    )("新しい資格ありと出た");
    expect(answer.variantRow?.id).toBe("new");
    expect(answer.clarify).toBeUndefined();
  });
});

describe.each(kbs)("3-reader asks which maker (%s)", (_name, kb) => {
  const matcher = fakeMatcher({
    カードリーダーが動かない: { id: "3-reader" },
    富士通のカードリーダーが動かない: { id: "3-reader" },
  });
  const ask = engineFor(kb(), matcher);

  it("asks when no maker is named, and lists every maker's line", () => {
    const a = ask("カードリーダーが動かない");
    expect(a.topic).toBe("3-reader");
    expect(a.clarify?.choices.map((c) => c.topic)).toEqual([
      "3-reader-fujitsu",
      "3-reader-panasonic",
      "3-reader-almex",
      "3-reader-canon",
      "3-reader-atlas",
    ]);
    expect(a.lines.map((l) => l.id)).toEqual(["fujitsu", "panasonic", "almex", "canon", "atlas"]);
  });

  it("always asks when the reader topic is picked from a button", () => {
    expect(ask({ text: "", topic: "3-reader" }).clarify).toBeDefined();
  });

  it("a maker's own topic (the matcher pins a named maker) has no question and one line", () => {
    const a = ask({ text: "富士通のカードリーダーが動かない", topic: "3-reader-fujitsu" });
    expect(a.clarify).toBeUndefined();
    expect(a.lines.map((l) => l.phone)).toEqual(["0120-924-524"]);
  });

  it("a chosen maker removes the question", () => {
    const choice = ask("カードリーダーが動かない").clarify?.choices[3];
    const a = ask({ text: "カードリーダーが動かない", topic: choice?.topic ?? "none" });
    expect(a.topic).toBe("3-reader-canon");
    expect(a.clarify).toBeUndefined();
    expect(a.lines[0]?.caveats.join("")).toContain("夏期休暇");
  });
});

describe("a clarifying choice is pre-answered by its cue words (knowledge data)", () => {
  /** The fixture's 1-② with cue words on its choices, as a topic author would write them. */
  function kbWithCues(cues: Record<string, string[]>) {
    const kb = fixtureKb();
    const topic = kb.topics.get("1-2")!;
    const clarify = topic.clarify!;
    const choices = clarify.choices.map((c) => ({ ...c, cues: cues[c.label] ?? [] }));
    const topics = new Map(kb.topics);
    topics.set("1-2", { ...topic, clarify: { ...clarify, choices } });
    return { ...kb, topics };
  }
  const ask = (kb: ReturnType<typeof kbWithCues>, text: string) => engineFor(kb)({ text, topic: "1-2" });

  it("answers as if the choice were picked when the text names its cues only", () => {
    const kb = kbWithCues({ マイナンバーカード: ["読み取り機"] });
    const a = ask(kb, "読み取り機で無効と出た");
    expect(a.clarify).toBeUndefined();
    expect(a.fact).toBe("マイナンバーカード");
    expect(ask(kb, "無効と出た").clarify).toBeDefined();
  });

  it("still asks when the cues of both choices are named", () => {
    const kb = kbWithCues({ マイナンバーカード: ["読み取り機"], 資格確認書: ["手入力"] });
    expect(ask(kb, "読み取り機がだめで手入力したら無効").clarify).toBeDefined();
  });

  it("the text naming the other method wins over a cue", () => {
    const kb = kbWithCues({ マイナンバーカード: ["読み取り機"] });
    const a = ask(kb, "読み取り機が壊れていて資格確認書で照会したら無効");
    expect(a.clarify).toBeUndefined();
    expect(a.fact).toBe("資格確認書");
  });

  it.each([
    ["顔認証リーダーで無効", "the reader reads the card"],
    ["ｶｰﾄﾞﾘｰﾀﾞｰで該当資格なし", "half-width kana"],
    ["カードで無効って出ました", "the card"],
  ])("the real knowledge base: %s → card, no question (%s)", (text) => {
    const a = engineFor(realKb())({ text, topic: "1-2" });
    expect(a.clarify).toBeUndefined();
    expect(a.fact).toBe("マイナンバーカード");
  });
});
