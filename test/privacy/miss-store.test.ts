import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/privacy/logger.js";
import { createMissStore, MAX_TEXT_LENGTH, readRecords, type StoreRecord } from "../../src/privacy/miss-store.js";
import { formatMissReport, runReportMisses } from "../../src/privacy/report-misses.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "miss-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const silent = { error: () => undefined, info: () => undefined };
const fixedNow = () => new Date("2025-01-06T00:00:00.000Z");

describe("miss store", () => {
  it("appends masked records, creating the directory, and reads them back", () => {
    const path = join(dir, "nested", "data", "feedback.jsonl");
    const store = createMissStore({ path, logger: silent, now: fixedNow });
    expect(
      store.recordQuestion({
        channel: "teams",
        text: "個人番号 1234 5678 9018 で検索できない",
        topic: "none",
        confidence: 0,
      }),
    ).toBe(true);
    expect(store.recordQuestion({ channel: "slack", text: "よく分かる質問", topic: "1-1", confidence: 0.9 })).toBe(
      false,
    );
    expect(
      store.recordQuestion({ channel: "web", text: "生年月日 S55.1.2 の方", topic: "2-2", confidence: 0.21234 }),
    ).toBe(true);
    expect(store.recordFeedback({ channel: "cli", topic: "1-1", helpful: false, text: "記号 12 番号 34" })).toBe(true);

    expect(readRecords(path)).toEqual([
      {
        ts: "2025-01-06T00:00:00.000Z",
        kind: "miss",
        channel: "teams",
        text: "個人番号 [個人番号] で検索できない",
        topic: "none",
        confidence: 0,
      },
      {
        ts: "2025-01-06T00:00:00.000Z",
        kind: "miss",
        channel: "web",
        text: "生年月日 [生年月日] の方",
        topic: "2-2",
        confidence: 0.212,
      },
      {
        ts: "2025-01-06T00:00:00.000Z",
        kind: "feedback",
        channel: "cli",
        text: "記号 [記号] 番号 [番号]",
        topic: "1-1",
        helpful: false,
      },
    ]);
    const raw = readFileSync(path, "utf8");
    expect(raw).not.toMatch(/9018|S55|記号 12/u);
  });

  it("masks before cutting the text to 500 characters", () => {
    const path = join(dir, "feedback.jsonl");
    const store = createMissStore({ path, logger: silent });
    store.recordMiss({ channel: "cli", text: `${"あ".repeat(MAX_TEXT_LENGTH - 4)}123456789018` });
    const [record] = readRecords(path);
    expect(record?.text).toBe(`${"あ".repeat(MAX_TEXT_LENGTH - 4)}[個人番`);
  });

  it("skips a torn last line, and the next append does not glue onto it", () => {
    const path = join(dir, "feedback.jsonl");
    createMissStore({ path, logger: silent }).recordMiss({ channel: "cli", text: "一件目" });
    appendFileSync(path, '{"ts":"2025-01-06T00:00:00.000Z","kind":"mi');
    expect(readRecords(path).map((r) => r.text)).toEqual(["一件目"]);

    createMissStore({ path, logger: silent }).recordMiss({ channel: "cli", text: "二件目" });
    expect(readRecords(path).map((r) => r.text)).toEqual(["一件目", "二件目"]);
  });

  it("reads a missing file as empty", () => {
    expect(readRecords(join(dir, "none.jsonl"))).toEqual([]);
  });

  it("logs a write failure, masked, and never throws", () => {
    const blocker = join(dir, "123456789018");
    writeFileSync(blocker, "a file where a directory should be");
    const chunks: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (s: string) => void chunks.push(s) } });
    const store = createMissStore({ path: join(blocker, "feedback.jsonl"), logger });
    expect(store.recordMiss({ channel: "web", text: "質問" })).toBe(false);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toContain("miss-store: write failed");
    expect(chunks[0]).toContain("[個人番号]");
    expect(chunks[0]).not.toContain("123456789018");
  });
});

