import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/project-root.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";

const root = findProjectRoot();

function npm(args: string[], input?: string) {
  const result = spawnSync("npm", ["run", "--silent", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // Builds dist/ once if sources changed, as `npm run ask` does for a user.
  const built = spawnSync(process.execPath, [join(root, "scripts", "ensure-built.mjs")], { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

describe("npm run ask -- --jsonl (the contract of spec/topics.md)", () => {
  it("writes one JSON object per input line, in order, and nothing else", () => {
    const questions = [
      "無効って出た",
      "",
      "現在無効の保険です。新しい保険があるので確認してください",
      "今日の天気",
      "ｶﾞｲﾄｳｼｶｸﾅｼ",
    ];
    const { code, stdout } = npm(["ask", "--", "--jsonl"], `${questions.join("\n")}\n`);
    expect(code).toBe(0);
    const lines = stdout.split("\n").filter((l) => l.length > 0);
    expect(lines).toHaveLength(questions.length);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) {
      expect(Object.keys(p).every((k) => ["id", "variant", "confidence", "alternatives"].includes(k))).toBe(true);
      expect(TOPIC_IDS).toContain(p.id);
      expect(typeof p.confidence).toBe("number");
      expect(Array.isArray(p.alternatives)).toBe(true);
    }
    expect(parsed.map((p) => p.id)).toEqual(["1-2", "none", "1-2", "none", "1-2"]);
    expect(parsed[2]?.variant).toBe("new");
    expect("variant" in (parsed[0] ?? {})).toBe(false);
  });

  it("--json prints the Answer model for one question", () => {
    const { code, stdout } = npm(["ask", "--", "--json", "停電"]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { topic: string; lines: { phone: string }[] };
    expect(answer.topic).toBe("2-4");
    expect(answer.lines.map((l) => l.phone)).toContain("0800-080-4583");
  });
});

describe("npm run ask -- 質問", () => {
  it("prints the call center's number with its hours", () => {
    const { code, stdout } = npm(["ask", "--", "コールセンターの電話番号"]);
    expect(code).toBe(0);
    expect(stdout).toContain("0800-080-4583");
    expect(stdout).toContain("8:00～18:00");
    expect(stdout).toContain("出典：オンライン資格確認 運用時のヘルプガイド");
  });

  it("--now fixes the clock: closed on 勤労感謝の日, opens 11/24 8:00", () => {
    const { stdout } = npm(["ask", "--", "--now", "2026-11-23T10:00:00+09:00", "コールセンターは今つながる？"]);
    expect(stdout).toContain("勤労感謝の日");
    expect(stdout).toContain("11月24日（火）8:00");
  });

  it("a bad --now gets a clear message and a non-zero exit", () => {
    const { code, stderr } = npm(["ask", "--", "--now", "yesterday", "停電"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--now");
  });
});

describe("npm run kb:check", () => {
  it("passes on the real knowledge base", () => {
    const { code, stdout } = npm(["kb:check"]);
    expect(code).toBe(0);
    expect(stdout).toContain("知識ベース OK");
  });

  it("fails with the file, the path and the reason on a broken copy, without a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    try {
      cpSync(join(root, "src", "knowledge", "data"), dir, { recursive: true });
      rmSync(join(dir, "topics", "2-2.yaml"));
      const { code, stderr } = npm(["kb:check", "--", dir]);
      expect(code).toBe(1);
      expect(stderr).toContain('"2-2"');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
