import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/engine/answer-engine.js";
import { engineFor, fakeMatcher, fixtureKb, jst, realKb, WEEKDAY_MORNING } from "./fixture-kb.js";

const kbs = [
  ["real", realKb],
  ["fixture", fixtureKb],
] as const;

describe("topic and runners-up", () => {
  const matcher = fakeMatcher({
    転職して無効: {
      id: "2-3",
      confidence: 0.8,
      alternatives: [
        { id: "2-3", confidence: 0.7 },
        { id: "1-2", confidence: 0.6 },
        { id: "none", confidence: 0.5 },
        { id: "1-1", confidence: 0.19 },
        { id: "2-4", confidence: 0.3 },
        { id: "2-5", confidence: 0.4 },
        { id: "1-3", confidence: 0.2 },
      ],
    },
  });
  const ask = engineFor(realKb(), matcher);

  it("keeps at most 3 alternatives with confidence ≥ 0.2, not the answer itself nor none, best first", () => {
    const a = ask("転職して無効");
    expect(a.topic).toBe("2-3");
    expect(a.confidence).toBe(0.8);
    expect(a.alternatives.map((x) => [x.topic, x.confidence])).toEqual([
      ["1-2", 0.6],
      ["2-5", 0.4],
      ["2-4", 0.3],
    ]);
    expect(a.alternatives[0]?.title).toBe(realKb().topics.get("1-2")?.title);
  });

  it("a button's topic needs no matching", () => {
    const a = ask({ text: "転職して無効", topic: "1-4" });
    expect([a.topic, a.confidence, a.alternatives.length]).toEqual(["1-4", 1, 0]);
  });

  it("an unknown button topic or variant is ignored", () => {
    const a = ask({ text: "転職して無効", topic: "9-9" as never, variant: "zzz" });
    expect(a.topic).toBe("2-3");
    expect(a.variant).toBeUndefined();
  });
});

describe.each(kbs)("cross-references (%s)", (_name, kb) => {
  const ask = engineFor(kb());
  const stepsOf12 = () => kb().topics.get("1-2")?.steps;

  it.each(["2-3", "1-3"] as const)("%s carries 1-②'s steps", (id) => {
    const ref = ask({ text: "", topic: id }).crossRefs.find((r) => r.topic === "1-2");
    expect(ref?.relation).toBe("procedure");
    expect(ref?.steps).toEqual(stepsOf12());
    expect(ref?.steps.length).toBeGreaterThan(0);
    expect(ref?.title).toBe(kb().topics.get("1-2")?.title);
  });

  it("1-① states its exceptions with the referenced titles", () => {
    const a = ask({ text: "", topic: "1-1" });
    const exceptions = a.crossRefs.filter((r) => r.relation === "exception").map((r) => r.topic);
    expect(exceptions).toEqual(["1-4", "2-3"]);
    // The guide names the exceptions by page (P6、P9) but not which section is on which page: no page is attached.
    const note = a.notes.find((n) => n.startsWith("例外に当たる項目："));
    expect(note).not.toMatch(/P\d/);
    expect(note).toContain(kb().topics.get("1-4")?.title);
    expect(note).toContain(kb().topics.get("2-3")?.title);
  });
});

describe.each(kbs)("who to call (%s)", (_name, kb) => {
  const ask = engineFor(kb());
  it.each([
    ["1-3", "vendor", "callcenter", "別人の情報: コールセンターに知らせ、削除はベンダに"],
    ["1-4", "insurer", undefined, "組合せの齟齬: 保険者"],
    ["2-2", "welfare-office", undefined, "医療券なし: 福祉事務所"],
    ["3-vendor", "vendor", undefined, "レセコン等: ベンダ"],
    ["3-callcenter", undefined, "callcenter", "運用: コールセンター"],
  ] as const)("%s → %s / %s (%s)", (topic, party, line, _why) => {
    const a = ask({ text: "", topic });
    if (party) expect(a.parties.map((p) => p.id)).toContain(party);
    if (line) expect(a.lines.map((l) => l.id)).toContain(line);
  });
});

