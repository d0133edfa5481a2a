import { createHmac } from "node:crypto";
import { request } from "node:http";

export const SIGNING_SECRET = "test-secret";
export const BOT_TOKEN = "xoxb-test";

export interface PostOptions {
  readonly contentType?: string;
  readonly secret?: string;
  /** Seconds since the epoch; now by default. */
  readonly timestamp?: number;
  readonly headers?: Record<string, string>;
}

export interface Reply {
  readonly status: number;
  readonly text: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A request signed like Slack signs it (v0 HMAC-SHA256 of `v0:${ts}:${body}`). */
export async function postSigned(baseUrl: string, body: string, options: PostOptions = {}): Promise<Reply> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A chunked body (no Content-Length) of `size` bytes, signed or not, sent in 64 KB pieces. */
export function postChunked(baseUrl: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const req = request(`${baseUrl}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": "v0=00",
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

let seq = 0;

export function eventBody(event: Record<string, unknown>, eventId = `Ev${++seq}`): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
}

export function mention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `1700000${++seq}.000100`;
  return { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C1", event_ts: ts, ...extra };
}

export function directMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `1700000${++seq}.000100`;
  return { type: "message", channel_type: "im", user: "U1", text, ts, channel: "D1", event_ts: ts, ...extra };
}

export function commandBody(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    user_name: "staff",
    command: "/onshi",
    text,
    response_url: responseUrl,
    trigger_id: "1.2.3",
    api_app_id: "A1",
  }).toString();
}

export interface ClickOptions {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  readonly message?: Record<string, unknown>;
  /** An ephemeral message (the slash command's answer). */
  readonly ephemeral?: boolean;
  /** A button on the App Home tab: no message, channel or response_url. */
  readonly home?: boolean;
}

/** A block_actions payload, form-encoded as Slack sends it. */
export function clickBody(options: ClickOptions): string {
  const message = options.message ?? { type: "message", user: "UBOT", ts: "1700000000.000200", text: "answer" };
  const where = options.home
    ? { container: { type: "view", view_id: "V1" }, view: { id: "V1", type: "home" } }
    : {
        response_url: options.responseUrl,
        container: {
          type: "message",
          message_ts: message.ts,
          channel_id: "C1",
          is_ephemeral: Boolean(options.ephemeral),
        },
        channel: { id: "C1", name: "uketsuke" },
        ...(options.ephemeral ? {} : { message }),
      };
  const payload = {
    type: "block_actions",
    team: { id: "T1", domain: "pharmacy" },
    user: { id: "U1", username: "staff", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "1.2.3",
    ...where,
    actions: [
      {
        type: "button",
        action_id: options.actionId,
        block_id: "b1",
        value: options.value,
        text: { type: "plain_text", text: "x" },
        action_ts: "1700000000.1",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = "application/x-www-form-urlencoded";

/** The headers of a request signed like Slack signs it, for a client other than postSigned. */
export function signedHeaders(
  body: string,
  contentType = "application/json",
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": sign(body, timestamp),
  };
}

/** The `event_callback` envelope of eventBody as an object, so fields can be set on it before it is serialised. */
export function eventEnvelope(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  return JSON.parse(eventBody(event, eventId)) as Record<string, unknown>;
}

/** A message_action payload (a message shortcut), form-encoded as Slack sends it. */
export function shortcutBody(
  callbackId: string,
  message: Record<string, unknown>,
  responseUrl: string,
  channel = "C1",
): string {
  const payload = {
    type: "message_action",
    callback_id: callbackId,
    trigger_id: "1.2.3",
    message_ts: message.ts,
    response_url: responseUrl,
    message: { type: "message", ...message },
    user: { id: "U2", name: "staff2", team_id: "T1" },
    channel: { id: channel, name: "uketsuke" },
    team: { id: "T1", domain: "pharmacy" },
    token: "legacy",
    action_ts: "1700000000.2",
    api_app_id: "A1",
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
