import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountWeb } from "../../../src/bots/web/mount-web.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { expectPlainError, postAsk, send } from "./web-client.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, [mountWeb]);
});
afterAll(() => server.close());

describe("POST /api/ask refuses bad input with a 400 naming the field, never a stack trace", () => {
  it.each([
    ["not JSON", "{text: 停電", /^JSON として読み取れませんでした$/],
    ["a JSON array", '["停電"]', /^body: JSON オブジェクトで指定してください/],
    ["a JSON string", '"停電"', /^body: JSON オブジェクトで指定してください/],
    ["null", "null", /^body: /],
    ["an empty body", "", /^JSON として読み取れませんでした$/],
    ["missing text", "{}", /^text: 必須です$/],
    ["text of the wrong type", '{"text": 42}', /^text: 文字列で指定してください$/],
    ["text an object", '{"text": {"toString": "x"}}', /^text: 文字列で指定してください$/],
    ["blank text", '{"text": "   "}', /^text: 空にはできません$/],
    ["a __proto__ key", '{"text": "停電", "__proto__": {"isAdmin": true}}', /^__proto__: 使えない項目です/],
    ["a constructor key", '{"text": "停電", "constructor": {"prototype": {}}}', /^constructor: 使えない項目です/],
    ["an unknown topic", '{"text": "停電", "topic": "../../etc"}', /^topic: 存在しないトピック ID/],
    ["a bad now", '{"text": "停電", "now": "yesterday"}', /^now: ISO-8601/],
    ["10,000 unclosed brackets", `{"text": ${"[".repeat(10_000)}`, /^JSON として読み取れませんでした$/],
    [
      "nesting 8,000 deep (the deepest that fits 16 KB)",
      `{"text": ${"[".repeat(8_000)}${"]".repeat(8_000)}}`,
      /^text: /,
    ],
    ["a body nested 8,000 deep", `${"[".repeat(8_000)}${"]".repeat(8_000)}`, /^body: /],
  ])("%s", async (_why, body, expected) => {
    const reply = await postAsk(server.url, body);
    expect(reply.status).toBe(400);
    expect(expectPlainError(reply)).toMatch(expected);
  });

  it("leaves Object.prototype alone after a __proto__ body", async () => {
    await postAsk(server.url, '{"text": "停電", "__proto__": {"polluted": "yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses nesting 10,000 deep (20 KB) as too large before parsing it", async () => {
    const reply = await postAsk(server.url, `${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    expect(reply.status).toBe(413);
    expectPlainError(reply);
  });

  it("413 over 16 KB", async () => {
    const reply = await postAsk(server.url, { text: "a".repeat(16 * 1024) });
    expect(reply.status).toBe(413);
    expect(expectPlainError(reply)).toBe("リクエストが大きすぎます");
  });

  it("accepts a body just under 16 KB", async () => {
    const reply = await postAsk(server.url, { text: `停電 ${"a".repeat(16 * 1024 - 40)}` });
    expect(reply.status).toBe(200);
  });

  it("415 on a gzip Content-Encoding (a limit on compressed bytes would not hold)", async () => {
    const reply = await postAsk(server.url, '{"text":"停電"}', { "content-encoding": "gzip" });
    expect(reply.status).toBe(415);
    expectPlainError(reply);
  });

  it("415 on a form or text/plain body (a cross-site form cannot post JSON)", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const reply = await postAsk(server.url, '{"text":"停電"}', { "content-type": type });
      expect(reply.status).toBe(415);
    }
  });

  it("405 for GET /api/ask, with a Japanese message and no path echoed", async () => {
    const reply = await send(`${server.url}/api/ask`);
    expect(reply.status).toBe(405);
    expect(reply.text).not.toContain("/api/ask");
    expect(reply.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const unknown = await send(`${server.url}/nothing.js`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-security-policy"]).toContain("default-src 'self'");
    expect((await send(`${server.url}/api/messages`)).headers["content-security-policy"]).toBeUndefined();
  });
});
