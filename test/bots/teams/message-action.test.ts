import { describe, expect, it } from "vitest";
import { LOOKUP_COMMAND_ID, messageText } from "../../../src/bots/teams/message-action.js";
import type { TestServer } from "../../helpers/test-server.js";
import { messageAction, messagePayload } from "./activities.js";
import type { FakeConnector } from "./fake-connector.js";
import { delay, postActivity } from "./post.js";
import { useTeamsTestBed } from "./teams-test-bed.js";
import { cardProblems, cardTexts } from "./validate-card.js";

interface Action {
  type: string;
  title: string;
  data?: Record<string, unknown>;
}
interface TaskBody {
  task: { type: string; value: string | { title: string; card: { content: { actions?: Action[] } } } };
}

let server: TestServer;
let fake: FakeConnector;

useTeamsTestBed((f, s) => {
  fake = f;
  server = s;
});

const PERSONAL_NUMBER = "123456789018";
const COLLEAGUE = messagePayload(
  `<p>リーダーで無効って出たんですが…</p><p>個人番号 ${PERSONAL_NUMBER}、生年月日&nbsp;1980年4月1日</p>`,
  "1700000000123",
);

async function invoke(name: Parameters<typeof messageAction>[0], value: Record<string, unknown>) {
  const activity = messageAction(
    name,
    { commandId: LOOKUP_COMMAND_ID, ...value },
    {
      serviceUrl: fake.url,
      scope: "channel",
      threadId: "1700000000001",
    },
  );
  const res = await postActivity(server.url, activity);
  expect(res.status).toBe(200);
  return res.json() as TaskBody;
}

function dialogCard(body: TaskBody) {
  expect(body.task.type).toBe("continue");
  const value = body.task.value as { title: string; card: { contentType: string; content: Record<string, unknown> } };
  expect(value.title).toBe("ガイドで調べる");
  return value.card.content;
}

describe("Teams message action 「ガイドで調べる」 (composeExtension/fetchTask, submitAction)", () => {
  it("answers the message's text, masked, in a dialog only the asker sees, with 「スレッドに共有」", async () => {
    const card = dialogCard(await invoke("composeExtension/fetchTask", { messagePayload: COLLEAGUE }));
    expect(cardProblems(card)).toEqual([]);
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("1-②");
    expect(texts).toContain("あなたにだけ表示");
    expect(texts).not.toContain("どちらで資格確認しましたか");
    const share = (card.actions as Action[]).find((a) => a.title === "スレッドに共有");
    expect(share?.data).toMatchObject({ action: "shareLookup", topic: "1-2" });
    const everything = JSON.stringify(card) + server.rawLogs();
    expect(everything).not.toContain(PERSONAL_NUMBER);
    expect(everything).not.toContain("1980年4月1日");
    await delay(100);
    expect(fake.sent).toEqual([]);
  });

  it("「スレッドに共有」 posts the answer card into the message's thread and closes the dialog", async () => {
    const card = dialogCard(await invoke("composeExtension/fetchTask", { messagePayload: COLLEAGUE }));
    const share = (card.actions as Action[]).find((a) => a.title === "スレッドに共有")!;
    const before = fake.sent.length;
    const res = await postActivity(
      server.url,
      messageAction(
        "composeExtension/submitAction",
        { commandId: LOOKUP_COMMAND_ID, data: share.data, messagePayload: COLLEAGUE },
        { serviceUrl: fake.url, scope: "channel", threadId: "1700000000001" },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const [posted] = (await fake.waitFor(before + 1)).slice(before);
    expect(posted!.conversationId).toContain(";messageid=1700000000001");
    const shared = posted!.body.attachments?.[0]?.content ?? {};
    expect(cardProblems(shared)).toEqual([]);
    expect(cardTexts(shared).join("\n")).toContain("1-②");
    expect(JSON.stringify(posted!.body)).not.toContain(PERSONAL_NUMBER);
  });

  it("a topic button in the dialog answers that topic in the dialog; feedback is thanked", async () => {
    const topic = await invoke("composeExtension/submitAction", { data: { action: "topic", topic: "2-4" } });
    expect(cardTexts(dialogCard(topic)).join("\n")).toContain("2-④");
    const thanks = await invoke("composeExtension/submitAction", {
      data: { action: "feedback", topic: "1-2", helpful: true },
    });
    expect(thanks.task).toEqual({ type: "message", value: expect.stringContaining("ありがとう") });
  });

  it("a message without text, or a forged button, gets a kind message instead of an error", async () => {
    const empty = await invoke("composeExtension/fetchTask", { messagePayload: messagePayload("<p> </p>") });
    expect(empty.task).toEqual({ type: "message", value: expect.stringContaining("調べられる文字がありません") });
    const forged = await invoke("composeExtension/submitAction", {
      data: { action: "shareLookup", topic: "../../etc", question: "x" },
    });
    expect(forged.task.type).toBe("message");
  });

  it("reads Teams' HTML as the words shown", () => {
    expect(messageText({ contentType: "html", content: "<div>該当資格なし<br>と&lt;出た&gt;&amp;</div>" })).toBe(
      "該当資格なし と<出た>&",
    );
    expect(messageText({ contentType: "text", content: "a <b>" })).toBe("a <b>");
  });
});
