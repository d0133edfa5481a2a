import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCall {
  /** `chat.postMessage`, or `respond` for a POST to a response_url. */
  readonly method: string;
  /** The response_url id for `respond`. */
  readonly id?: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
  readonly authorization?: string;
}

export interface Scripted {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface FakeSlackApi {
  /** For SLACK_API_URL: http://127.0.0.1:PORT/api/ */
  readonly apiUrl: string;
  respondUrl(id: string): string;
  readonly calls: FakeCall[];
  callsTo(method: string): FakeCall[];
  /** Successful POSTs to respondUrl(id). */
  responses(id: string): FakeCall[];
  /** The next answers of `method`, in order; afterwards it answers {ok:true} again. */
  script(method: string, answers: readonly Scripted[]): void;
  /** Overrides the default answer of a method (e.g. apps.connections.open). */
  answer(method: string, body: Record<string, unknown>): void;
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULTS: Record<string, Record<string, unknown>> = {
  "auth.test": { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "onshi" },
  "chat.postMessage": { ok: true, channel: "C1", ts: "1700000000.000200" },
  "chat.postEphemeral": { ok: true, message_ts: "1700000000.000300" },
  "views.publish": { ok: true },
};

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "prompts"]);

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(type: string, raw: string): Record<string, unknown> {
  if (type.includes("json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return out;
}

/** A loopback stand-in for the Slack Web API and response_url, recording every call. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeCall[] = [];
  const scripts = new Map<string, Scripted[]>();
  const answers = new Map<string, Record<string, unknown>>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readAll(req);
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = path.startsWith("/respond/") ? "respond" : path.replace(/^\/api\//, "");
    const scripted = scripts.get(method)?.shift();
    const status = scripted?.status ?? 200;
    calls.push({
      method,
      ...(method === "respond" ? { id: path.slice("/respond/".length) } : {}),
      body: parseBody(String(req.headers["content-type"] ?? ""), raw),
      status,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const body = scripted?.body ?? (status === 200 ? (answers.get(method) ?? DEFAULTS[method] ?? { ok: true }) : {});
    res.writeHead(status, { "content-type": "application/json", ...(scripted?.headers ?? {}) });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    respondUrl: (id) => `${base}/respond/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method && c.status === 200),
    responses: (id) => calls.filter((c) => c.method === "respond" && c.id === id && c.status === 200),
    script(method, list) {
      scripts.set(method, [...list]);
    },
    answer(method, body) {
      answers.set(method, body);
    },
    async waitFor(check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error("timed out waiting for the fake Slack API");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
