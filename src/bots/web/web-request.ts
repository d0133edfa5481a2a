import { z } from "zod";
import { type TopicId, topicIdSchema } from "../../knowledge/schema.js";
import { cutText } from "../cut-text.js";
import { webMsg } from "./messages.js";

export { cutText, MAX_TEXT_CHARS } from "../cut-text.js";

const ALLOWED_KEYS = ["text", "now", "topic", "variant", "fact", "typing", "session"] as const;
const SAFE_KEY = /^[A-Za-z_$][\w$]{0,39}$/;

const stringField = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? webMsg.required : webMsg.notString) })
    .max(max, webMsg.tooLong(max));

export const isoInstant = z
  .string({ error: webMsg.badNow })
  .pipe(z.iso.datetime({ offset: true, error: webMsg.badNow }))
  .transform((s) => new Date(s));

const askSchema = z
  .strictObject(
    {
      // May be empty only when a topic is picked (a button): then nothing was typed.
      text: z.string({ error: (iss) => (iss.input === undefined ? webMsg.required : webMsg.notString) }).trim(),
      now: isoInstant.optional(),
      topic: z
        .string({ error: webMsg.badTopic })
        .refine((s) => s.length <= 64 && topicIdSchema.safeParse(s).success, webMsg.badTopic)
        .optional(),
      variant: stringField(100).optional(),
      fact: stringField(200).optional(),
      typing: z.boolean({ error: webMsg.notBoolean }).optional(),
      session: z
        .string({ error: webMsg.notString })
        .regex(/^[A-Za-z0-9_-]{8,64}$/, webMsg.badSession)
        .optional(),
    },
    { error: webMsg.notObject },
  )
  .refine((q) => q.text.length > 0 || q.topic !== undefined, { path: ["text"], message: webMsg.empty });

export interface AskRequest {
  readonly text: string;
  readonly now?: Date;
  readonly topic?: TopicId;
  readonly variant?: string;
  readonly fact?: string;
  /** Sent while the agent is still typing: answered, but not recorded as an unanswered question. */
  readonly typing?: boolean;
  /** The page's session: questions with one are read as a conversation (docs/spec/conversation.md). */
  readonly session?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function keyName(key: unknown): string {
  return typeof key === "string" && SAFE_KEY.test(key) ? key : webMsg.unknownKeyName;
}

/** One line naming the field: "text: 文字列で指定してください". Never echoes a value. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return webMsg.invalid;
  if (issue.code === "unrecognized_keys") {
    return `${issue.keys.map(keyName).join(", ")}: ${webMsg.unknownKey(ALLOWED_KEYS)}`;
  }
  const path = issue.path.map(keyName).join(".");
  return path ? `${path}: ${issue.message}` : `body: ${issue.message}`;
}

/** `isTopic`: the knowledge base's topic IDs (they come from its files, not from code). */
export function parseAskRequest(body: unknown, isTopic: (id: string) => boolean): Parsed<AskRequest> {
  // JSON.parse makes "__proto__" an own key; refuse it by name before anything reads the object.
  if (body !== null && typeof body === "object" && !Array.isArray(body) && Object.hasOwn(body, "__proto__")) {
    return { ok: false, error: `__proto__: ${webMsg.unknownKey(ALLOWED_KEYS)}` };
  }
  const parsed = askSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]) };
  const { text, now, topic, variant, fact, typing, session } = parsed.data;
  if (topic !== undefined && !isTopic(topic)) return { ok: false, error: `topic: ${webMsg.badTopic}` };
  return {
    ok: true,
    value: {
      text: cutText(text),
      ...(now ? { now } : {}),
      ...(topic ? { topic } : {}),
      ...(variant ? { variant } : {}),
      ...(fact ? { fact } : {}),
      ...(typing ? { typing } : {}),
      ...(session ? { session } : {}),
    },
  };
}

/** `?now=` on the GET routes; undefined when absent. */
export function parseNowParam(value: string | null): Parsed<Date | undefined> {
  if (value === null || value === "") return { ok: true, value: undefined };
  // An unescaped "+09:00" in a query string arrives as " 09:00".
  const parsed = isoInstant.safeParse(value.replace(/ (\d{2}:\d{2})$/, "+$1"));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `now: ${webMsg.badNow}` };
}
