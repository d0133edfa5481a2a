import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webMsg } from "../../../src/bots/web/messages.js";
import { mountWeb } from "../../../src/bots/web/mount-web.js";
import { PERSONAL_NUMBER_WARNING } from "../../../src/privacy/messages.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { TOPIC_IDS } from "../../helpers/topic-ids.js";
import { postAsk, send, storedTexts } from "./web-client.js";

interface Line {
  id: string;
  state: string;
  statusText: string;
  reason?: string;
}
interface AnswerJson {
  topic: string;
  warnings: string[];
  lines: Line[];
  now: string;
  alternatives: unknown[];
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, [mountWeb]);
});
afterAll(() => server.close());

describe("POST /api/ask", () => {
  it("answers 停電 with 2-④ and the call center's status now", async () => {
    const reply = await postAsk(server.url, { text: "停電" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    const answer = reply.json<AnswerJson>();
    expect(answer.topic).toBe("2-4");
    const callCenter = answer.lines.find((l) => l.id === "callcenter");
    expect(callCenter?.state).toMatch(/^(open|closed|uncertain)$/);
    expect(callCenter?.statusText).toBeTruthy();
  });

  it("uses `now`: 勤労感謝の日 2026-11-23 10:00 → the call center is closed for the holiday", async () => {
    const reply = await postAsk(server.url, { text: "停電", now: "2026-11-23T10:00:00+09:00" });
    const answer = reply.json<AnswerJson>();
    expect(answer.now).toBe("2026-11-23T10:00:00+09:00");
    const callCenter = answer.lines.find((l) => l.id === "callcenter");
    expect(callCenter?.state).toBe("closed");
    expect(callCenter?.reason).toContain("勤労感謝の日");
    const nextDay = (await postAsk(server.url, { text: "停電", now: "2026-11-24T10:00:00+09:00" })).json<AnswerJson>();
    expect(nextDay.lines.find((l) => l.id === "callcenter")?.state).toBe("open");
  });

  it("opens a picked topic (button) without matching", async () => {
    const reply = await postAsk(server.url, { text: "むこう", topic: "2-3" });
    expect(reply.json<AnswerJson>().topic).toBe("2-3");
  });

  it("masks a pasted 個人番号: the warning comes first, the digits appear nowhere", async () => {
    const reply = await postAsk(server.url, { text: "123456789018 の患者が無効と表示された" });
    expect(reply.status).toBe(200);
    const answer = reply.json<AnswerJson>();
    expect(answer.warnings[0]).toBe(PERSONAL_NUMBER_WARNING);
    expect(reply.text).not.toContain("123456789018");
    expect(server.rawLogs()).not.toContain("123456789018");
    expect(server.rawLogs()).toContain("answered");
    expect(storedTexts(server).join("\n")).not.toContain("123456789018");
  });

  it("records an unanswered question, but not the keystrokes of one still being typed", async () => {
    const typing = await postAsk(server.url, { text: "今日の天気", typing: true });
    expect(typing.json<AnswerJson>().topic).toBe("none");
    expect(storedTexts(server)).not.toContain("今日の天気");
    await postAsk(server.url, { text: "今日の天気" });
    expect(storedTexts(server)).toContain("今日の天気");
  });

  it("answers a long paste (up to the 16 KB body), cut to 2,000 characters", async () => {
    const reply = await postAsk(server.url, { text: "停電で資格確認ができない。".repeat(400) });
    expect(reply.status).toBe(200);
    expect(reply.json<AnswerJson>().topic).toBe("2-4");
  });
});

describe("GET /api/topics, /api/lines, /api/answer/:topic", () => {
  it("lists every topic with id, title, section, summary", async () => {
    const { topics } = (await send(`${server.url}/api/topics`)).json<{ topics: Record<string, string>[] }>();
    expect(topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    for (const t of topics) {
      expect(t.title && t.section && t.summary).toBeTruthy();
    }
  });

  it("lists every phone line with its status at ?now=", async () => {
    const reply = await send(`${server.url}/api/lines?now=${encodeURIComponent("2026-11-23T10:00:00+09:00")}`);
    const { now, lines } = reply.json<{ now: string; lines: Line[] }>();
    expect(now).toBe("2026-11-23T10:00:00+09:00");
    expect(lines.map((l) => l.id).sort()).toEqual(["almex", "atlas", "callcenter", "canon", "fujitsu", "panasonic"]);
    expect(lines.find((l) => l.id === "callcenter")?.state).toBe("closed");
    expect(lines.find((l) => l.id === "almex")?.state).toBe("open");
  });

  it("reads an unescaped + in ?now= (curl users forget %2B)", async () => {
    const reply = await send(`${server.url}/api/lines?now=2026-11-23T10:00:00+09:00`);
    expect(reply.json<{ now: string }>().now).toBe("2026-11-23T10:00:00+09:00");
  });

  it("refuses a bad ?now= with the field named", async () => {
    const reply = await send(`${server.url}/api/lines?now=tomorrow`);
    expect(reply.status).toBe(400);
    expect(reply.json<{ error: string }>().error).toBe(`now: ${webMsg.badNow}`);
  });

  it("answers a topic by id, 404 for an unknown one", async () => {
    const reply = await send(`${server.url}/api/answer/2-4?now=2026-11-23T10:00:00%2B09:00`);
    expect(reply.json<AnswerJson>().topic).toBe("2-4");
    expect(reply.json<AnswerJson>().now).toBe("2026-11-23T10:00:00+09:00");
    expect((await send(`${server.url}/api/answer/9-9`)).status).toBe(404);
  });

  it("a picked topic carries no typed text: 1-① gives no check result nobody asked for", async () => {
    const reply = await send(`${server.url}/api/answer/1-1`);
    expect(reply.status).toBe(200);
    expect((reply.json<AnswerJson>() as { check?: unknown }).check).toBeUndefined();
  });

  it("describes itself for the start-up banner", () => {
    const web = server.channels.find((c) => c.name === "web");
    expect(web?.description).toContain("受付担当者向け検索: http://127.0.0.1:");
    expect(web?.description).toContain("(API: /api/ask)");
  });
});
