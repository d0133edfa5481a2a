// Two server processes behind one Redis, as a help desk runs them behind a load balancer.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/project-root.js";
import { stateMsg } from "../../src/state/state-messages.js";
import { type FakeSlackApi, startFakeSlackApi } from "../bots/slack/fake-slack-api.js";
import {
  BOT_TOKEN,
  clickBody,
  directMessage,
  eventBody,
  FORM,
  mention,
  postSigned,
  SIGNING_SECRET,
  signedHeaders,
} from "../bots/slack/slack-requests.js";
import { message } from "../bots/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../bots/teams/fake-connector.js";
import { postActivity } from "../bots/teams/post.js";
import { type LocalRedis, startLocalRedis } from "../helpers/redis-server.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

let redis: LocalRedis;
let slack: FakeSlackApi;
let connector: FakeConnector;
let a: ServerProcess;
let b: ServerProcess;

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
const posts = () => slack.callsTo("chat.postMessage");
const postsIn = (channel: string) => posts().filter((c) => c.body.channel === channel);
const textOf = (c: { body: Record<string, unknown> }) => JSON.stringify(c.body);

beforeAll(async () => {
  const built = spawnSync(process.execPath, [join(findProjectRoot(), "scripts", "ensure-built.mjs")], {
    encoding: "utf8",
  });
  expect(built.status, built.stderr).toBe(0);
  redis = await startLocalRedis();
  slack = await startFakeSlackApi();
  connector = await startFakeConnector();
  const env = {
    REDIS_URL: redis.url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redis?.stop(), slack?.close(), connector?.close()]);
});

