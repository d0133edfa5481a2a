import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lineMsg } from "../../src/engine/messages.js";
import { formatJstIso, lineStatus } from "../../src/knowledge/line-status.js";
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

type Row = {
  readonly line: string;
  readonly at: string;
  readonly state: "open" | "closed" | "uncertain";
  readonly why: string;
  readonly closesAt?: string;
  readonly opensAt?: string;
  readonly reason?: string;
};

const rows: readonly Row[] = [
  {
    line: "callcenter",
    at: "2026-11-21T15:59:00",
    state: "open",
    why: "土曜 16:00 まで",
    closesAt: "2026-11-21T16:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-21T16:00:00",
    state: "closed",
    why: "土曜 16:00 で終了、月曜は勤労感謝の日",
    opensAt: "2026-11-24T08:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-20T17:59:00",
    state: "open",
    why: "平日 18:00 まで",
    closesAt: "2026-11-20T18:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-20T18:00:00",
    state: "closed",
    why: "18:00 ちょうどは時間外",
    opensAt: "2026-11-21T08:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-24T08:00:00",
    state: "open",
    why: "8:00 ちょうどは受付中",
    closesAt: "2026-11-24T18:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-24T07:59:59",
    state: "closed",
    why: "開始 1 秒前",
    opensAt: "2026-11-24T08:00:00+09:00",
  },
  {
    line: "callcenter",
    at: "2026-11-23T10:00:00",
    state: "closed",
    why: "勤労感謝の日",
    opensAt: "2026-11-24T08:00:00+09:00",
    reason: "祝日：勤労感謝の日",
  },
  {
    line: "callcenter",
    at: "2026-11-15T12:00:00",
    state: "closed",
    why: "日曜",
    opensAt: "2026-11-16T08:00:00+09:00",
    reason: "日曜",
  },
  {
    line: "callcenter",
    at: "2026-09-21T10:00:00",
    state: "closed",
    why: "祝日の月曜（敬老の日）、翌日も休日",
    opensAt: "2026-09-24T08:00:00+09:00",
    reason: "祝日：敬老の日",
  },
  {
    line: "callcenter",
    at: "2026-11-13T18:30:00",
    state: "closed",
    why: "金曜夜 → 土曜 8:00",
    opensAt: "2026-11-14T08:00:00+09:00",
  },
  {
    line: "fujitsu",
    at: "2026-11-13T18:30:00",
    state: "closed",
    why: "金曜夜 → 月曜 9:00",
    opensAt: "2026-11-16T09:00:00+09:00",
  },
  {
    line: "fujitsu",
    at: "2026-11-14T10:00:00",
    state: "closed",
    why: "土曜",
    opensAt: "2026-11-16T09:00:00+09:00",
    reason: "土曜・日曜",
  },
  {
    line: "fujitsu",
    at: "2026-12-31T10:00:00",
    state: "closed",
    why: "年末年始（12/29～1/3）",
    opensAt: "2027-01-04T09:00:00+09:00",
    reason: "年末年始",
  },
  {
    line: "fujitsu",
    at: "2027-01-03T10:00:00",
    state: "closed",
    why: "年末年始の最終日",
    opensAt: "2027-01-04T09:00:00+09:00",
    reason: "年末年始",
  },
  {
    line: "fujitsu",
    at: "2026-12-28T16:59:00",
    state: "open",
    why: "年末年始の前日",
    closesAt: "2026-12-28T17:00:00+09:00",
  },
  {
    line: "atlas",
    at: "2026-12-31T10:00:00",
    state: "uncertain",
    why: "年末年始（日付がガイドにない）",
    closesAt: "2026-12-31T20:00:00+09:00",
  },
  {
    line: "atlas",
    at: "2027-01-03T10:00:00",
    state: "closed",
    why: "1/3 は日曜: 年末年始に関係なく休み",
    opensAt: "2027-01-04T09:00:00+09:00",
    reason: "土曜・日曜",
  },
  { line: "atlas", at: "2026-11-24T19:59:00", state: "open", why: "20:00 まで", closesAt: "2026-11-24T20:00:00+09:00" },
  {
    line: "atlas",
    at: "2026-11-24T20:00:00",
    state: "closed",
    why: "20:00 ちょうど",
    opensAt: "2026-11-25T09:00:00+09:00",
  },
  {
    line: "panasonic",
    at: "2026-11-24T17:29:00",
    state: "open",
    why: "17:30 まで",
    closesAt: "2026-11-24T17:30:00+09:00",
  },
  {
    line: "panasonic",
    at: "2026-11-24T17:30:00",
    state: "closed",
    why: "17:30 ちょうど",
    opensAt: "2026-11-25T09:00:00+09:00",
  },
  { line: "canon", at: "2026-11-24T17:29:00", state: "open", why: "17:30 まで", closesAt: "2026-11-24T17:30:00+09:00" },
  {
    line: "canon",
    at: "2026-11-24T17:30:00",
    state: "closed",
    why: "17:30 ちょうど",
    opensAt: "2026-11-25T09:00:00+09:00",
  },
  { line: "almex", at: "2027-01-01T03:00:00", state: "open", why: "24時間365日" },
];

describe("lineStatus", () => {
  it.each(rows)("$line $at → $state ($why)", (row) => {
    const s = lineStatus(line(row.line), jst(row.at));
    expect(s.state).toBe(row.state);
    expect(s.closesAt).toBe(row.closesAt);
    expect(s.opensAt).toBe(row.opensAt);
    expect(s.reason).toBe(row.reason);
  });

  it("writes the closed status as the guide's staff would say it", () => {
    const s = lineStatus(line("callcenter"), jst("2026-11-23T10:00:00"));
    expect(s.statusText).toBe("受付時間外（祝日：勤労感謝の日）。次の受付開始は11月24日（火）8:00です。");
    expect(lineStatus(line("callcenter"), jst("2026-11-20T17:59:00")).statusText).toBe("受付中（18:00まで）");
    expect(s.tel).toBe("tel:08000804583");
    expect(s.tellFirst).toEqual(["医療機関コード", "医療機関・薬局名"]);
  });

  it("adds the year-end caveat only around 12/29–1/3 for lines without dates", () => {
    expect(lineStatus(line("atlas"), jst("2026-12-31T10:00:00")).caveats).toEqual([lineMsg.caveatYearEnd]);
    expect(lineStatus(line("atlas"), jst("2027-01-03T10:00:00")).caveats).toEqual([lineMsg.caveatYearEnd]);
    expect(lineStatus(line("atlas"), jst("2026-12-28T21:00:00")).caveats).toEqual([lineMsg.caveatYearEnd]);
    expect(lineStatus(line("atlas"), jst("2026-11-24T10:00:00")).caveats).toEqual([]);
    expect(lineStatus(line("fujitsu"), jst("2026-12-31T10:00:00")).caveats).toEqual([]);
  });

  it("always reminds of キヤノン's 夏期休暇, whose dates the guide does not give", () => {
    const s = lineStatus(line("canon"), jst("2026-08-13T10:00:00"));
    expect(s.state).toBe("open");
    expect(s.caveats).toContain(lineMsg.caveatSummer);
    expect(lineStatus(line("canon"), jst("2026-12-30T10:00:00")).caveats).toEqual([
      lineMsg.caveatYearEnd,
      lineMsg.caveatSummer,
    ]);
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
