import { describe, expect, it } from "vitest";
import type { TopicId } from "../../src/knowledge/schema.js";
import { engineFor, fixtureKb, jst, realKb } from "./fixture-kb.js";

const kbs = [
  ["real", realKb],
  ["fixture", fixtureKb],
] as const;

describe.each(kbs)("outage answers (%s)", (_name, kb) => {
  const ask = (topic: TopicId, at: string) => engineFor(kb())({ text: "", topic, now: jst(at) });

  it.each([
    ["2026-11-24T10:00:00", [], "平日の午前: 余裕あり"],
    ["2026-11-24T17:29:00", [], "終了31分前: 間に合う"],
    ["2026-11-24T17:30:00", ["18:00まで", "次の受付開始は11月25日（水）8:00です。"], "終了30分前"],
    ["2026-11-21T15:45:00", ["16:00まで", "次の受付開始は11月24日（火）8:00です。"], "土曜の終了15分前、月曜は祝日"],
    ["2026-11-23T10:00:00", ["受付時間外", "次の受付開始は11月24日（火）8:00です。"], "勤労感謝の日"],
    ["2026-11-24T18:00:00", ["受付時間外", "次の受付開始は11月25日（水）8:00です。"], "18:00ちょうど"],
  ] as const)("2-4-emergency at %s warns %j (%s)", (at, parts, _why) => {
    const warnings = ask("2-4-emergency", at).warnings;
    if (parts.length === 0) expect(warnings).toEqual([]);
    else {
      expect(warnings).toHaveLength(1);
      for (const p of parts) expect(warnings[0]).toContain(p);
      expect(warnings[0]).toContain("緊急時医療情報・資格確認機能");
    }
  });

  it.each(["2-4", "2-4-emergency"] as const)(
    "%s: call center with what to have ready, the report, the meanwhile steps",
    (id) => {
      const a = ask(id, "2026-11-23T10:00:00");
      expect(a.warnings).toHaveLength(1);
      const center = a.lines.find((l) => l.id === "callcenter");
      expect(center?.tellFirst).toEqual(["医療機関コード", "医療機関・薬局名", "担当者名"]);
      const said = [
        ...a.steps.flatMap((s) => [s.text, ...s.substeps, ...s.notes]),
        ...a.crossRefs.flatMap((r) => r.steps.flatMap((s) => [s.text, ...s.substeps, ...s.notes])),
        ...a.notes,
      ].join("\n");
      expect(said).toContain("システム障害時機能の利用報告");
      expect(said).toContain("30分");
      const other = id === "2-4" ? "2-4-emergency" : "2-4";
      expect(a.crossRefs.find((r) => r.topic === other)?.steps).toEqual(kb().topics.get(other)?.steps);
    },
  );

  it("other topics get no outage warning when the call center is closed", () => {
    expect(ask("1-3", "2026-11-23T10:00:00").warnings).toEqual([]);
  });
});
