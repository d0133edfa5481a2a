import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/privacy/logger.js";
import { createMissStore, readRecords } from "../../src/privacy/miss-store.js";
import { runReportMisses } from "../../src/privacy/report-misses.js";
import { unwritableReason } from "../../src/privacy/store-file.js";
import { findProjectRoot } from "../../src/project-root.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-privacy-"));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const silent = { error: () => undefined, info: () => undefined };
const DAY = 24 * 60 * 60 * 1000;
const mode = (path: string) => statSync(path).mode & 0o777;

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
  });
  return { lines, logger };
}

describe("what is stored is minimised", () => {
  it.each([
    ["患者の山田太郎さんの資格が無効", "患者の[氏名]さんの資格が無効"],
    ["ヤマダ タロウ様のカードが読めない", "[氏名]様のカードが読めない"],
    ["東京都港区芝公園1-2-3の患者", "[住所]の患者"],
    ["090-1234-5678 に折り返し", "[電話番号] に折り返し"],
    ["0120-924-524 につながらない", "0120-924-524 につながらない"],
    ["taro@example.jp から問い合わせ", "[メール] から問い合わせ"],
    ["1975年1月2日の人", "[日付]の人"],
    ["平成元年5月6日の患者", "[日付]の患者"],
    ["暗唱番号は4821", "暗唱番号は[暗証番号]"],
    ["1234.5678.9018 で検索", "[個人番号] で検索"],
    ["(1234)(5678)(9018)", "([個人番号])"],
    ["𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖", "[個人番号]"],
    ["質問\u001b[31m赤\u001b]0;title\u0007\n次の行", "質問[31m赤]0;title 次の行"],
  ])("%s → %s", (text, expected) => {
    const path = join(dir, "feedback.jsonl");
    const store = createMissStore({ path, logger: silent, keepPhones: new Set(["0120924524"]) });
    store.recordMiss({ channel: "web", text });
    store.close();
    expect(readRecords(path).map((r) => r.text)).toEqual([expected]);
    expect(readFileSync(path, "utf8")).not.toMatch(/(?![\n])\p{Cc}/u);
  });
});

describe("store files", () => {
  it("are 0600 in a 0700 folder, and an older 0644 file in an own 0755 folder is tightened", () => {
    const path = join(dir, "data", "feedback.jsonl");
    createMissStore({ path, logger: silent }).recordMiss({ channel: "web", text: "質問" });
    expect(mode(join(dir, "data"))).toBe(0o700);
    expect(mode(path)).toBe(0o600);

    const old = join(dir, "old", "feedback.jsonl");
    mkdirSync(join(dir, "old"), { mode: 0o755 });
    writeFileSync(old, "", { mode: 0o644 });
    chmodSync(join(dir, "old"), 0o755);
    chmodSync(old, 0o644);
    createMissStore({ path: old, logger: silent }).recordMiss({ channel: "web", text: "質問" });
    expect(mode(join(dir, "old"))).toBe(0o700);
    expect(mode(old)).toBe(0o600);
  });

  it("a DATA_DIR that cannot be written is found at start", () => {
    // a file where the folder should be (chmod alone would not stop root)
    writeFileSync(join(dir, "blocked"), "");
    expect(unwritableReason(join(dir, "blocked", "feedback.jsonl"))).toMatch(/^E(?:EXIST|NOTDIR)$/);
    mkdirSync(join(dir, "taken", "feedback.jsonl"), { recursive: true });
    expect(unwritableReason(join(dir, "taken", "feedback.jsonl"))).toBe("EISDIR");
    expect(unwritableReason(join(dir, "rw", "feedback.jsonl"))).toBeUndefined();
  });
});

