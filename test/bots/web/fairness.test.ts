import { describe, expect, it } from "vitest";
import { expectPlainError, postAsk, send } from "./web-client.js";
import { webServerPerTest } from "./web-server.js";

const TOKEN = "s3cret-agent-token-0123456789";
/** Distinct long questions: the answer cache must not make them cheap. */
const longQuestion = (i: number) => `${"カードリーダーの接続が切れて顔認証ができない ".repeat(90)}${i}`;

const start = webServerPerTest();

describe("one client cannot take the server from the others", () => {
  it("a client past its answering budget gets 429 with Retry-After; another client is still answered", async () => {
    const s = await start({ CLIENT_CPU_MS_PER_SECOND: "10", CLIENT_CPU_BURST_MS: "10" });
    const flood = await Promise.all(Array.from({ length: 16 }, (_, i) => postAsk(s.url, { text: longQuestion(i) })));
    const statuses = flood.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    const limited = flood.find((r) => r.status === 429)!;
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(expectPlainError(limited)).toMatch(/秒/u);
    const other = await send(`${s.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "無効と表示された" }),
      from: "127.0.0.2",
    });
    expect(other.status).toBe(200);
    expect(other.json().topic).toBe("1-2");
  });

  it("past MAX_ANSWERS_IN_FLIGHT a request gets 503 with Retry-After", async () => {
    const s = await start({ MAX_ANSWERS_IN_FLIGHT: "1" });
    // a request whose body never finishes holds its place in flight
    const { request } = await import("node:http");
    const held = request(`${s.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "100" },
    });
    held.on("error", () => undefined);
    held.write('{"text": "');
    await new Promise((r) => setTimeout(r, 200));
    const busy = await postAsk(s.url, { text: "停電" }, {});
    expect(busy.status).toBe(503);
    expect(busy.headers["retry-after"]).toBe("1");
    expect(expectPlainError(busy)).toMatch(/混み合って/u);
    held.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await postAsk(s.url, { text: "停電" })).status).toBe(200);
  });

  it("wrong tokens are counted: past 20 a minute even the right one waits (429)", async () => {
    const s = await start({ AGENT_TOKEN: TOKEN });
    const wrong = { authorization: "Bearer wrong-token-guess-000000" };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await send(`${s.url}/api/topics`, { headers: wrong })).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    const right = await send(`${s.url}/api/topics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // another client is not held back by the guesser
    const other = await send(`${s.url}/api/topics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      from: "127.0.0.3",
    });
    expect(other.status).toBe(200);
  });

  it("wrong passwords on the page are counted as well", async () => {
    const s = await start({ AGENT_TOKEN: TOKEN });
    const basic = `Basic ${Buffer.from("agent:wrong").toString("base64")}`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await send(`${s.url}/`, { headers: { authorization: basic } })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
