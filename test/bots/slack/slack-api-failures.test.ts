import { afterEach, describe, expect, it } from "vitest";
import { mountSlack } from "../../../src/bots/slack/mount-slack.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { BOT_TOKEN, commandBody, eventBody, FORM, mention, postSigned, SIGNING_SECRET } from "./slack-requests.js";

let fake: FakeSlackApi | undefined;
let server: TestServer | undefined;

async function start(prepare: (api: FakeSlackApi) => void = () => {}) {
  fake = await startFakeSlackApi();
  prepare(fake);
  server = await startTestServer(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl },
    [mountSlack],
  );
  return { api: fake, srv: server };
}

afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

const attempts = (api: FakeSlackApi, threadTs: unknown) =>
  api.calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === threadTs).map((c) => c.status);

async function stillServing(api: FakeSlackApi, srv: TestServer) {
  expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  const next = mention("停電で資格確認ができない");
  expect((await postSigned(srv.url, eventBody(next))).status).toBe(200);
  await api.waitFor(() => attempts(api, next.ts).includes(200));
}

// each test starts its own server and waits out retries: more room than the default on a busy machine
const SLOW = { timeout: 45_000 };

describe("the Slack Web API failing", () => {
  it("waits out a 429 (Retry-After) and then replies once", SLOW, async () => {
    const { api, srv } = await start((a) =>
      a.script("chat.postMessage", [{ status: 429, headers: { "Retry-After": "1" } }]),
    );
    const event = mention("無効と表示された");
    expect((await postSigned(srv.url, eventBody(event))).status).toBe(200);
    await api.waitFor(() => attempts(api, event.ts).includes(200));
    expect(attempts(api, event.ts)).toEqual([429, 200]);
    await stillServing(api, srv);
  });

  it("gives up after two retries of a 500, logs it without the text, and keeps serving", SLOW, async () => {
    const { api, srv } = await start((a) =>
      a.script("chat.postMessage", [{ status: 500 }, { status: 500 }, { status: 500 }]),
    );
    const event = mention("無効と表示された");
    expect((await postSigned(srv.url, eventBody(event))).status).toBe(200);
    await api.waitFor(() => srv.logs.some((l) => l.msg === "slack: reply failed"));
    expect(attempts(api, event.ts)).toEqual([500, 500, 500]);
    const failure = srv.logs.find((l) => l.msg === "slack: reply failed");
    expect(failure).toMatchObject({ what: "mention", failure: { statusCode: 500 } });
    expect(srv.rawLogs()).not.toContain("無効と表示された");
    await stillServing(api, srv);
  });

  it("answers even when auth.test fails at start (no bot ids), without blocking start-up", SLOW, async () => {
    const { api, srv } = await start((a) =>
      a.script("auth.test", [{ status: 200, body: { ok: false, error: "invalid_auth" } }]),
    );
    await api.waitFor(() => srv.logs.some((l) => String(l.msg).includes("auth.test failed")));
    const event = mention("無効と表示された");
    await postSigned(srv.url, eventBody(event));
    await api.waitFor(() => attempts(api, event.ts).includes(200));
    expect(srv.rawLogs()).not.toContain(BOT_TOKEN);
  });

  it("logs a response_url that refuses the answer and keeps serving", SLOW, async () => {
    const { api, srv } = await start((a) => a.script("respond", [{ status: 404 }]));
    const reply = await postSigned(srv.url, commandBody("無効と表示された", api.respondUrl("gone")), {
      contentType: FORM,
    });
    expect(reply.status).toBe(200);
    await api.waitFor(() => srv.logs.some((l) => l.msg === "slack: reply failed" && l.what === "command"));
    expect(srv.rawLogs()).not.toContain(api.respondUrl("gone"));
    await stillServing(api, srv);
  });
});