describe("retention", () => {
  const line = (daysAgo: number, text: string, at: number) =>
    `${JSON.stringify({ ts: new Date(at - daysAgo * DAY).toISOString(), kind: "miss", channel: "web", text })}\n`;

  it("the store removes records older than its retention when it opens, and says how many", () => {
    const at = Date.parse("2026-06-01T00:00:00Z");
    const path = join(dir, "feedback.jsonl");
    writeFileSync(path, line(120, "古い", at) + line(91, "少し古い", at) + line(89, "新しい", at));
    const { lines, logger } = capture();
    const store = createMissStore({ path, logger, now: () => new Date(at), retentionDays: 90 });
    store.recordMiss({ channel: "web", text: "今日" });
    store.close();
    expect(readRecords(path).map((r) => r.text)).toEqual(["新しい", "今日"]);
    expect(lines.find((l) => l.msg === "miss-store: expired records removed")?.removed).toBe(2);
    expect(mode(path)).toBe(0o600);
  });

  it("purgeExpired applies a shorter retention at once", () => {
    const at = Date.now();
    const path = join(dir, "feedback.jsonl");
    writeFileSync(path, line(10, "十日前", at) + line(1, "昨日", at));
    const store = createMissStore({ path, logger: silent, retentionDays: 5 });
    expect(store.purgeExpired()).toEqual({ removed: 1, kept: 1 });
    store.recordMiss({ channel: "web", text: "今日" });
    expect(readRecords(path).map((r) => r.text)).toEqual(["昨日", "今日"]);
  });

  it("npm run purge:misses removes what MISS_RETENTION_DAYS no longer keeps; a running store writes to the new file", () => {
    const at = Date.now();
    const path = join(dir, "feedback.jsonl");
    writeFileSync(path, line(40, "四十日前", at) + line(2, "二日前", at));
    const running = createMissStore({ path, logger: silent, retentionDays: 365 });
    running.recordMiss({ channel: "web", text: "起動中" });
    const cli = join(findProjectRoot(), "dist", "src", "cli.js");
    const result = spawnSync(process.execPath, [cli, "purge-misses", path], {
      env: { ...process.env, MISS_RETENTION_DAYS: "30" },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("1 件削除");
    running.recordMiss({ channel: "web", text: "整理のあと" });
    running.close();
    expect(readRecords(path).map((r) => r.text)).toEqual(["二日前", "起動中", "整理のあと"]);
  });

  it("config refuses a retention that is not a whole number of days", () => {
    const cli = join(findProjectRoot(), "dist", "src", "cli.js");
    const result = spawnSync(process.execPath, [cli, "purge-misses", join(dir, "x.jsonl")], {
      env: { ...process.env, MISS_RETENTION_DAYS: "0" },
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("MISS_RETENTION_DAYS");
  });
});

describe("a storage outage", () => {
  it("is logged once, records are dropped meanwhile, and its end is logged", async () => {
    const data = join(dir, "data");
    const path = join(data, "feedback.jsonl");
    const { lines, logger } = capture();
    const store = createMissStore({ path, logger, syncDelayMs: 0 });
    expect(store.recordMiss({ channel: "web", text: "一件目" })).toBe(true);
    // the file replaced by a folder: every write fails (EISDIR), whoever runs the test
    rmSync(path);
    mkdirSync(path);
    for (let i = 0; i < 20; i++) expect(store.recordMiss({ channel: "web", text: `失敗 ${i}` })).toBe(false);
    expect(lines.filter((l) => Number(l.level) >= 50)).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain("at ");
    rmSync(path, { recursive: true });
    await new Promise((r) => setTimeout(r, 5_100));
    expect(store.recordMiss({ channel: "web", text: "復旧" })).toBe(true);
    expect(lines.filter((l) => l.msg === "miss-store: writing again")).toHaveLength(1);
    expect(lines.filter((l) => Number(l.level) >= 50)).toHaveLength(1);
    expect(lines.find((l) => l.msg === "miss-store: writing again")?.dropped).toBe(20);
  }, 10_000);
});

describe("report:misses prints nothing a terminal would obey, nor a number NFKC would reveal", () => {
  it("strips escapes and masks mathematical digits in an older file", () => {
    const path = join(dir, "feedback.jsonl");
    const rec = (text: string, topic = "none") =>
      `${JSON.stringify({ ts: new Date().toISOString(), kind: "miss", channel: "web", text, topic })}\n`;
    writeFileSync(
      path,
      rec("\u001b[31m赤い質問\u001b]0;owned\u0007") +
        rec("𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖 が通らない") +
        rec("患者の山田太郎さん", "1-1\u001b[2J") +
        rec("1234.5678.9018"),
    );
    let out = "";
    expect(
      runReportMisses(path, (s) => {
        out += s;
      }),
    ).toBe(0);
    expect(out).not.toMatch(/(?![\n])\p{Cc}/u);
    expect(out).not.toContain("123456789018");
    expect(out).not.toContain("山田");
    expect(out).toContain("[個人番号]");
  });
});
