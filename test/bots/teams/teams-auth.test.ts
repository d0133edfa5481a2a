import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";
import { message } from "./activities.js";
import { type FakeConnector, startFakeConnector } from "./fake-connector.js";
import { delay, postActivity } from "./post.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "99999999-8888-7777-6666-555555555555";
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function forgedJwt(header: Record<string, unknown>, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: "https://api.botframework.com", aud: APP_ID, nbf: now - 60, exp: now + 3600, ...claims };
  return `${b64url(header)}.${b64url(payload)}.${Buffer.from("not-a-signature").toString("base64url")}`;
}

let server: TestServer;
let fake: FakeConnector;

beforeAll(async () => {
  fake = await startFakeConnector();
  // MicrosoftAppType left out: SingleTenant, the only kind of app Azure creates with a secret today.
  server = await startTestServer(
    { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "test-secret-value", MicrosoftAppTenantId: TENANT_ID },
    [mountTeams],
  );
});

afterAll(async () => {
  await server.close();
  await fake.close();
});

describe("Teams endpoint with MicrosoftAppId set", () => {
  it("says in the banner that authentication is on", () => {
    const teams = server.channels.find((c) => c.name === "Teams");
    expect(teams?.description).toContain("認証あり");
    expect(teams?.description).not.toContain("test-secret-value");
  });

  it("rejects a request without a token: 401, generic body, nothing sent", async () => {
    const res = await postActivity(server.url, message("無効と表示された", { serviceUrl: fake.url }));
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: "認証に失敗しました。" });
    await delay(100);
    expect(fake.sent).toEqual([]);
  });

  it.each([
    ["a bad signature", forgedJwt({ alg: "RS256", typ: "JWT", kid: "unknown-key" })],
    ["alg none", forgedJwt({ alg: "none", typ: "JWT" })],
    ["nbf in the future", forgedJwt({ alg: "RS256", typ: "JWT" }, { nbf: Math.floor(Date.now() / 1000) + 86_400 })],
    ["garbage", "Zm9v.YmFy.YmF6"],
  ])("rejects a forged JWT (%s) with 401, not 500, and no error text", async (_name, token) => {
    const res = await postActivity(server.url, message("無効と表示された", { serviceUrl: fake.url }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: "認証に失敗しました。" });
    expect(fake.sent).toEqual([]);
  });

  it("logs the rejection without the token", () => {
    const rejected = server.logs.filter((l) => l.msg === "teams: request rejected");
    expect(rejected.length).toBeGreaterThan(0);
    expect(server.rawLogs()).not.toContain("not-a-signature");
    expect(server.rawLogs()).not.toContain("test-secret-value");
  });
});

describe("Teams endpoint without MicrosoftAppId", () => {
  it("runs unauthenticated and says so in the banner", async () => {
    const local = await startTestServer({}, [mountTeams]);
    try {
      expect(local.channels.find((c) => c.name === "Teams")?.description).toContain("認証なし（ローカル開発用）");
    } finally {
      await local.close();
    }
  });
});

describe("Teams endpoint of a MultiTenant registration made before 2025-07-31", () => {
  it("still starts without a tenant ID and still refuses a request without a token", async () => {
    const legacy = await startTestServer(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "test-secret-value", MicrosoftAppType: "MultiTenant" },
      [mountTeams],
    );
    try {
      expect(legacy.channels.find((c) => c.name === "Teams")?.description).toContain("認証あり");
      const res = await postActivity(legacy.url, message("無効と表示された", { serviceUrl: fake.url }));
      expect(res.status).toBe(401);
    } finally {
      await legacy.close();
    }
  });
});
