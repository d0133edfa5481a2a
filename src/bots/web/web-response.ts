import type { IncomingMessage, ServerResponse } from "node:http";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

const CORS_METHODS = "GET, POST, OPTIONS";
const CORS_HEADERS = "Content-Type, Authorization";

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** CORS only for an Origin listed in CORS_ORIGINS; nothing at all when the list is empty. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[], preflight = false) {
  if (allowed.length === 0) return;
  res.setHeader("Vary", "Origin");
  const origin = req.headers.origin;
  if (origin === undefined || !allowed.includes(origin)) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  if (preflight) {
    res.setHeader("Access-Control-Allow-Methods", CORS_METHODS);
    res.setHeader("Access-Control-Allow-Headers", CORS_HEADERS);
    res.setHeader("Access-Control-Max-Age", "600");
  }
}

// A kept answer (bots/answer-cache.ts) is asked for again and again: its JSON is kept beside it.
const serialized = new WeakMap<object, Buffer>();

function toBytes(body: unknown): Buffer {
  if (typeof body !== "object" || body === null) return Buffer.from(JSON.stringify(body), "utf8");
  let payload = serialized.get(body);
  if (!payload) {
    payload = Buffer.from(JSON.stringify(body), "utf8");
    serialized.set(body, payload);
  }
  return payload;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = toBytes(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(payload.length),
  });
  res.end(payload);
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  type: string,
  body: Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...headers, "Content-Type": type, "Content-Length": String(body.length) });
  res.end(body);
}
