import { describe, expect, it } from "vitest";
import { PERSONAL_NUMBER_WARNING } from "../../../src/privacy/messages.js";
import type { TestServer } from "../../helpers/test-server.js";
import type { FakeSlackApi } from "./fake-slack-api.js";
import { BOT_TOKEN, directMessage, eventBody, mention, postChunked, postSigned } from "./slack-requests.js";
import { useSlackTestBed } from "./slack-test-bed.js";

let fake: FakeSlackApi;
let server: TestServer;

useSlackTestBed((f, s) => {
  fake = f;
  server = s;
});

const posts = () => fake.callsTo("chat.postMessage");
const postsIn = (threadTs: string) => posts().filter((c) => c.body.thread_ts === threadTs);

describe("POST /slack/events (Events API)", () => {
  it("answers url_verification with the challenge", async () => {
    const reply = await postSigned(
      server.url,
      JSON.stringify({ type: "url_verification", challenge: "abc123", token: "t" }),
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ challenge: "abc123" });
  });

  it.each([
    ["40,000 unclosed <", "<".repeat(40_000)],
    ["<a| repeated, never closed", "<a|".repeat(13_000)],
    ["<@ repeated, never closed", "<@U1".repeat(10_000)],
  ])("answers a mention of %s without blocking the server (plainFromSlack is linear)", async (_name, tail) => {
    const event = mention(`無効と表示された ${tail}`);
    const started = performance.now();
    expect((await postSigned(server.url, eventBody(event))).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await fake.waitFor(() => postsIn(String(event.ts)).length === 1);
    // was 7.4 s of blocked event loop for 40,000 characters; a generous bound, not a benchmark
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("answers an exact replay of a signed event once", async () => {
    const event = mention("無効と表示された");
    const body = eventBody(event);
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSigned(server.url, body, { timestamp })).status).toBe(200);
    expect((await postSigned(server.url, body, { timestamp })).status).toBe(200);
    await fake.waitFor(() => postsIn(String(event.ts)).length === 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(postsIn(String(event.ts))).toHaveLength(1);
  });

  it("names itself in the banner", () => {
    const slack = server.channels.find((c) => c.name === "slack");
    expect(slack?.description).toBe(`HTTP: ${server.url}/slack/events`);
  });

  it("answers an @mention of 「無効と表示された」 in its thread with 1-② blocks", async () => {
    const event = mention("無効と表示された");
    const reply = await postSigned(server.url, eventBody(event));
    expect(reply.status).toBe(200);
    await fake.waitFor(() => postsIn(String(event.ts)).length === 1);
    const call = postsIn(String(event.ts))[0]!;
    expect(call.body.channel).toBe("C1");
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const blocks = JSON.stringify(call.body.blocks);
    expect(blocks).toContain("1-②");
    expect(blocks).toContain(
      "出典：オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし・SHA-256 4178091420b5） 1-②",
    );
    expect(String(call.body.text)).toContain("1-②");
    expect(fake.callsTo("auth.test").length).toBeGreaterThanOrEqual(1);
  });

  it("answers a mention inside a thread in that thread", async () => {
    const event = mention("該当資格なしと出た", { thread_ts: "1699999999.000001" });
    await postSigned(server.url, eventBody(event));
    await fake.waitFor(() => postsIn("1699999999.000001").length === 1);
  });

  it("answers a direct message in the DM", async () => {
    const event = directMessage("患者さんがマイナンバーカードを忘れた");
    await postSigned(server.url, eventBody(event));
    await fake.waitFor(() =>
      posts().some((c) => c.body.channel === "D1" && JSON.stringify(c.body.blocks).includes("2-②")),
    );
  });

  it("ignores bot messages, its own messages, edits and subtypes", async () => {
    const before = posts().length;
    const ignored = [
      directMessage("無効", { bot_id: "B9" }),
      directMessage("無効", { user: "UBOT" }),
      directMessage("無効", { subtype: "message_changed" }),
      directMessage("無効", { edited: { user: "U1", ts: "1" } }),
      mention("無効", { bot_id: "B9" }),
    ];
    for (const event of ignored) expect((await postSigned(server.url, eventBody(event))).status).toBe(200);
    const barrier = directMessage("停電で資格確認ができない", { channel: "D-barrier" });
    await postSigned(server.url, eventBody(barrier));
    await fake.waitFor(() => posts().some((c) => c.body.channel === "D-barrier"));
    expect(posts().length).toBe(before + 1);
  });

  it("answers a retried event (same event_id, X-Slack-Retry-Num) only once", async () => {
    const event = mention("別人の情報が表示された");
    const body = eventBody(event, "EvRetry1");
    expect((await postSigned(server.url, body)).status).toBe(200);
    const retry = await postSigned(server.url, body, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await fake.waitFor(() => postsIn(String(event.ts)).length >= 1);
    const barrier = mention("停電", { channel: "C-barrier" });
    await postSigned(server.url, eventBody(barrier));
    await fake.waitFor(() => posts().some((c) => c.body.channel === "C-barrier"));
    await new Promise((r) => setTimeout(r, 200));
    expect(postsIn(String(event.ts)).length).toBe(1);
  });

  it("refuses a bad signature with 401", async () => {
    const reply = await postSigned(server.url, eventBody(mention("無効")), { secret: "wrong-secret" });
    expect(reply.status).toBe(401);
  });

  it("refuses a timestamp older than 5 minutes with 401 (and one far in the future)", async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSigned(server.url, eventBody(mention("無効")), { timestamp: old })).status).toBe(401);
    const future = Math.floor(Date.now() / 1000) + 10 * 60;
    expect((await postSigned(server.url, eventBody(mention("無効")), { timestamp: future })).status).toBe(401);
  });

  it("refuses a request without signature headers with 401", async () => {
    const res = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: eventBody(mention("無効")),
    });
    expect(res.status).toBe(401);
  });

  it("refuses a body over 256 KB (more than Slack sends) with 413, declared or chunked", async () => {
    const big = JSON.stringify({ type: "url_verification", challenge: "x".repeat(256 * 1024 + 10) });
    expect((await postSigned(server.url, big)).status).toBe(413);
    expect(await postChunked(server.url, 2 * 1024 * 1024)).toBe(413);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it("refuses a compressed body with 415", async () => {
    const body = eventBody(mention("無効"));
    const reply = await postSigned(server.url, body, { headers: { "content-encoding": "gzip" } });
    expect(reply.status).toBe(415);
  });

  it("warns about a pasted 個人番号 and never repeats or logs its digits", async () => {
    const event = directMessage("個人番号 123456789018 の患者さんで無効と表示された", { channel: "D-mynumber" });
    await postSigned(server.url, eventBody(event));
    await fake.waitFor(() => posts().some((c) => c.body.channel === "D-mynumber"));
    const call = posts().find((c) => c.body.channel === "D-mynumber")!;
    const sent = JSON.stringify(call.body);
    expect(sent).toContain(PERSONAL_NUMBER_WARNING);
    expect(sent).not.toContain("123456789018");
    expect(server.rawLogs()).not.toContain("123456789018");
    expect(server.rawLogs()).not.toContain(BOT_TOKEN);
  });
});
