import { readFileSync } from "node:fs";
import { request } from "node:http";

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

/** A raw HTTP call (node:http): any header, any body bytes, nothing added. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const init = {
      method: options.method ?? "GET",
      headers: options.headers ?? {},
      // another loopback address is another client to the server's per-client limits
      ...(options.from ? { localAddress: options.from } : {}),
    };
    const req = request(url, init, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const JSON_HEADERS = { "content-type": "application/json" };

export function postAsk(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return send(`${base}/api/ask`, { method: "POST", headers: { ...JSON_HEADERS, ...headers }, body: raw });
}

/** An error body names the problem in one line and carries no stack trace or exception name. */
export function expectPlainError(reply: Reply): string {
  const body = reply.json<{ error?: unknown }>();
  const keys = Object.keys(body);
  if (keys.length !== 1 || typeof body.error !== "string") throw new Error(`unexpected error body: ${reply.text}`);
  if (/\n\s+at |SyntaxError|TypeError|RangeError|ZodError/.test(reply.text)) {
    throw new Error(`stack trace or exception in body: ${reply.text}`);
  }
  return body.error;
}

/** The questions the server's miss store holds (masked), oldest first. */
export function storedTexts(server: { readonly storePath: string }): string[] {
  let raw = "";
  try {
    raw = readFileSync(server.storePath, "utf8");
  } catch {
    return [];
  }
  return raw
    .split("\n")
    .filter(Boolean)
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ""));
}
