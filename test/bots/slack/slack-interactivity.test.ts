import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slackMsg } from "../../../src/bots/slack/messages.js";
import { sharedCore, type TestServer } from "../../helpers/test-server.js";
import type { FakeCall, FakeSlackApi } from "./fake-slack-api.js";
import { type ClickOptions, clickBody, commandBody, eventBody, FORM, postSigned } from "./slack-requests.js";
import { useSlackTestBed } from "./slack-test-bed.js";

let fake: FakeSlackApi;
let server: TestServer;

useSlackTestBed((f, s) => {
  fake = f;
  server = s;
});

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

function buttonsOf(call: FakeCall | undefined): Button[] {
  const blocks = (call?.body.blocks ?? []) as { type: string; elements?: Button[] }[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

async function command(text: string, id: string): Promise<FakeCall> {
  const reply = await postSigned(server.url, commandBody(text, fake.respondUrl(id)), { contentType: FORM });
  expect(reply.status).toBe(200);
  expect(reply.text).toBe("");
  await fake.waitFor(() => fake.responses(id).length === 1);
  return fake.responses(id)[0]!;
}

async function click(options: Omit<ClickOptions, "responseUrl">, id: string): Promise<void> {
  const body = clickBody({ ...options, responseUrl: fake.respondUrl(id) });
  const reply = await postSigned(server.url, body, { contentType: FORM });
  expect(reply.status).toBe(200);
}

const posts = () => fake.callsTo("chat.postMessage");

describe("slash command /onshi", () => {
  it("acks at once, then answers only the asker, with 「チャンネルに共有」", async () => {
    const answer = await command("無効と表示された", "cmd1");
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body.blocks)).toContain("1-②");
    const share = buttonsOf(answer).find((b) => b.action_id === "onshi_share");
    expect(share?.text.text).toBe("チャンネルに共有");
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("shares the answer to the channel when the button is clicked", async () => {
    const answer = await command("無効と表示された", "cmd2");
    const share = buttonsOf(answer).find((b) => b.action_id === "onshi_share")!;
    await click({ actionId: share.action_id, value: share.value, ephemeral: true }, "share2");
    await fake.waitFor(() => fake.responses("share2").length === 2);
    const [posted, cleanup] = fake.responses("share2");
    expect(posted?.body.response_type).toBe("in_channel");
    expect(posted?.body.replace_original).toBe(false);
    const blocks = JSON.stringify(posted?.body.blocks);
    expect(blocks).toContain("1-②");
    expect(blocks).toContain("<@U1> さんが共有しました");
    expect(buttonsOf(posted).some((b) => b.action_id === "onshi_share")).toBe(false);
    expect(cleanup?.body.delete_original).toBe(true);
  });

  it("answers another command pointed at this URL with the usage", async () => {
    const body = commandBody("x", fake.respondUrl("other")).replace("%2Fonshi", "%2Fother");
    const reply = await postSigned(server.url, body, { contentType: FORM });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ response_type: "ephemeral", text: slackMsg.commandUsage });
  });

  it("explains the usage when the command has no question", async () => {
    const answer = await command("  ", "cmd3");
    expect(String(answer.body.text)).toContain("/onshi");
  });

  it("escapes quoted text: <!channel>, <@U123> and <https://evil|bank> mention no one", async () => {
    // a question with a close runner-up, so the question is quoted beside the alternatives
    const typed = "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|bank&gt; 問い合わせたい";
    const answer = await command(typed, "cmd4");
    // a button's value is never shown; everything else is
    const sent = JSON.stringify(answer.body, (key, v) => (key === "value" ? undefined : v));
    expect(sent).toContain("『&lt;!channel&gt; &lt;＠U123&gt; &lt;https://evil|bank&gt; 問い合わせたい』");
    for (const raw of ["<!channel>", "<@U123>", "<https://evil"]) expect(sent).not.toContain(raw);
  });

  it("quotes real mentions so that none can fire: <!channel>, <!here>, <@U…> come back as ＠", async () => {
    const answer = await command("<!channel> <!here> <@U0123|bob> <!subteam^S1|@team> 問い合わせたい", "cmd5");
    const sent = JSON.stringify(answer.body, (key, v) => (key === "value" ? undefined : v));
    expect(sent).toContain("『＠channel ＠here ＠bob ＠team 問い合わせたい』");
    expect(sent).not.toMatch(/@(?:channel|here|team|everyone)|<!|<@/u);
  });

  it("quotes the minimised question: no 個人番号 in any separator, name, phone or date; the share value neither", async () => {
    const answer = await command(
      "患者の山田太郎さん 1234.5678.9018 090-1234-5678 平成元年5月6日 無効と表示された",
      "cmd6",
    );
    const sent = JSON.stringify(answer.body);
    expect(sent).toContain("[氏名]");
    expect(sent).not.toMatch(/山田|1234|5678|9018|平成元年/u);
  });

  it("answers an exact replay of a signed command within 5 minutes once", async () => {
    const body = commandBody("無効と表示された", fake.respondUrl("replay1"));
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(server.url, body, { contentType: FORM, timestamp });
    const again = await postSigned(server.url, body, { contentType: FORM, timestamp });
    expect([first.status, again.status]).toEqual([200, 200]);
    await fake.waitFor(() => fake.responses("replay1").length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.responses("replay1")).toHaveLength(1);
  });

  it("refuses a command body larger than any slash command (413 or 400), answering nothing", async () => {
    const body = commandBody("無".repeat(40_000), fake.respondUrl("huge"));
    const reply = await postSigned(server.url, body, { contentType: FORM });
    expect([400, 413]).toContain(reply.status);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.responses("huge")).toHaveLength(0);
  });
});

