import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OUTBOUND_LIMITS } from "../../../src/bots/teams/bounded-connector.js";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { message, uniqueId } from "./activities.js";
import { type FakeConnector, type Fault, startFakeConnector } from "./fake-connector.js";
import { delay, type PostResult, postActivity } from "./post.js";

const { attemptMs, turnMs } = DEFAULT_OUTBOUND_LIMITS;
/** A 個人番号 in the question: the failure's log line must not carry it. */
const QUESTION = "123456789018 の患者が無効と出ます";
const NOT_DELIVERED = "teams: connector unavailable, reply not delivered";

let server: TestServer;
let healthy: FakeConnector;
let failing: FakeConnector;

beforeAll(async () => {
  healthy = await startFakeConnector();
  failing = await startFakeConnector();
  server = await startTestServer({}, [mountTeams]);
});

afterAll(async () => {
  await server.close();
  await Promise.all([healthy.close(), failing.close()]);
});

beforeEach(() => {
  for (const fake of [healthy, failing]) {
    fake.sent.length = 0;
    fake.attempts.length = 0;
    fake.failWhen(undefined);
  }
});

async function waitUntil(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await delay(20);
  }
}

function timed(request: Promise<PostResult>) {
  const started = Date.now();
  const state = { settled: false, ms: 0 };
  const result = request.finally(() => {
    state.settled = true;
    state.ms = Date.now() - started;
  });
  return { result, state };
}

const FAULTS: readonly { why: string; fault: Fault; maxAttempts: number; withinMs: number }[] = [
  {
    why: "502: the SDK's own retries (3 at most), then one log line",
    fault: 502,
    maxAttempts: 4,
    withinMs: turnMs + 1_000,
  },
  {
    why: "429 with Retry-After: 1: retried as told, 3 times at most",
    fault: { status: 429, headers: { "Retry-After": "1" } },
    maxAttempts: 4,
    withinMs: turnMs + 1_000,
  },
  {
    why: "429 with Retry-After: 120: the turn's deadline ends the wait",
    fault: { status: 429, headers: { "Retry-After": "120" } },
    maxAttempts: 1,
    withinMs: turnMs + 1_000,
  },
  { why: "no answer at all: the attempt times out", fault: "hang", maxAttempts: 1, withinMs: attemptMs + 1_500 },
];

describe("the Bot Connector fails while a reply is sent", () => {
  it.each(FAULTS)("$why", async ({ fault, maxAttempts, withinMs }) => {
    failing.failWhen(() => fault);
    const logsBefore = server.logs.length;
    const failed = timed(postActivity(server.url, message(QUESTION, { serviceUrl: failing.url, id: uniqueId() })));
    await waitUntil(() => failing.attempts.length > 0);

    // another conversation, on a healthy connector, is answered meanwhile, once
    const other = timed(
      postActivity(server.url, message("停電で資格確認ができない", { serviceUrl: healthy.url, scope: "groupChat" })),
    );
    expect((await other.result).status).toBe(200);
    expect(other.state.ms).toBeLessThan(2_000);
    expect(failed.state.settled).toBe(false);
    expect(healthy.messages().map((m) => m.conversationId)).toEqual(["19:group-chat@thread.v2"]);

    const res = await failed.result;
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(failed.state.ms).toBeLessThan(Math.min(withinMs, 15_000));

    // the SDK's policy and no more: no apology through the failing connector, nothing delivered
    expect(failing.attempts.length).toBeGreaterThanOrEqual(1);
    expect(failing.attempts.length).toBeLessThanOrEqual(maxAttempts);
    expect(failing.sent).toEqual([]);
    if (fault === "hang") {
      // the hung request does not leak: its socket is closed, not left for the process to carry
      await waitUntil(() => failing.hung().open === 0, 1_000);
      expect(failing.hung().abandoned).toBe(1);
    }

    const lines = server.logs.slice(logsBefore).filter((l) => Number(l.level) >= 50);
    expect(lines.map((l) => l.msg)).toEqual([NOT_DELIVERED]);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain("123456789018");
    expect(logged).not.toMatch(/bearer|authorization/i);

    // nothing late: no retry after the response, no second reply at the healthy connector
    const attempts = failing.attempts.length;
    await delay(300);
    expect(failing.attempts.length).toBe(attempts);
    expect(healthy.messages()).toHaveLength(1);
  });

  it("429 without Retry-After is not retried; once the connector recovers, the next question is answered", async () => {
    failing.failWhen(() => 429);
    const logsBefore = server.logs.length;
    expect(
      (await postActivity(server.url, message(QUESTION, { serviceUrl: failing.url, id: uniqueId() }))).status,
    ).toBe(200);
    expect(failing.attempts).toHaveLength(1);
    expect(server.logs.slice(logsBefore).filter((l) => l.msg === NOT_DELIVERED)).toHaveLength(1);
    failing.failWhen(undefined);
    const res = await postActivity(
      server.url,
      message("無効と表示された", { serviceUrl: failing.url, id: uniqueId() }),
    );
    expect(res.status).toBe(200);
    expect(failing.messages()).toHaveLength(1);
  });
});

describe("shutdown while the Bot Connector hangs", () => {
  it("SIGTERM (main.ts: a 9 s grace, then exit): shutdown returns once the attempt times out", async () => {
    const draining = await startTestServer({}, [mountTeams]);
    failing.failWhen(() => "hang");
    const pending = postActivity(draining.url, message("停電", { serviceUrl: failing.url, id: uniqueId() }));
    await waitUntil(() => failing.attempts.length > 0);
    const started = Date.now();
    await draining.shutdown(9_000);
    // not the whole grace, nor keepAliveTimeout more for the caller's idle keep-alive socket
    expect(Date.now() - started).toBeLessThan(attemptMs + 1_000);
    expect((await pending).status).toBe(200);
    await waitUntil(() => failing.hung().open === 0, 1_000);
  });

  it("a grace shorter than the deadline: the channel's stop ends the hung call at once", async () => {
    const draining = await startTestServer({}, [mountTeams]);
    failing.failWhen(() => "hang");
    const pending = postActivity(draining.url, message("停電", { serviceUrl: failing.url, id: uniqueId() })).catch(
      () => undefined,
    );
    await waitUntil(() => failing.attempts.length > 0);
    const started = Date.now();
    await draining.shutdown(300);
    await waitUntil(() => failing.hung().open === 0, 1_000);
    expect(Date.now() - started).toBeLessThan(attemptMs);
    await pending;
  });
});