describe("two instances sharing Redis", () => {
  it("a Slack retry delivered to the other instance is answered once", async () => {
    const event = mention("別人の情報が表示された", { channel: "C-retry" });
    const body = eventBody(event, "EvTwoInstances1");
    expect((await postSigned(a.url, body)).status).toBe(200);
    const retry = await postSigned(b.url, body, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await slack.waitFor(() => postsIn("C-retry").length >= 1);
    await settle(500);
    expect(postsIn("C-retry")).toHaveLength(1);
  });

  it("an exact replay of a signed request sent to the other instance is acknowledged and not run again", async () => {
    const root = mention("停電で資格確認ができない", { channel: "C-replay" });
    const body = eventBody(root, "EvReplay1");
    const headers = signedHeaders(body);
    const first = await fetch(`${a.url}/slack/events`, { method: "POST", headers, body });
    const replay = await fetch(`${b.url}/slack/events`, { method: "POST", headers, body });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await slack.waitFor(() => postsIn("C-replay").length >= 1);
    await settle(500);
    expect(postsIn("C-replay")).toHaveLength(1);
  });

  it("a Teams redelivery to the other instance is answered once", async () => {
    const activity = message("停電で資格確認ができない", { serviceUrl: connector.url, id: "teams-redelivered-1" });
    expect((await postActivity(a.url, activity)).status).toBeLessThan(300);
    expect((await postActivity(b.url, activity)).status).toBeLessThan(300);
    await settle(500);
    const replies = connector.messages().filter((m) => m.body.replyToId === "teams-redelivered-1");
    expect(replies).toHaveLength(1);
  });

  it("a follow-up sent to the other instance keeps its context (Slack DM and Teams)", async () => {
    await postSigned(a.url, eventBody(directMessage("富士通のリーダーの電話番号", { channel: "D-follow" })));
    await slack.waitFor(() => postsIn("D-follow").length >= 1);
    await postSigned(b.url, eventBody(directMessage("それって土曜もやってる？", { channel: "D-follow" })));
    await slack.waitFor(() => postsIn("D-follow").length >= 2);
    expect(textOf(postsIn("D-follow")[1]!)).toContain("富士通Japan（前の回答）について");

    const first = message("マイナ保険証で読んだら無効って出た", { serviceUrl: connector.url, id: "teams-follow-1" });
    await postActivity(a.url, first);
    const followUp = message("資格確認書も持ってないです", { serviceUrl: connector.url, id: "teams-follow-2" });
    await postActivity(b.url, followUp);
    await settle(300);
    const reply = connector.messages().find((m) => m.body.replyToId === "teams-follow-2");
    expect(JSON.stringify(reply?.body)).toContain("（前の回答）について");
    expect(JSON.stringify(reply?.body)).toContain("1-②");
  });

  it("a clarifying choice clicked on one instance is the conversation's turn on the other", async () => {
    const root = mention("カードリーダーが壊れた、メーカーの窓口は？", { channel: "C1" });
    await postSigned(a.url, eventBody(root));
    await slack.waitFor(() => postsIn("C1").length >= 1);
    const click = clickBody({
      actionId: "onshi_topic_1",
      value: JSON.stringify({ t: "3-reader-panasonic" }),
      responseUrl: slack.respondUrl("click-1"),
      message: { type: "message", user: "UBOT", ts: "1700009999.000200", thread_ts: root.ts, text: "answer" },
    });
    expect((await postSigned(b.url, click, { contentType: FORM })).status).toBe(200);
    await slack.waitFor(() => postsIn("C1").length >= 2);
    const follow = mention("それって土曜もやってる？", { channel: "C1", thread_ts: root.ts });
    await postSigned(a.url, eventBody(follow));
    await slack.waitFor(() => postsIn("C1").length >= 3);
    expect(textOf(postsIn("C1")[2]!)).toContain("パナソニック コネクト（前の回答）について");
  });

  it("unanswered questions of both instances reach one report (report:misses with REDIS_URL, the maintainer page); acts never do", async () => {
    await postSigned(a.url, eventBody(directMessage("駐車場の料金はいくらですか", { channel: "D-miss-a" })));
    await postSigned(b.url, eventBody(directMessage("院内の冷蔵庫の温度管理について", { channel: "D-miss-b" })));
    await postSigned(b.url, eventBody(directMessage("ありがとうございました", { channel: "D-miss-b" })));
    await slack.waitFor(() => postsIn("D-miss-a").length >= 1 && postsIn("D-miss-b").length >= 2);
    await settle(300);
    const report = spawnSync(process.execPath, [join(findProjectRoot(), "dist", "src", "cli.js"), "report-misses"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", REDIS_URL: redis.url, DATA_DIR: a.dataDir, LOG_LEVEL: "silent" },
    });
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain("駐車場の料金はいくらですか");
    expect(report.stdout).toContain("院内の冷蔵庫の温度管理について");
    expect(report.stdout).not.toContain("ありがとうございました");
    // The maintainer's page of either instance shows the whole help desk too.
    const page = await (await fetch(`${a.url}/maintainer`)).text();
    expect(page).toContain("院内の冷蔵庫の温度管理について");
    expect(page).toContain("駐車場の料金はいくらですか");
  });

  it("Redis killed mid-run: both keep answering, one warning each; Redis back: shared again", async () => {
    await redis.kill();
    for (const [server, channel] of [
      [a, "D-down-a"],
      [b, "D-down-b"],
    ] as const) {
      const reply = await postSigned(server.url, eventBody(directMessage("停電で資格確認ができない", { channel })));
      expect(reply.status).toBe(200);
      await slack.waitFor(() => postsIn(channel).length >= 1);
    }
    const activity = message("該当資格なしと出た", { serviceUrl: connector.url, id: "teams-while-down" });
    expect((await postActivity(a.url, activity)).status).toBeLessThan(300);
    await settle(300);
    expect(connector.messages().some((m) => m.body.replyToId === "teams-while-down")).toBe(true);
    for (const server of [a, b]) {
      expect(server.logs().filter((l) => l.msg === stateMsg.redisAway)).toHaveLength(1);
    }

    await redis.start();
    const end = Date.now() + 15_000;
    while (![a, b].every((s) => s.logs().some((l) => l.msg === stateMsg.redisBack)) && Date.now() < end)
      await settle(100);
    const event = mention("別人の情報が表示された", { channel: "C-after" });
    const body = eventBody(event, "EvAfterRestart");
    await postSigned(a.url, body);
    await postSigned(b.url, body, {
      timestamp: Math.floor(Date.now() / 1000) - 1,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    await slack.waitFor(() => postsIn("C-after").length >= 1);
    await settle(500);
    expect(postsIn("C-after")).toHaveLength(1);
  }, 60_000);
});