describe("answers built from the real knowledge base", () => {
  const ask = engineFor(realKb());

  it("2-① 処理中: wait 2–3 minutes, then place the card again; others may use the reader", () => {
    const a = ask({
      text: "「保険証利用登録を受け付けました。処理しておりますので、お時間をおいて」と出た",
      topic: "2-1",
    });
    expect(a.variant).toBe("processing");
    const said = a.steps.flatMap((s) => [s.text, ...s.notes]).join("");
    expect(said).toContain("2-3分程度");
    expect(said).toContain("別の患者");
  });

  it("2-① without a row shows both rows as steps", () => {
    expect(ask({ text: "", topic: "2-1" }).steps).toHaveLength(2);
  });

  it("1-④ and 1-① carry their check result", () => {
    expect(ask({ text: "3割なのに一般", topic: "1-4" }).check?.verdict).toBe("does-not-fit");
    expect(ask({ text: "記号に●が入る", topic: "1-1" }).check?.findings).toEqual(["symbol-in-number"]);
    expect(ask({ text: "", topic: "1-4" }).check).toBeUndefined();
  });

  it("names the source", () => {
    const a = ask({ text: "", topic: "1-2" });
    // The edition is cited: title, 「版・日付の記載なし」 and the start of the SHA-256 the text is known by.
    expect(a.source.guide).toBe("オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし・SHA-256 4178091420b5）");
    expect(a.source.section).toBe("1-②");
    expect(a.source.pages).toEqual(["P3"]);
    expect(a.source.quotes.length).toBeGreaterThan(0);
  });
});

describe("the clock", () => {
  it("query.now fixes the clock, in +09:00", () => {
    const ask = engineFor(fixtureKb());
    const a = ask({ text: "", topic: "3-callcenter", now: jst("2026-11-23T10:00:00") });
    expect(a.now).toBe("2026-11-23T10:00:00+09:00");
    expect(a.lines[0]?.state).toBe("closed");
  });

  it("without query.now the clock option is used; an invalid date falls back to it", () => {
    const ask = engineFor(fixtureKb());
    expect(ask({ text: "", topic: "3-callcenter" }).now).toBe("2026-11-24T10:00:00+09:00");
    expect(ask({ text: "", now: new Date(Number.NaN) }).now).toBe("2026-11-24T10:00:00+09:00");
    expect(WEEKDAY_MORNING.toISOString()).toBe("2026-11-24T01:00:00.000Z");
  });

  it("without either, the real time", () => {
    const engine = createAnswerEngine({ kb: fixtureKb(), matcher: fakeMatcher() });
    const before = Date.now();
    const at = Date.parse(engine.answer({ text: "" }).now);
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe("a quoted screen message pins the row", () => {
  const ask = engineFor(realKb());
  it.each([
    ["1-2", "「現在無効の保険です」と出た", "lost", "無効（資格喪失）の表示"],
    ["1-2", "「現在無効の保険です。新しい保険があるので確認してください」", "new", "長い方の表示が勝つ"],
    ["1-2", "新しい保険があるので確認してくださいと出た", "new", "2文目だけの引用"],
    ["1-2", "該当する保険がありません", "none", "該当資格なしの表示"],
    ["1-2", "該当資格無しと出る", "none", "無し/なし"],
    ["1-2", "無効と出た", undefined, "どの行か決まらない"],
    ["2-1", "保険証利用登録に失敗しましたと出る", "failed", "「マイナンバーカードの」を省いた引用"],
    ["2-1", "処理しておりますので、お時間をおいて", "processing", "後半の引用"],
    ["2-1", "初回登録ができない", undefined, "表示の引用なし"],
  ] as const)("%s %s → %s (%s)", (topic, text, variant, _why) => {
    expect(ask({ text, topic }).variant).toBe(variant);
  });
});
