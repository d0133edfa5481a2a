import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatJstIso, lineStatus } from "../../src/engine/line-status.js";
import { lineMsg } from "../../src/engine/messages.js";
import { defaultKnowledgeDir } from "../../src/knowledge/load-knowledge.js";
import { contactsFileSchema, type PhoneLine } from "../../src/knowledge/schema.js";

const contacts = contactsFileSchema.parse(parse(readFileSync(join(defaultKnowledgeDir(), "contacts.yaml"), "utf8")));
function line(id: string): PhoneLine {
  const found = contacts.phoneLines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}`);
  return found;
}
/** A wall-clock time in Tokyo, whatever the machine's TZ. */
const jst = (local: string) => new Date(`${local}+09:00`);

/** [line, JST time, state, closesAt (open) or opensAt (closed), closed reason, why]. */
type Row = readonly [string, string, "open" | "closed" | "uncertain", string, string, string];
const rows: readonly Row[] = [
  ["callcenter", "2026-11-21 15:59", "open", "2026-11-21 16:00", "", "土曜 16:00 まで"],
  ["callcenter", "2026-11-21 16:00", "closed", "2026-11-24 08:00", "", "土曜 16:00 で終了、月曜は勤労感謝の日"],
  ["callcenter", "2026-11-20 17:59", "open", "2026-11-20 18:00", "", "平日 18:00 まで"],
  ["callcenter", "2026-11-20 18:00", "closed", "2026-11-21 08:00", "", "18:00 ちょうどは時間外"],
  ["callcenter", "2026-11-24 08:00", "open", "2026-11-24 18:00", "", "8:00 ちょうどは受付中"],
  ["callcenter", "2026-11-24 07:59", "closed", "2026-11-24 08:00", "", "開始 1 分前"],
  ["callcenter", "2026-11-23 10:00", "closed", "2026-11-24 08:00", "祝日：勤労感謝の日", "勤労感謝の日"],
  ["callcenter", "2026-11-15 12:00", "closed", "2026-11-16 08:00", "日曜", "日曜"],
  [
    "callcenter",
    "2026-09-21 10:00",
    "closed",
    "2026-09-24 08:00",
    "祝日：敬老の日",
    "祝日の月曜（敬老の日）、翌日も休日",
  ],
  ["callcenter", "2026-11-13 18:30", "closed", "2026-11-14 08:00", "", "金曜夜 → 土曜 8:00"],
  ["fujitsu", "2026-11-13 18:30", "closed", "2026-11-16 09:00", "", "金曜夜 → 月曜 9:00"],
  ["fujitsu", "2026-11-14 10:00", "closed", "2026-11-16 09:00", "土曜・日曜", "土曜"],
  ["fujitsu", "2026-12-31 10:00", "closed", "2027-01-04 09:00", "年末年始", "年末年始（12/29～1/3）"],
  ["fujitsu", "2027-01-03 10:00", "closed", "2027-01-04 09:00", "年末年始", "年末年始の最終日"],
  ["fujitsu", "2026-12-28 16:59", "open", "2026-12-28 17:00", "", "年末年始の前日"],
  ["atlas", "2026-12-31 10:00", "uncertain", "2026-12-31 20:00", "", "年末年始（日付がガイドにない）"],
  [
    "atlas",
    "2027-01-03 10:00",
    "closed",
    "",
    "土曜・日曜",
    "1/3 は日曜: 休み。次の平日 1/4 は年末年始かもしれない: 時刻は言わない",
  ],
  ["canon", "2026-12-31 18:00", "closed", "", "", "年末年始の日付がガイドにない: 次の受付開始を言わない"],
  ["canon", "2026-08-13 10:00", "uncertain", "2026-08-13 17:30", "", "夏期休暇の日付がガイドにない: 受付中と言わない"],
  [
    "callcenter",
    "2026-12-30 10:00",
    "uncertain",
    "2026-12-30 18:00",
    "",
    "ガイドはコールセンターの年末年始を書いていない",
  ],
  ["callcenter", "2026-09-22 10:00", "closed", "2026-09-24 08:00", "祝日：国民の休日", "2026-09-22 は国民の休日"],
  ["callcenter", "2026-05-06 10:00", "closed", "2026-05-07 08:00", "祝日：こどもの日 振替休日", "振替休日"],
  ["atlas", "2026-11-24 19:59", "open", "2026-11-24 20:00", "", "20:00 まで"],
  ["atlas", "2026-11-24 20:00", "closed", "2026-11-25 09:00", "", "20:00 ちょうど"],
  ["panasonic", "2026-11-24 17:29", "open", "2026-11-24 17:30", "", "17:30 まで"],
  ["panasonic", "2026-11-24 17:30", "closed", "2026-11-25 09:00", "", "17:30 ちょうど"],
  ["canon", "2026-11-24 17:29", "open", "2026-11-24 17:30", "", "17:30 まで"],
  ["canon", "2026-11-24 17:30", "closed", "2026-11-25 09:00", "", "17:30 ちょうど"],
  ["almex", "2027-01-01 03:00", "open", "", "", "24時間365日"],
];
const iso = (short: string) => (short ? `${short.replace(" ", "T")}:00+09:00` : undefined);

describe("lineStatus", () => {
  it.each(rows)("%s %s → %s (next %s; %s; %s)", (id, at, state, next, reason, _why) => {
    const s = lineStatus(line(id), jst(`${at.replace(" ", "T")}:00`));
    expect(s.state).toBe(state);
    expect(state === "closed" ? s.opensAt : s.closesAt).toBe(iso(next));
    expect(state === "closed" ? s.closesAt : s.opensAt).toBeUndefined();
    expect(s.reason).toBe(reason || undefined);
  });

  it("edges to the second: open at 8:00:00, closed at 18:00:00 and one second before 8:00", () => {
    const center = line("callcenter");
    expect(lineStatus(center, jst("2026-11-24T07:59:59")).state).toBe("closed");
    expect(lineStatus(center, jst("2026-11-24T08:00:00")).state).toBe("open");
    expect(lineStatus(center, jst("2026-11-24T17:59:59")).state).toBe("open");
    expect(lineStatus(center, jst("2026-11-24T18:00:00")).state).toBe("closed");
  });

  it("writes the closed status as the guide's staff would say it", () => {
    const s = lineStatus(line("callcenter"), jst("2026-11-23T10:00:00"));
    expect(s.statusText).toBe("受付時間外（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。");
    expect(lineStatus(line("callcenter"), jst("2026-11-20T17:59:00")).statusText).toBe("受付中（18:00まで）");
    expect(s.tel).toBe("tel:08000804583");
    expect(s.tellFirst).toEqual(["医療機関コード", "医療機関・薬局名"]);
  });

  it("names an undated closure every day, in the guide's own words; never for 富士通 (dated)", () => {
    const atlas = line("atlas");
    const undated = lineMsg.caveatUndated("年末年始", atlas.hoursText);
    expect(undated).toContain("（ガイドの記載：「受付時間 9:00～20:00（土・日・祝日・年末年始を除く）」）");
    for (const at of ["2026-12-31T10:00:00", "2027-01-03T10:00:00", "2026-11-24T10:00:00"]) {
      expect(lineStatus(atlas, jst(at)).caveats, at).toEqual([undated]);
    }
    expect(lineStatus(line("fujitsu"), jst("2026-12-31T10:00:00")).caveats).toEqual([]);
  });

  it("says what the guide does not say about the call center's 年末年始 on those days only", () => {
    const center = line("callcenter");
    const silent = lineMsg.caveatSilent("年末年始", center.hoursText);
    expect(lineStatus(center, jst("2026-12-30T10:00:00")).caveats).toEqual([silent]);
    expect(lineStatus(center, jst("2026-12-30T10:00:00")).statusText).toBe(
      "要確認（年末年始：ガイドに記載がありません。通常の受付は18:00まで）",
    );
    expect(lineStatus(center, jst("2026-11-24T10:00:00")).caveats).toEqual([]);
  });

  it("キヤノン: 要確認 on a summer weekday and 12/31, never a green 受付中 nor a next opening in the unknown range", () => {
    const summer = lineStatus(line("canon"), jst("2026-08-13T10:00:00"));
    expect(summer.statusText).toBe("要確認（夏期休暇：ガイドに日付の記載がありません。通常の受付は17:30まで）");
    expect(summer.caveats).toEqual([
      lineMsg.caveatUndated("年末年始", line("canon").hoursText),
      lineMsg.caveatUndated("夏期休暇", line("canon").hoursText),
    ]);
    const yearEnd = lineStatus(line("canon"), jst("2026-12-31T18:00:00"));
    expect(yearEnd.statusText).toBe(
      "受付時間外。次の受付開始は要確認です（年末年始：ガイドに日付の記載がありません）。",
    );
    expect(yearEnd.statusText).not.toMatch(/1月\d+日/);
  });

  it("every status says the minute it was computed for (「HH:MM 時点」 in every channel)", () => {
    expect(lineStatus(line("callcenter"), jst("2026-11-24T09:05:42")).asOf).toBe("9:05");
    expect(lineStatus(line("almex"), jst("2026-11-24T23:59:00")).asOf).toBe("23:59");
  });

  it("アルメックス is open at any instant", () => {
    const s = lineStatus(line("almex"), jst("2027-01-01T03:00:00"));
    expect(s.statusText).toBe("24時間365日受付");
    expect(s.opensAt).toBeUndefined();
  });

  it("uses Tokyo time, not the machine's: 15:00 UTC is midnight in Tokyo", () => {
    const s = lineStatus(line("callcenter"), new Date("2026-11-23T15:00:00Z"));
    expect(s.state).toBe("closed");
    expect(s.opensAt).toBe("2026-11-24T08:00:00+09:00");
    expect(formatJstIso(new Date("2026-11-23T15:00:05Z"))).toBe("2026-11-24T00:00:05+09:00");
  });

  it("never throws, and the next opening or closing is always later than now", () => {
    const from = Date.parse("2020-01-01T00:00:00Z");
    const to = Date.parse("2045-12-31T00:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...contacts.phoneLines), (ms, l) => {
        const s = lineStatus(l, new Date(ms));
        const next = s.opensAt ?? s.closesAt;
        if (next !== undefined) expect(Date.parse(next)).toBeGreaterThan(ms);
        expect(s.statusText.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