describe("miss report", () => {
  const ts = "2025-01-06T00:00:00.000Z";
  const miss = (text: string, topic = "none"): StoreRecord => ({ ts, kind: "miss", channel: "teams", text, topic });
  const feedback = (topic: string, helpful: boolean): StoreRecord => ({
    ts,
    kind: "feedback",
    channel: "slack",
    text: "",
    topic,
    helpful,
  });

  it("groups misses by normalised text, most frequent first, then feedback per topic", () => {
    const report = formatMissReport([
      miss("レセコンが起動しない"),
      miss("ＰＣの電源が　入らない"),
      miss("pcの電源が入らない", "1-2"),
      miss("PCの電源が 入らない "),
      feedback("1-1", true),
      feedback("1-1", false),
      feedback("2-2", false),
      feedback("2-2", false),
      feedback("1-1", true),
    ]);
    expect(report).toBe(
      [
        "回答できなかった質問（4件・2種類）",
        "     3件  pcの電源が入らない（近い話題: 1-2）",
        "     1件  レセコンが起動しない",
        "  よくある質問から順に、ナレッジの例文（質問の言い回し）に追加してください。",
        "",
        "フィードバック（5件）",
        "  2-2: 役に立った 0件 / 役に立たなかった 2件",
        "  1-1: 役に立った 2件 / 役に立たなかった 1件",
        "",
      ].join("\n"),
    );
  });

  it("masks again what an older file may hold", () => {
    expect(formatMissReport([miss("番号 123456789018")])).toContain("番号[個人番号]");
  });

  it("says so when there is nothing", () => {
    expect(formatMissReport([])).toBe(
      "回答できなかった質問（0件・0種類）\n  （なし）\n\nフィードバック（0件）\n  （なし）\n",
    );
  });

  it("runs on a file and returns an exit code", () => {
    const run = (path: string): { code: number; out: string } => {
      const parts: string[] = [];
      const code = runReportMisses(path, (s) => {
        parts.push(s);
      });
      return { code, out: parts.join("") };
    };
    const path = join(dir, "feedback.jsonl");
    createMissStore({ path, logger: silent }).recordMiss({ channel: "web", text: "返戻の確認方法" });
    expect(run(path)).toMatchObject({ code: 0, out: expect.stringContaining("1件  返戻の確認方法") });
    expect(run(join(dir, "missing.jsonl"))).toMatchObject({
      code: 0,
      out: expect.stringContaining("記録ファイルがありません"),
    });
    expect(run(dir)).toMatchObject({ code: 1, out: expect.stringContaining("記録ファイルを読めませんでした") });
  });
});

/** Runs the TS source in a child node: a loader hook transpiles .ts with the project's typescript. */
function writeTsLoader(into: string): string {
  const typescript = createRequire(import.meta.url).resolve("typescript");
  writeFileSync(
    join(into, "hooks.mjs"),
    `import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const ts = createRequire(import.meta.url)(${JSON.stringify(typescript)});
export async function resolve(spec, ctx, next) {
  if (spec.endsWith(".js") && ctx.parentURL?.endsWith(".ts")) {
    const url = new URL(spec.slice(0, -3) + ".ts", ctx.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return next(spec, ctx);
}
export async function load(url, ctx, next) {
  if (!url.endsWith(".ts")) return next(url, ctx);
  const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  const source = ts.transpileModule(readFileSync(fileURLToPath(url), "utf8"), { compilerOptions: options }).outputText;
  return { format: "module", source, shortCircuit: true };
}
`,
  );
  writeFileSync(
    join(into, "register.mjs"),
    'import { register } from "node:module";\nregister(new URL("./hooks.mjs", import.meta.url));\n',
  );
  return join(into, "register.mjs");
}

// The parent may read slowly (a loaded machine): a full pipe answers EAGAIN, and the child waits, never dies of it.
const CHILD = `import { writeSync } from "node:fs";
const ack = (line) => {
  for (;;) {
    try { writeSync(1, line); return; } catch (e) { if (e.code !== "EAGAIN") throw e; }
  }
};
const [path, storeUrl] = process.argv.slice(2);
const { createMissStore } = await import(storeUrl);
const store = createMissStore({ path, logger: { error() {} } });
for (let seq = 0; seq < 1_000_000; seq++) {
  if (store.recordMiss({ channel: "cli", text: "質問 " + seq + " 個人番号 1234 5678 9018" })) ack(seq + "\\n");
}
`;

describe("miss store under SIGKILL", () => {
  it("loses no acknowledged record when the process is killed mid-burst", async () => {
    const register = writeTsLoader(dir);
    writeFileSync(join(dir, "child.mjs"), CHILD);
    const path = join(dir, "data", "feedback.jsonl");
    const storeUrl = pathToFileURL(join(import.meta.dirname, "../../src/privacy/miss-store.ts")).href;
    const child = spawn(
      process.execPath,
      ["--import", pathToFileURL(register).href, join(dir, "child.mjs"), path, storeUrl],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.split("\n").length > 200) child.kill("SIGKILL");
    });
    const signal = await exited;
    expect(err).toBe("");
    expect(signal).toBe("SIGKILL");

    const acknowledged = out.split("\n").slice(0, -1).map(Number);
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    const stored = new Set(readRecords(path).map((r) => Number(/質問 (\d+)/u.exec(r.text)?.[1])));
    expect(acknowledged.filter((seq) => !stored.has(seq))).toEqual([]);
    expect(readFileSync(path, "utf8")).not.toContain("5678 9018");
  });
});

describe("a flood of questions cannot fill the disk", () => {
  it("stops at maxBytes, keeps what it has, and says so once", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const path = join(mkdtempSync(join(tmpdir(), "cap-")), "feedback.jsonl");
    const store = createMissStore({ path, maxBytes: 1_000, logger });
    let written = 0;
    for (let i = 0; i < 50; i++)
      if (store.recordMiss({ channel: "web", text: `質問 ${i} 電子処方箋について` })) written++;
    store.close();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(50);
    expect(readRecords(path)).toHaveLength(written);
    expect(lines.filter((l) => l.includes("records are dropped"))).toHaveLength(1);
  });
});
