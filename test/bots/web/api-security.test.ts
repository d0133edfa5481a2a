import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../../src/bots/web/web-response.js";
import { expectPlainError, postAsk, send } from "./web-client.js";
import { webServerPerTest } from "./web-server.js";

const TOKEN = "s3cret-agent-token-0123456789";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

const start = webServerPerTest();

describe("security headers and content types", () => {
  it("every web response carries the CSP, nosniff and no-referrer", async () => {
    const s = await start();
    const replies = await Promise.all([
      send(`${s.url}/`),
      send(`${s.url}/app.js`),
      send(`${s.url}/app.css`),
      send(`${s.url}/api/topics`),
      postAsk(s.url, "not json"),
    ]);
    for (const reply of replies) {
      expect(reply.headers["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("serves the page's files with their content types", async () => {
    const s = await start();
    const types = {
      "/": /^text\/html; charset=utf-8$/,
      "/app.js": /^text\/javascript/,
      "/dom.js": /^text\/javascript/,
      "/render.js": /^text\/javascript/,
      "/app.css": /^text\/css/,
      "/icon.svg": /^image\/svg\+xml$/,
    };
    for (const [path, type] of Object.entries(types)) {
      const reply = await send(`${s.url}${path}`);
      expect(reply.status, path).toBe(200);
      expect(reply.headers["content-type"], path).toMatch(type);
    }
    expect((await send(`${s.url}/`)).text).toContain('<html lang="ja">');
  });
});

describe("CORS", () => {
  it("sends no CORS header by default, not even to a preflight", async () => {
    const s = await start();
    const reply = await send(`${s.url}/api/topics`, { headers: { origin: "https://crm.example.jp" } });
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await send(`${s.url}/api/ask`, {
      method: "OPTIONS",
      headers: { origin: "https://crm.example.jp", "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows only the origins in CORS_ORIGINS, with a preflight", async () => {
    const s = await start({ CORS_ORIGINS: "https://crm.example.jp, https://other.example.jp" });
    const listed = await postAsk(s.url, { text: "停電" }, { origin: "https://crm.example.jp" });
    expect(listed.headers["access-control-allow-origin"]).toBe("https://crm.example.jp");
    expect(listed.headers.vary).toContain("Origin");
    const unlisted = await postAsk(s.url, { text: "停電" }, { origin: "https://evil.example.com" });
    expect(unlisted.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await send(`${s.url}/api/ask`, {
      method: "OPTIONS",
      headers: { origin: "https://crm.example.jp", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://crm.example.jp");
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/Authorization/);
  });
});

describe("AGENT_TOKEN", () => {
  it("401 without a token or with a wrong one; 200 with it (Bearer or Basic)", async () => {
    const s = await start({ AGENT_TOKEN: TOKEN });
    const none = await postAsk(s.url, { text: "停電" });
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer realm="onshi"/);
    expectPlainError(none);
    for (const wrong of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      "Bearer ",
      `Token ${TOKEN}`,
      basic(TOKEN, "x"),
    ]) {
      expect((await send(`${s.url}/api/topics`, { headers: { authorization: wrong } })).status, wrong).toBe(401);
    }
    expect((await postAsk(s.url, { text: "停電" }, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await send(`${s.url}/api/lines`, { headers: { authorization: basic("agent", TOKEN) } })).status).toBe(200);
  });

  it("the page asks for HTTP Basic login and opens with the token as the password", async () => {
    const s = await start({ AGENT_TOKEN: TOKEN });
    const page = await send(`${s.url}/`);
    expect(page.status).toBe(401);
    expect(page.headers["www-authenticate"]).toMatch(/^Basic realm="onshi"/);
    expect(page.headers["content-security-policy"]).toBeTruthy();
    expect((await send(`${s.url}/app.js`)).status).toBe(401);
    const ok = await send(`${s.url}/`, { headers: { authorization: basic("受付", TOKEN) } });
    expect(ok.status).toBe(200);
    expect(s.rawLogs()).not.toContain(TOKEN);
    expect(s.channels.find((c) => c.name === "web")?.description).toContain("AGENT_TOKEN");
  });

  it("the preflight needs no token (browsers never send one with it)", async () => {
    const s = await start({ AGENT_TOKEN: TOKEN, CORS_ORIGINS: "https://crm.example.jp" });
    const preflight = await send(`${s.url}/api/ask`, {
      method: "OPTIONS",
      headers: { origin: "https://crm.example.jp", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
  });
});

describe("rate limit on /api/ask", () => {
  it("429 with Retry-After and a Japanese message once a client exceeds ASK_RATE_LIMIT_PER_MINUTE", async () => {
    const s = await start({ ASK_RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postAsk(s.url, { text: "停電" })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await postAsk(s.url, { text: "停電" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(expectPlainError(limited)).toContain(`${retryAfter}秒`);
    // every /api/* route is counted
    expect((await send(`${s.url}/api/topics`)).status).toBe(429);
    expect((await send(`${s.url}/api/lines`)).status).toBe(429);
    expect((await send(`${s.url}/api/answer/1-2`)).status).toBe(429);
  });
});
