import { createSign, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { MAX_UNAUTHENTICATED_IN_FLIGHT } from "../../../src/bots/teams/teams-adapter.js";
import { startTestServer } from "../../helpers/test-server.js";
import { message } from "./activities.js";
import { type FakeConnector, startFakeConnector } from "./fake-connector.js";
import { postActivity } from "./post.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const signer = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = signer.publicKey.export({ format: "jwk" }) as { n: string; e: string };

/** A token for this bot whose signature was made with a key the metadata does not publish. */
function badlySignedJwt(kid: string): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url({ alg: "RS256", typ: "JWT", kid })}.${b64url({ iss: "https://api.botframework.com", aud: APP_ID, nbf: now - 60, exp: now + 3600 })}`;
  const signature = createSign("RSA-SHA256").update(head).sign(other.privateKey).toString("base64url");
  return `${head}.${signature}`;
}

/** OpenID metadata on loopback: /hang never answers; /ok publishes one key ("k1"). */
let metadata: Server;
let metadataUrl = "";
const connections: Record<string, number> = {};
let fake: FakeConnector;

beforeAll(async () => {
  fake = await startFakeConnector();
  metadata = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "";
    connections[path] = (connections[path] ?? 0) + 1;
    if (path.startsWith("/hang")) return; // never answers
    res.writeHead(200, { "content-type": "application/json" });
    if (path === "/ok/.well-known/openidconfiguration") res.end(JSON.stringify({ jwks_uri: `${metadataUrl}/ok/keys` }));
    else res.end(JSON.stringify({ keys: [{ kty: "RSA", kid: "k1", n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] }));
  });
  await new Promise<void>((resolve) => metadata.listen(0, "127.0.0.1", () => resolve()));
  metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
});

afterAll(async () => {
  metadata.closeAllConnections();
  await new Promise((resolve) => metadata.close(resolve));
  await fake.close();
});

const env = (path: string) => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: "test-secret-value",
  MicrosoftAppTenantId: "33333333-4444-5555-6666-777777777777",
  TEAMS_OPENID_METADATA_URL: `${metadataUrl}${path}`,
});

describe("Teams signing keys", () => {
  it("a hanging key download is cut by a timeout, made once for many requests, its failure remembered; past the cap, 503", async () => {
    const server = await startTestServer(env("/hang/.well-known/openidconfiguration"), [mountTeams]);
    try {
      const forged = () =>
        postActivity(server.url, message("無効と表示された", { serviceUrl: fake.url }), {
          authorization: `Bearer ${badlySignedJwt("k-unknown")}`,
        });
      const started = performance.now();
      const replies = await Promise.all(Array.from({ length: MAX_UNAUTHENTICATED_IN_FLIGHT + 8 }, forged));
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 503)).toHaveLength(8);
      expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_UNAUTHENTICATED_IN_FLIGHT);
      expect(performance.now() - started).toBeLessThan(9_000);
      expect(connections["/hang/.well-known/openidconfiguration"]).toBe(1);

      // remembered: refused at once, no new download
      const again = performance.now();
      expect((await forged()).status).toBe(401);
      expect(performance.now() - again).toBeLessThan(1_000);
      expect(connections["/hang/.well-known/openidconfiguration"]).toBe(1);
      expect(server.logs.filter((l) => l.msg === "teams: signing keys could not be fetched")).toHaveLength(1);
      expect(fake.sent).toEqual([]);
    } finally {
      await server.close();
    }
  }, 15_000);

  it("a token that fails verification is refused (401) and the SDK's console output goes through the masking logger", async () => {
    // started here, after the console spies: the SDK's console.error must not reach them (the test fails on noise)
    const server = await startTestServer(env("/ok/.well-known/openidconfiguration"), [mountTeams]);
    try {
      const reply = await postActivity(server.url, message("無効と表示された", { serviceUrl: fake.url }), {
        authorization: `Bearer ${badlySignedJwt("k1")}`,
      });
      expect(reply.status).toBe(401);
      const sdkLines = server.logs.filter((l) => l.sdk !== undefined);
      expect(sdkLines.length).toBeGreaterThan(0);
      for (const line of sdkLines) expect(String(line.msg)).not.toMatch(/\n|\bat \S+ \(/u);
      expect(fake.sent).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