describe("replays of interactions", () => {
  it("answers an exact replay of a signed button click within 5 minutes once", async () => {
    const body = clickBody({
      actionId: "onshi_feedback_yes",
      value: JSON.stringify({ t: "1-2", h: true }),
      responseUrl: fake.respondUrl("replay2"),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++)
      expect((await postSigned(server.url, body, { contentType: FORM, timestamp })).status).toBe(200);
    await fake.waitFor(() => fake.responses("replay2").length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.responses("replay2")).toHaveLength(1);
  });
});

describe("buttons (block_actions)", () => {
  it("answers a related topic in the same thread", async () => {
    const message = { type: "message", user: "UBOT", ts: "1700000100.000100", thread_ts: "1700000099.000001" };
    await click({ actionId: "onshi_topic_3", value: JSON.stringify({ t: "2-3" }), message }, "btn1");
    await fake.waitFor(() => posts().some((c) => c.body.thread_ts === "1700000099.000001"));
    const call = posts().find((c) => c.body.thread_ts === "1700000099.000001")!;
    expect(call.body.channel).toBe("C1");
    expect(JSON.stringify(call.body.blocks)).toContain("2-③");
  });

  it("threads under a top-level message", async () => {
    const message = { type: "message", user: "UBOT", ts: "1700000200.000100" };
    await click({ actionId: "onshi_topic_1", value: JSON.stringify({ t: "3-callcenter" }), message }, "btn2");
    await fake.waitFor(() => posts().some((c) => c.body.thread_ts === "1700000200.000100"));
    expect(JSON.stringify(posts().find((c) => c.body.thread_ts === "1700000200.000100")?.body.blocks)).toContain(
      "0800-080-4583",
    );
  });

  it("answers a clarifying choice of an ephemeral answer ephemerally, with the fact", async () => {
    const value = JSON.stringify({ t: "1-2", f: "資格確認書で資格確認" });
    await click({ actionId: "onshi_topic_2", value, ephemeral: true }, "btn3");
    await fake.waitFor(() => fake.responses("btn3").length === 1);
    const reply = fake.responses("btn3")[0]!;
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.replace_original).toBe(false);
    expect(JSON.stringify(reply.body.blocks)).toContain("資格確認書で資格確認");
  });

  it("records feedback and thanks the user", async () => {
    await click({ actionId: "onshi_feedback_no", value: JSON.stringify({ t: "1-2", h: false }) }, "fb1");
    await fake.waitFor(() => fake.responses("fb1").length === 1);
    expect(fake.responses("fb1")[0]?.body.text).toBe(slackMsg.feedbackSorry);
    const records = readFileSync(server.storePath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toContainEqual(
      expect.objectContaining({ kind: "feedback", channel: "slack", topic: "1-2", helpful: false }),
    );
  });

  it("acknowledges a button it does not know at once", async () => {
    const started = Date.now();
    await click({ actionId: "legacy_button", value: "x" }, "legacy1");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("answers a forged or stale value politely", async () => {
    await click({ actionId: "onshi_topic_9", value: '{"t":"9-9"}', ephemeral: true }, "bad1");
    await fake.waitFor(() => fake.responses("bad1").length === 1);
    expect(fake.responses("bad1")[0]?.body.text).toBe(slackMsg.invalidButton);
  });
});

describe("App Home", () => {
  it("publishes the common topics and every phone line with its status now", async () => {
    const event = { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1700000300.1" };
    await postSigned(server.url, eventBody(event));
    await fake.waitFor(() => fake.callsTo("views.publish").length === 1);
    const call = fake.callsTo("views.publish")[0]!;
    expect(call.body.user_id).toBe("U1");
    const view = call.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    const { kb } = await sharedCore();
    for (const line of kb.phoneLines.values()) {
      expect(text).toContain(line.name);
      expect(text).toContain(line.phone);
    }
    expect(text).toMatch(/受付中|受付時間外|可能性/);
    expect(text).toContain("1-② 「無効」「該当資格なし」と表示された");
  });

  it("answers a topic picked on the Home tab in the app's DM", async () => {
    await click({ actionId: "onshi_topic_4", value: JSON.stringify({ t: "2-4" }), home: true }, "home1");
    await fake.waitFor(() => posts().some((c) => c.body.channel === "U1"));
    expect(JSON.stringify(posts().find((c) => c.body.channel === "U1")?.body.blocks)).toContain("2-④");
  });

  it("ignores the Messages tab", async () => {
    const event = { type: "app_home_opened", user: "U2", channel: "D2", tab: "messages", event_ts: "1700000301.1" };
    expect((await postSigned(server.url, eventBody(event))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.callsTo("views.publish").filter((c) => c.body.user_id === "U2")).toHaveLength(0);
  });
});
