import { describe, expect, it } from "vitest";
import { suggestedPrompts } from "../../../src/bots/slack/suggested-prompts.js";
import { sharedCore, type TestServer } from "../../helpers/test-server.js";
import type { FakeSlackApi } from "./fake-slack-api.js";
import { directMessage, eventBody, postSigned } from "./slack-requests.js";
import { useSlackTestBed } from "./slack-test-bed.js";

let fake: FakeSlackApi;
let server: TestServer;

useSlackTestBed((f, s) => {
  fake = f;
  server = s;
});

const SET_PROMPTS = "assistant.threads.setSuggestedPrompts";
const SET_STATUS = "assistant.threads.setStatus";
const inThread = (method: string, ts: string) => fake.callsTo(method).filter((c) => c.body.thread_ts === ts);

function tabOpened(tab: "messages" | "home", channel = "D1") {
  return { type: "app_home_opened", user: "U1", channel, tab, event_ts: `${Date.now() / 1000}` };
}

async function askInTab(text: string, extra: Record<string, unknown> = {}) {
  const event = directMessage(text, extra);
  expect((await postSigned(server.url, eventBody(event))).status).toBe(200);
  const thread = String(extra.thread_ts ?? event.ts);
  await fake.waitFor(() => inThread("chat.postMessage", thread).length > 0);
  return { event, thread, post: inThread("chat.postMessage", thread).at(-1)! };
}

describe("Slack Messages tab (agent_view)", () => {
  it("opening the Messages tab sets up to four suggested prompts, without thread_ts", async () => {
    await postSigned(server.url, eventBody(tabOpened("messages", "D7")));
    await fake.waitFor(() => fake.callsTo(SET_PROMPTS).some((c) => c.body.channel_id === "D7"));
    const call = fake.callsTo(SET_PROMPTS).find((c) => c.body.channel_id === "D7")!;
    expect(call.body).not.toHaveProperty("thread_ts");
    const prompts = call.body.prompts as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    expect(typeof call.body.title).toBe("string");
  });

  it("the Home tab gets its view, not prompts", async () => {
    const before = fake.callsTo(SET_PROMPTS).length;
    await postSigned(server.url, eventBody(tabOpened("home", "D8")));
    await fake.waitFor(() => fake.callsTo("views.publish").length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo(SET_PROMPTS).length).toBe(before);
  });

  it("each suggested prompt, sent as a message, is answered with its own topic", async () => {
    const prompts = fake.callsTo(SET_PROMPTS)[0]!.body.prompts as { title: string; message: string }[];
    const sections = new Set<string>();
    // each from a freshly opened Messages tab (another user's DM): a new conversation
    for (const [i, prompt] of prompts.entries()) {
      const { post } = await askInTab(prompt.message, { channel: `D-prompt-${i}` });
      const header = (post.body.blocks as { type: string; text?: { text: string } }[]).find((b) => b.type === "header");
      expect(header?.text?.text).toContain(prompt.title);
      sections.add(String(header?.text?.text));
    }
    expect(sections.size).toBe(prompts.length);
  });

  it("shows a short status in the message's thread first, then answers there with the feedback buttons", async () => {
    const { event, thread, post } = await askInTab("無効と表示された");
    expect(thread).toBe(event.ts);
    const status = inThread(SET_STATUS, thread);
    expect(status).toHaveLength(1);
    expect(status[0]!.body).toMatchObject({ channel_id: "D1", status: expect.stringMatching(/\S/) });
    expect(fake.calls.indexOf(status[0]!)).toBeLessThan(fake.calls.indexOf(post));
    const blocks = JSON.stringify(post.body.blocks);
    expect(blocks).toContain("1-②");
    expect(blocks).toContain("onshi_feedback_yes");
    expect(blocks).toContain("onshi_feedback_no");
  });

  it("a follow-up in the thread is answered in the same thread, keeping the conversation's context", async () => {
    const first = await askInTab("富士通のリーダーの電話番号", { channel: "D-follow" });
    expect(JSON.stringify(first.post.body.blocks)).toContain("0120-924-524");
    const { post } = await askInTab("それって土曜もやってる？", { channel: "D-follow", thread_ts: first.thread });
    expect(post.body.thread_ts).toBe(first.thread);
    expect(post.body.channel).toBe("D-follow");
    const blocks = JSON.stringify(post.body.blocks);
    expect(blocks).toContain("0120-924-524");
    expect(blocks).toContain("土");
  });

  it("answers even when the status cannot be set (an install without assistant:write)", async () => {
    fake.script(SET_STATUS, [{ status: 200, body: { ok: false, error: "missing_scope" } }]);
    const { post } = await askInTab("停電で資格確認ができない");
    expect(JSON.stringify(post.body.blocks)).toContain("2-④");
  });

  it("sets the prompts drawn from the common topics (the manifest lists the same ones)", async () => {
    const prompts = fake.callsTo(SET_PROMPTS)[0]!.body.prompts;
    expect(prompts).toEqual(suggestedPrompts((await sharedCore()).kb));
  });
});
