import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { PERSONAL_NUMBER_WARNING } from "../../../src/privacy/messages.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { botAdded, cardSubmit, extensionQuery, mentionMessage, message, TENANT } from "./activities.js";
import type { FakeConnector, SentActivity } from "./fake-connector.js";
import { delay, postActivity } from "./post.js";
import { useTeamsTestBed } from "./teams-test-bed.js";
import { cardActions, cardProblems, cardTexts } from "./validate-card.js";

let server: TestServer;
let fake: FakeConnector;

useTeamsTestBed((f, s) => {
  fake = f;
  server = s;
});

beforeEach(() => {
  fake.sent.length = 0;
  fake.failWhen(undefined);
  fake.delayReplies(0);
});

function cardOf(activity: SentActivity | undefined): Record<string, unknown> {
  const attachment = activity?.body.attachments?.[0];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return attachment?.content ?? {};
}

/** Posts an activity and waits for the `n` activities the fake connector should receive. */
async function exchange(activity: unknown, n: number) {
  const res = await postActivity(server.url, activity);
  const sent = n > 0 ? await fake.waitFor(n) : [];
  return { res, sent, messages: sent.filter((a) => a.body.type === "message") };
}

describe("Teams bot through POST /api/messages", () => {
  it("answers a question with the 1-② card: title, clarifying buttons, source, feedback", async () => {
    const { res, sent, messages } = await exchange(message("無効と表示された", { serviceUrl: fake.url }), 1);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    // answered in about a millisecond: one outbound call, no typing indicator
    expect(sent.map((a) => a.body.type)).toEqual(["message"]);
    const card = cardOf(messages[0]);
    expect(cardProblems(card)).toEqual([]);
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("1-② 「無効」「該当資格なし」と表示された");
    expect(texts).toContain(
      "出典：オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし・SHA-256 4178091420b5） 1-②",
    );
    expect(texts).toContain("マイナンバーカードと資格確認書のどちらで資格確認しましたか？");
    const submits = cardActions(card, "Action.Submit").map((a) => a.data);
    expect(submits).toContainEqual({ action: "topic", topic: "1-2", fact: "マイナンバーカードで資格確認" });
    expect(submits).toContainEqual({ action: "feedback", topic: "1-2", helpful: true });
    expect(submits).toContainEqual({ action: "feedback", topic: "1-2", helpful: false });
    expect(messages[0]?.body.summary).toBe("1-② 「無効」「該当資格なし」と表示された");
    expect(String(card.fallbackText)).toContain("【1-②】");
  });

  it("gives phone lines as tel: buttons with hours and whether they answer now", async () => {
    const { messages } = await exchange(message("コールセンターの電話番号は？", { serviceUrl: fake.url }), 1);
    const card = cardOf(messages[0]);
    expect(cardProblems(card)).toEqual([]);
    const tel = cardActions(card, "Action.OpenUrl").map((a) => a.url);
    expect(tel).toContain("tel:08000804583");
    const texts = cardTexts(card).join("\n");
    expect(texts).toContain("0800-080-4583");
    expect(texts).toMatch(/\d{1,2}:\d{2} 時点：(受付中|受付時間外|要確認)/u);
  });

  it("answers a channel @mention in the thread of the post, without the mention in the question", async () => {
    const post = mentionMessage("該当資格なしと出ました", { serviceUrl: fake.url, id: "1700000000001" });
    const { res, messages } = await exchange(post, 1);
    expect(res.status).toBe(200);
    const reply = messages[0];
    expect(reply?.conversationId).toBe("19:channel-general@thread.tacv2;messageid=1700000000001");
    expect(reply?.replyToPath).toBe("1700000000001");
    expect(reply?.body.replyToId).toBe("1700000000001");
    expect(cardTexts(cardOf(reply)).join("\n")).toContain("1-②");
  });

  it("answers a card button (value, no text) with that topic's card, no retyping", async () => {
    const { messages } = await exchange(cardSubmit({ action: "topic", topic: "2-2" }, { serviceUrl: fake.url }), 1);
    const texts = cardTexts(cardOf(messages[0])).join("\n");
    expect(texts).toContain("2-② 患者がマイナンバーカードを持ってくるのを忘れた");
  });

  it("answers a clarifying choice with the fact applied (no second question)", async () => {
    const value = { action: "topic", topic: "1-2", fact: "資格確認書で資格確認" };
    const { messages } = await exchange(cardSubmit(value, { serviceUrl: fake.url }), 1);
    const texts = cardTexts(cardOf(messages[0])).join("\n");
    expect(texts).toContain("確認方法：資格確認書で資格確認");
    expect(texts).not.toContain("どちらで資格確認しましたか");
  });

  it("records feedback from the buttons and thanks the user", async () => {
    const value = { action: "feedback", topic: "1-2", helpful: false };
    const { messages } = await exchange(cardSubmit(value, { serviceUrl: fake.url }), 1);
    expect(messages[0]?.body.text).toContain("お役に立てず申し訳ありません");
    const records = readFileSync(server.storePath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toContainEqual(
      expect.objectContaining({ kind: "feedback", channel: "teams", topic: "1-2", helpful: false }),
    );
  });

  it("welcomes the team when the bot is added: what it does and three example buttons", async () => {
    const { res, messages } = await exchange(botAdded({ serviceUrl: fake.url, scope: "groupChat" }), 1);
    expect(res.status).toBe(200);
    const card = cardOf(messages[0]);
    expect(cardProblems(card)).toEqual([]);
    const asks = cardActions(card, "Action.Submit").filter((a) => a.data?.action === "ask");
    expect(asks).toHaveLength(3);
  });

  it("does not welcome when someone else joins", async () => {
    const joined = { ...botAdded({ serviceUrl: fake.url }), membersAdded: [{ id: "29:someone" }] };
    const res = await postActivity(server.url, joined);
    expect(res.status).toBe(200);
    await delay(150);
    expect(fake.sent).toEqual([]);
  });

  it.each(["help", "ヘルプ", "ＨＥＬＰ"])("shows the help card for %s", async (word) => {
    const { messages } = await exchange(message(word, { serviceUrl: fake.url }), 1);
    const card = cardOf(messages[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardTexts(card).join("\n")).toContain("使い方");
  });

  it("ignores another tenant: 200, nothing sent, one log line", async () => {
    const guarded = await startTestServer({ TEAMS_ALLOWED_TENANTS: `${TENANT}, other-allowed` }, [mountTeams]);
    try {
      const res = await postActivity(
        guarded.url,
        message("無効と表示された", { serviceUrl: fake.url, tenant: "evil" }),
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
      await delay(150);
      expect(fake.sent).toEqual([]);
      expect(guarded.logs.filter((l) => l.msg === "teams: tenant not allowed")).toHaveLength(1);
      const ok = await postActivity(guarded.url, message("停電", { serviceUrl: fake.url }));
      expect(ok.status).toBe(200);
      await fake.waitFor(1);
    } finally {
      await guarded.close();
    }
  });

  it("ignores another tenant's message-extension query with an empty 200", async () => {
    const guarded = await startTestServer({ TEAMS_ALLOWED_TENANTS: TENANT }, [mountTeams]);
    try {
      const res = await postActivity(guarded.url, extensionQuery("無効", { serviceUrl: fake.url, tenant: "evil" }));
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
    } finally {
      await guarded.close();
    }
  });

  it("answers an activity delivered twice only once", async () => {
    const activity = message("停電で資格確認ができない", { serviceUrl: fake.url, id: "dup-1" });
    const first = await postActivity(server.url, activity);
    const second = await postActivity(server.url, activity);
    expect([first.status, second.status]).toEqual([200, 200]);
    await fake.waitFor(1);
    await delay(150);
    expect(fake.messages()).toHaveLength(1);
    expect(server.logs.some((l) => l.msg === "teams: redelivery ignored")).toBe(true);
  });

  it("apologises when the turn fails, and the HTTP body carries no error text", async () => {
    // the connector refuses the card: the turn throws, onTurnError replies with text
    fake.failWhen((a) => (a.body.attachments ? 400 : undefined));
    const { res, messages } = await exchange(
      message("別人の情報が表示された", { serviceUrl: fake.url, id: "boom-1" }),
      1,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(messages[0]?.body.text).toContain("申し訳ありません");
    expect(messages[0]?.body.text).not.toContain("XYZZY");
    const failure = server.logs.find((l) => l.msg === "teams: turn failed");
    expect(failure).toBeDefined();
  });

  it("warns about a pasted 個人番号 and never echoes or logs the digits", async () => {
    const { messages } = await exchange(message("123456789018 の患者が無効と出ます", { serviceUrl: fake.url }), 1);
    const body = JSON.stringify(messages[0]?.body);
    expect(body).toContain(PERSONAL_NUMBER_WARNING);
    expect(body).not.toContain("123456789018");
    expect(server.rawLogs()).not.toContain("123456789018");
    expect(readFileSync(server.storePath, "utf8")).not.toContain("123456789018");
  });

  it("refuses a body over 256 KB with 413, before any turn", async () => {
    const big = message("無効".repeat(70_000), { serviceUrl: fake.url });
    const res = await postActivity(server.url, big);
    expect(res.status).toBe(413);
    await delay(100);
    expect(fake.sent).toEqual([]);
  });

  it("lets a reply in flight finish on shutdown (SIGTERM)", async () => {
    const draining = await startTestServer({}, [mountTeams]);
    fake.delayReplies(300);
    const pending = postActivity(draining.url, message("停電", { serviceUrl: fake.url }));
    await delay(100);
    await draining.shutdown(5_000);
    expect((await pending).status).toBe(200);
    expect(fake.messages()).toHaveLength(1);
  });

  it("refuses a body that is not an activity without echoing it", async () => {
    const notJson = await postActivity(server.url, "{not json");
    expect(notJson.status).toBe(400);
    const noType = await postActivity(server.url, { text: "hello" });
    expect(noType.status).toBe(400);
    expect(noType.text).not.toContain("hello");
  });
});
