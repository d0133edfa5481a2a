import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// `ws` (7.x, CommonJS) is installed with botbuilder; only this test uses it, as Slack's end of the socket.
import WebSocket from "ws";
import { mountSlack } from "../../../src/bots/slack/mount-slack.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { BOT_TOKEN, eventBody, mention, postSigned, SIGNING_SECRET } from "./slack-requests.js";

const APP_TOKEN = "xapp-1-test";

let fake: FakeSlackApi;
let wss: WebSocket.Server;
let socket: WebSocket | undefined;
const received: Record<string, unknown>[] = [];
let server: TestServer;

beforeAll(async () => {
  wss = new WebSocket.Server({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  wss.on("connection", (ws) => {
    socket = ws;
    ws.on("message", (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
  });
  fake = await startFakeSlackApi();
  const { port } = wss.address() as AddressInfo;
  fake.answer("apps.connections.open", { ok: true, url: `ws://127.0.0.1:${port}/link` });
  server = await startTestServer(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    },
    [mountSlack],
  );
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await new Promise<void>((resolve) => wss?.close(() => resolve()));
});

describe("Socket Mode (SLACK_APP_TOKEN set)", () => {
  it("connects with the app token and says so in the banner", () => {
    const open = fake.callsTo("apps.connections.open")[0];
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(server.channels.find((c) => c.name === "slack")?.description).toBe("Socket Mode");
  });

  it("acks an event envelope and answers the mention in its thread", async () => {
    const event = mention("無効と表示された");
    socket!.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "events_api",
        payload: JSON.parse(eventBody(event)),
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: "",
      }),
    );
    await fake.waitFor(() => fake.callsTo("chat.postMessage").some((c) => c.body.thread_ts === event.ts));
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: "env-1" }));
    const call = fake.callsTo("chat.postMessage").find((c) => c.body.thread_ts === event.ts);
    expect(JSON.stringify(call?.body.blocks)).toContain("1-②");
  });

  it("does not mount POST /slack/events", async () => {
    expect((await postSigned(server.url, eventBody(mention("無効")))).status).toBe(404);
  });
});

describe("Socket Mode with a wrong app token", () => {
  it("stops start-up with Slack's error code and no token in the message", async () => {
    const api = await startFakeSlackApi();
    api.answer("apps.connections.open", { ok: false, error: "invalid_auth" });
    try {
      const env = {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: api.apiUrl,
      };
      const failure = await startTestServer(env, [mountSlack]).then(
        () => "started",
        (err: unknown) => String(err),
      );
      expect(failure).toContain("Slack の Socket Mode に接続できませんでした（invalid_auth）");
      expect(failure).not.toContain(APP_TOKEN);
    } finally {
      await api.close();
    }
  });
});
