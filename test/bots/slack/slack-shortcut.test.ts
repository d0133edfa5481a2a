import { describe, expect, it } from "vitest";
import { parseShareValue } from "../../../src/bots/slack/action-values.js";
import { LOOKUP_CALLBACK_ID } from "../../../src/bots/slack/on-shortcut.js";
import type { TestServer } from "../../helpers/test-server.js";
import type { FakeSlackApi } from "./fake-slack-api.js";
import { clickBody, FORM, postSigned, shortcutBody } from "./slack-requests.js";
import { useSlackTestBed } from "./slack-test-bed.js";

let fake: FakeSlackApi;
let server: TestServer;

useSlackTestBed((f, s) => {
  fake = f;
  server = s;
});

interface Button {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}

const buttons = (blocks: unknown) =>
  (blocks as { type: string; elements?: Button[] }[]).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

async function lookUp(id: string, message: Record<string, unknown>) {
  const reply = await postSigned(server.url, shortcutBody(LOOKUP_CALLBACK_ID, message, fake.respondUrl(id)), {
    contentType: FORM,
  });
  expect(reply.status).toBe(200);
  await fake.waitFor(() => fake.responses(id).length === 1);
  return fake.responses(id)[0]!.body;
}

// A colleague's message with a 個人番号 pasted into it (a valid check digit) and a birth date.
const PERSONAL_NUMBER = "123456789018";
const COLLEAGUE = {
  user: "U1",
  ts: "1700000500.000100",
  text: `リーダーで無効って出たんですが… 個人番号 ${PERSONAL_NUMBER} 生年月日 1980年4月1日`,
};

describe("Slack message shortcut 「ガイドで調べる」", () => {
  it("answers the message's text privately to the person who asked, masked, with 「スレッドに共有」", async () => {
    const body = await lookUp("lookup1", COLLEAGUE);
    expect(body.response_type).toBe("ephemeral");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("1-②");
    expect(blocks).toContain("ガイドで調べました");
    // the text said リーダー: the card, so no 「マイナンバーカードと資格確認書のどちらで…」
    expect(blocks).not.toContain("どちらで資格確認しましたか");
    const share = buttons(body.blocks).find((b) => b.action_id === "onshi_share");
    expect(share?.text.text).toBe("スレッドに共有");
    expect(parseShareValue(share?.value, () => true)?.thread).toBe(COLLEAGUE.ts);
    expect(buttons(body.blocks).map((b) => b.action_id)).toEqual(
      expect.arrayContaining(["onshi_feedback_yes", "onshi_feedback_no"]),
    );
    const everything = JSON.stringify(fake.calls) + server.rawLogs();
    expect(everything).not.toContain(PERSONAL_NUMBER);
    expect(everything).not.toContain("1980年4月1日");
    expect(fake.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === COLLEAGUE.ts)).toEqual([]);
  });

  it("「スレッドに共有」 posts the same answer into the message's thread and removes the private one", async () => {
    const body = await lookUp("lookup2", COLLEAGUE);
    const share = buttons(body.blocks).find((b) => b.action_id === "onshi_share")!;
    const click = clickBody({
      actionId: share.action_id,
      value: share.value,
      responseUrl: fake.respondUrl("share2"),
      ephemeral: true,
    });
    expect((await postSigned(server.url, click, { contentType: FORM })).status).toBe(200);
    await fake.waitFor(() => fake.responses("share2").length === 2);
    const [shared, cleanup] = fake.responses("share2");
    expect(shared!.body).toMatchObject({ response_type: "in_channel", thread_ts: COLLEAGUE.ts });
    expect(JSON.stringify(shared!.body.blocks)).toContain("1-②");
    expect(JSON.stringify(shared!.body.blocks)).toContain("<@U1>");
    expect(JSON.stringify(shared!.body)).not.toContain(PERSONAL_NUMBER);
    expect(cleanup!.body).toEqual({ delete_original: true });
  });

  it("shares a reply's answer into the thread the reply belongs to", async () => {
    const reply = { user: "U1", ts: "1700000600.000200", thread_ts: "1700000599.000001", text: "別人の情報が出ました" };
    const body = await lookUp("lookup3", reply);
    const share = buttons(body.blocks).find((b) => b.action_id === "onshi_share");
    expect(parseShareValue(share?.value, () => true)?.thread).toBe("1700000599.000001");
    expect(JSON.stringify(body.blocks)).toContain("1-③");
  });

  it("a message without text gets a kind explanation", async () => {
    const body = await lookUp("lookup4", { user: "U1", ts: "1700000700.000100", text: "" });
    expect(body.response_type).toBe("ephemeral");
    expect(String(body.text)).toContain("調べられる文字がありません");
  });
});
