import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import type { Request, Response } from "restify";
import { readBody } from "../read-body.js";

export const SLACK_EVENTS_PATH = "/slack/events";
/** Slack's own payloads stay far below this; Bolt's default (4 MB) is too generous. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Bolt refuses a timestamp older than 5 minutes but lets a future one through. */
const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

function noBody(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Length": "0" });
  res.end();
}

function responseDone(res: ServerResponse): Promise<void> {
  if (res.destroyed || res.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    res.once("finish", () => resolve());
    res.once("close", () => resolve());
  });
}

function fromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const raw = req.headers["x-slack-request-timestamp"];
  const ts = typeof raw === "string" ? Number(raw) : Number.NaN;
  return Number.isFinite(ts) && ts - nowMs / 1000 > MAX_FUTURE_SKEW_SECONDS;
}

const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

function parsesToObject(json: string): boolean {
  try {
    return isObject(JSON.parse(json));
  } catch {
    return false;
  }
}

/**
 * Slack sends a JSON object (events) or a form (commands; interactivity as a form with a JSON
 * `payload`). Anything else is refused here: Bolt would leave it unacknowledged for 3 s and log a
 * fragment of the body with its parse error.
 */
function wellFormed(req: IncomingMessage, raw: Buffer): boolean {
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  const text = raw.toString("utf8");
  if (type.includes("application/json")) return parsesToObject(text);
  if (type.includes("application/x-www-form-urlencoded")) {
    const payload = new URLSearchParams(text).get("payload");
    return payload === null || parsesToObject(payload);
  }
  return false;
}

/**
 * POST /slack/events for events, commands and interactivity. The body is read here, within 1 MB
 * (declared or counted, compressed bodies refused), and handed to Bolt as `rawBody`, which Bolt
 * uses for the signature instead of reading the stream. The route waits for Bolt's response and
 * never calls next(), or restify would answer first (Bolt's late reply would then crash the process with ERR_HTTP_HEADERS_SENT).
 */
export function slackEventsRoute(receiver: HTTPReceiver): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (fromTheFuture(req, Date.now())) {
      req.resume();
      return noBody(res, 401);
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) return noBody(res, body.status);
    if (!wellFormed(req, body.raw)) return noBody(res, 400);
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body.raw;
    const answered = responseDone(res);
    receiver.requestListener(req, res);
    await answered;
  };
}
