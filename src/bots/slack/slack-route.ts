import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import type { Request, Response } from "restify";
import { readBody } from "../read-body.js";

export const SLACK_EVENTS_PATH = "/slack/events";
/**
 * What Slack sends: a message holds at most 40,000 characters (under 120 KB of UTF-8), and an
 * interaction carries its message's blocks (at most 50, of at most 3,000 characters each).
 */
export const MAX_BODY_BYTES = 256 * 1024;
/** A slash command is a form of short fields and the typed text. */
export const MAX_COMMAND_BYTES = 32 * 1024;
/** Bolt accepts a signed request for 5 minutes either side of now: a replay within that is answered once. */
export const REPLAY_WINDOW_MS = 10 * 60_000;
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
  const type = mediaType(req);
  const text = raw.toString("utf8");
  if (type === "application/json") return parsesToObject(text);
  if (type === "application/x-www-form-urlencoded") {
    const payload = new URLSearchParams(text).get("payload");
    // a command (no payload) is a few short fields: nothing near an interaction's size
    return payload === null ? raw.length <= MAX_COMMAND_BYTES : parsesToObject(payload);
  }
  return false;
}

const mediaType = (req: IncomingMessage): string =>
  String(req.headers["content-type"] ?? "")
    .split(";")[0]
    ?.trim()
    .toLowerCase() ?? "";

/** The signature names one signed request (HMAC of its timestamp and body): a replay repeats it exactly. */
function signatureOf(req: IncomingMessage): string | undefined {
  const sig = req.headers["x-slack-signature"];
  return typeof sig === "string" && sig.length > 0 && sig.length <= 200 ? sig : undefined;
}

/**
 * POST /slack/events for events, commands and interactivity. The body is read here, within 1 MB
 * (declared or counted, compressed bodies refused), and handed to Bolt as `rawBody`, which Bolt
 * uses for the signature instead of reading the stream. The route waits for Bolt's response and
 * never calls next(), or restify would answer first (Bolt's late reply would then crash the process with ERR_HTTP_HEADERS_SENT).
 */
export function slackEventsRoute(
  receiver: HTTPReceiver,
  /** True the first time a signature is seen (with REDIS_URL: by any instance). */
  firstTime: (signature: string) => boolean | Promise<boolean>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (fromTheFuture(req, Date.now())) {
      req.resume();
      return noBody(res, 401);
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) return noBody(res, body.status);
    if (!wellFormed(req, body.raw)) return noBody(res, 400);
    // a replayed command, interaction or event (same signature, within Bolt's window): acknowledged, not run again
    const signature = signatureOf(req);
    if (signature !== undefined && !(await firstTime(signature))) return noBody(res, 200);
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body.raw;
    const answered = responseDone(res);
    receiver.requestListener(req, res);
    await answered;
  };
}
