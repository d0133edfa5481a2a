import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core.js";
import { createDialogEngine } from "../../src/engine/conversation/dialog-engine.js";
import type { Logger } from "../../src/privacy/logger.js";
import { createMissStore, type StoreRecord } from "../../src/privacy/miss-store.js";
import { createConversations } from "../../src/state/conversation-store.js";
import { createSharedState, type SharedState } from "../../src/state/create-state.js";
import { readRecordStream } from "../../src/state/record-stream.js";
import { stateMsg } from "../../src/state/state-messages.js";
import { type LocalRedis, startLocalRedis } from "../helpers/redis-server.js";
import { sharedCore } from "../helpers/test-server.js";

/** Collects what the store logs (a test must not write to the console). */
function collectingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) => {
      const msg = args.find((a) => typeof a === "string");
      lines.push({ level, msg: typeof msg === "string" ? msg : "" });
    };
  const logger = { warn: at("warn"), info: at("info"), error: at("error"), debug: at("debug") } as unknown as Logger;
  return { logger, lines };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 8_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
};

let redis: LocalRedis;
let core: Core;
const opened: SharedState[] = [];
const open = (logger: Logger) => {
  const s = createSharedState({ REDIS_URL: redis.url, MISS_RETENTION_DAYS: 30 }, logger);
  opened.push(s);
  return s;
};

beforeAll(async () => {
  redis = await startLocalRedis();
  core = await sharedCore();
}, 30_000);

afterAll(async () => {
  await Promise.allSettled(opened.map((s) => s.close()));
  await redis?.stop();
});

describe("state shared through a real redis-server", () => {
  it("a delivery id is claimed once across two instances, and the claim expires", async () => {
    const a = open(collectingLogger().logger);
    const b = open(collectingLogger().logger);
    await until(() => Boolean(a.link?.shared && b.link?.shared));
    expect(await a.store.claim("onshi:test:evt-1", 300)).toBe(true);
    expect(await b.store.claim("onshi:test:evt-1", 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.store.claim("onshi:test:evt-1", 300)).toBe(true);
  });

  it("counters are shared and values expire on their own", async () => {
    const a = open(collectingLogger().logger);
    const b = open(collectingLogger().logger);
    await until(() => Boolean(a.link?.shared && b.link?.shared));
    expect(await a.store.increment("onshi:test:rate", 60_000)).toBe(1);
    expect(await b.store.increment("onshi:test:rate", 60_000)).toBe(2);
    await a.store.set("onshi:test:v", { x: 1 }, 200);
    expect(await b.store.get("onshi:test:v")).toEqual({ x: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.store.get("onshi:test:v")).toBeUndefined();
  });

  it("a follow-up handled by the other instance keeps its context", async () => {
    const a = open(collectingLogger().logger);
    const b = open(collectingLogger().logger);
    await until(() => Boolean(a.link?.shared && b.link?.shared));
    const dialog = createDialogEngine(core);
    const now = new Date("2026-11-28T10:00:00+09:00");
    await createConversations(a.store, dialog).turn("t:c1", "富士通のリーダーの電話番号", { now });
    const turn = await createConversations(b.store, dialog).turn("t:c1", "それって土曜もやってる？", { now });
    expect(turn.resolution).toMatchObject({ id: "3-reader-fujitsu", context: true });
  });

  it("Redis killed: answers keep coming from the process with one warning; back: shared again", async () => {
    const la = collectingLogger();
    const a = open(la.logger);
    const b = open(collectingLogger().logger);
    await until(() => Boolean(a.link?.shared && b.link?.shared));
    await redis.kill();
    for (let i = 0; i < 5; i++) expect(await a.store.claim(`onshi:test:down-${i}`, 60_000)).toBe(true);
    await a.store.set("onshi:test:local", 1, 60_000);
    expect(await a.store.get("onshi:test:local")).toBe(1);
    expect(la.lines.filter((l) => l.msg === stateMsg.redisAway)).toHaveLength(1);
    await redis.start();
    await until(() => Boolean(a.link?.shared && b.link?.shared), 10_000);
    expect(la.lines.some((l) => l.msg === stateMsg.redisBack)).toBe(true);
    expect(await a.store.claim("onshi:test:after", 60_000)).toBe(true);
    expect(await b.store.claim("onshi:test:after", 60_000)).toBe(false);
  }, 30_000);

  it("unanswered questions of both instances reach one stream, masked; while Redis is away they go to the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "onshi-stream-"));
    const a = open(collectingLogger().logger);
    const b = open(collectingLogger().logger);
    await until(() => Boolean(a.link?.shared && b.link?.shared));
    const logger = collectingLogger().logger;
    const storeA = createMissStore({ logger, path: join(dir, "a.jsonl"), ...(a.records ? { sink: a.records } : {}) });
    const storeB = createMissStore({ logger, path: join(dir, "b.jsonl"), ...(b.records ? { sink: b.records } : {}) });
    storeA.recordMiss({ channel: "teams", text: "個人番号 123456789018 の扱いは？" });
    storeB.recordFeedback({ channel: "slack", topic: "1-2", helpful: false });
    await a.records?.flush();
    await b.records?.flush();
    const records = (await readRecordStream(a.link!)) as StoreRecord[];
    const mine = records.filter((r) => r.channel === "teams" || r.channel === "slack");
    expect(mine.map((r) => r.kind).sort()).toEqual(["feedback", "miss"]);
    expect(JSON.stringify(records)).not.toContain("123456789018");
    await redis.kill();
    storeA.recordMiss({ channel: "web", text: "Redis がない間の質問" });
    await a.records?.flush();
    storeA.close();
    storeB.close();
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toContain("Redis がない間の質問");
    await redis.start();
  }, 30_000);
});
