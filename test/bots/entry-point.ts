import type { ChannelMounter } from "../../src/bots/start-server.js";
import type { Reply } from "./web/web-client.js";

/** What a case sends: bytes as they are, a question in the entry point's envelope, or fields set on that envelope. */
export type Payload =
  | { readonly raw: string }
  | { readonly text: string }
  | { readonly fields: Record<string, unknown> | (() => Record<string, unknown>) };

/** What the person asking was shown: the topic answered (when there is one) and everything they saw. */
export interface Shown {
  readonly topic?: string;
  readonly content: string;
}

/** An entry point of the server, as bad-input.test.ts drives it. */
export interface EntryPoint {
  readonly name: string;
  readonly path: string;
  readonly env: Record<string, string>;
  readonly mounter: ChannelMounter;
  /** The channel quotes the masked question back in its reply (checked for cleanliness, not absence). */
  readonly quotesQuestion?: boolean;
  wrap(payload: Payload): { body: string; headers: Record<string, string> };
  /**
   * Awaited after each POST, before `shown` and `stray`: an entry point that acknowledges first and
   * answers afterwards (Slack) waits here for the answer; one that answers in the response has none.
   */
  settle?(): Promise<void>;
  /** What was shown for the last request (the response body, or what reached a fake platform). */
  shown(reply: Reply): Shown[];
  /** Calls that went where they should not (a second reply, an address the bot must never call). */
  stray(): string[];
  reset(): void;
}

export const JSON_HEADERS = { "content-type": "application/json" } as const;

// Values spliced into the JSON as written (a 10,000-deep array cannot go through JSON.stringify).
const rawValues = new Map<string, string>();

/** A placeholder for `json`, written verbatim where it stands once the envelope is serialised. */
export function rawJson(json: string): string {
  const token = `\u0000raw${rawValues.size}`;
  rawValues.set(token, json);
  return token;
}

function toJson(value: unknown): string {
  let out = JSON.stringify(value);
  for (const [token, json] of rawValues) out = out.replace(JSON.stringify(token), () => json);
  return out;
}

/** The body for `payload`: `base(text)` is the entry point's envelope; fields go over `base(question)`. */
export function envelope(payload: Payload, base: (text: string) => Record<string, unknown>, question: string): string {
  if ("raw" in payload) return payload.raw;
  if ("text" in payload) return toJson(base(payload.text));
  const fields = typeof payload.fields === "function" ? payload.fields() : payload.fields;
  return toJson({ ...base(question), ...fields });
}
