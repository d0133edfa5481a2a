import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountWeb } from "../../../src/bots/web/mount-web.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, [mountWeb], { now: () => new Date("2026-11-28T10:00:00+09:00") });
});
afterAll(() => server.close());

async function ask(body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("/api/ask with a session: the agents' page as a conversation", () => {
  it("a follow-up in the same session is read after the last answer; another session starts afresh", async () => {
    await ask({ text: "富士通のリーダーの電話番号", session: "page-session-1" });
    const follow = await ask({ text: "それって土曜もやってる？", session: "page-session-1" });
    expect(follow.json).toMatchObject({
      topic: "3-reader-fujitsu",
      context: { about: "富士通Japan（前の回答）について" },
    });
    const other = await ask({ text: "それって土曜もやってる？", session: "page-session-2" });
    expect(other.json.context).toBeUndefined();
  });

  it("while typing, the session's context is used but not changed", async () => {
    await ask({ text: "アトラスのリーダーの窓口", session: "page-session-3" });
    const typing = await ask({ text: "停電", session: "page-session-3", typing: true });
    expect(typing.json.topic).toBe("2-4");
    const follow = await ask({ text: "土曜は？", session: "page-session-3" });
    expect(follow.json.topic).toBe("3-reader-atlas");
  });

  it("thanks get a short reply; a bad session id is refused naming the field", async () => {
    const thanks = await ask({ text: "ありがとうございます", session: "page-session-4" });
    expect(thanks).toMatchObject({ status: 200, json: { act: "thanks", reply: expect.any(String) } });
    const bad = await ask({ text: "停電", session: "../../etc" });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/^session: /);
  });

  it("without a session every question is answered alone, as before", async () => {
    await ask({ text: "富士通のリーダーの電話番号" });
    const alone = await ask({ text: "それって土曜もやってる？" });
    expect(alone.json.context).toBeUndefined();
  });
});
