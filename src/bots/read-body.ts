import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; raw: Buffer } | { ok: false; status: 400 | 408 | 413 | 415; message: string };

/**
 * Reads a request body up to `limit` bytes as they arrive. Compressed bodies are refused: a limit
 * counted on compressed bytes lets a 200 KB gzip body inflate to 200 MB.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs = 10_000): Promise<BodyResult> {
  const encoding = String(req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding !== "identity") {
    req.resume();
    return Promise.resolve({ ok: false, status: 415, message: "圧縮されたリクエストは受け付けていません" });
  }
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: "リクエストが大きすぎます" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.removeAllListeners("data");
      if (!result.ok) req.resume();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, status: 408, message: "リクエストの受信が時間内に終わりませんでした" }),
      timeoutMs,
    );
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, status: 413, message: "リクエストが大きすぎます" });
      else chunks.push(chunk);
    });
    req.on("end", () => finish({ ok: true, raw: Buffer.concat(chunks) }));
    req.on("error", () => finish({ ok: false, status: 400, message: "リクエストを読み取れませんでした" }));
  });
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; status: 400 | 408 | 413 | 415; message: string };

/**
 * application/json or application/…+json, parameters aside. Nothing else is JSON: not a missing
 * type, nor `text/plain;json` (which a page on another site can send without a preflight).
 */
export function isJsonType(header: string | undefined): boolean {
  const media = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return media === "application/json" || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(media);
}

/** A JSON body within `limit`; malformed or too deeply nested JSON is a 400, never an exception. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonResult> {
  if (!isJsonType(req.headers["content-type"])) {
    req.resume();
    return { ok: false, status: 415, message: "Content-Type は application/json にしてください" };
  }
  const body = await readBody(req, limit);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.raw.toString("utf8")) };
  } catch {
    return { ok: false, status: 400, message: "JSON として読み取れませんでした" };
  }
}
