import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDailyCounts, jstDate, KEEP_DAYS } from "../../src/stats/daily-counts.js";

const dir = mkdtempSync(join(tmpdir(), "daily-counts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logger() {
  const errors: unknown[] = [];
  return { errors, error: (obj: unknown) => void errors.push(obj) };
}

describe("daily counts (answered / unanswered per day, counts only)", () => {
  it("counts per Tokyo day and keeps them across restarts", () => {
    const path = join(dir, "a.json");
    const counts = createDailyCounts({ path, logger: logger() });
    counts.count(new Date("2026-11-23T14:59:00Z"), "answered"); // 23:59 JST
    counts.count(new Date("2026-11-23T15:00:00Z"), "answered"); // 00:00 JST the next day
    counts.count(new Date("2026-11-23T15:01:00Z"), "unanswered");
    counts.close();
    const again = createDailyCounts({ path, logger: logger() });
    expect(Object.fromEntries(again.snapshot())).toEqual({
      "2026-11-23": { answered: 1, unanswered: 0 },
      "2026-11-24": { answered: 1, unanswered: 1 },
    });
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      version: 1,
      days: { "2026-11-23": { answered: 1, unanswered: 0 }, "2026-11-24": { answered: 1, unanswered: 1 } },
    });
  });

  it("writes by itself shortly after counting (no close needed)", async () => {
    const path = join(dir, "b.json");
    const counts = createDailyCounts({ path, logger: logger(), flushDelayMs: 10 });
    counts.count(new Date("2026-11-24T01:00:00Z"), "answered");
    await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(path, "utf8")).toContain('"2026-11-24":{"answered":1,"unanswered":0}');
  });

  it("keeps the last KEEP_DAYS days", () => {
    const path = join(dir, "c.json");
    const counts = createDailyCounts({ path, logger: logger() });
    const start = Date.parse("2025-01-01T03:00:00Z");
    for (let i = 0; i < KEEP_DAYS + 5; i++) counts.count(new Date(start + i * 86_400_000), "answered");
    counts.flush();
    const days = [...counts.snapshot().keys()];
    expect(days).toHaveLength(KEEP_DAYS);
    expect(days[0]).toBe(jstDate(new Date(start + 5 * 86_400_000)));
  });

  it("an unreadable file is reported once and counting starts afresh", () => {
    const path = join(dir, "d.json");
    writeFileSync(path, "{not json");
    const log = logger();
    const counts = createDailyCounts({ path, logger: log });
    expect(log.errors).toHaveLength(1);
    expect(counts.snapshot().size).toBe(0);
  });
});
