import { z } from "zod";
import { type TopicId, topicIdSchema } from "../../knowledge/schema.js";
import { clip } from "./slack-text.js";

/** action_id prefixes; every id in one message gets a counter suffix, so ids stay unique. */
export const ACTION = {
  topic: "onshi_topic",
  feedback: "onshi_feedback",
  share: "onshi_share",
} as const;

export const ACTION_PATTERN = {
  topic: /^onshi_topic_\d+$/,
  feedback: /^onshi_feedback_(yes|no)$/,
  share: /^onshi_share$/,
  /** Anything else (an old message's button): acknowledged and ignored, so Slack shows no error. */
  other: /^(?!onshi_(?:topic_\d+|feedback_(?:yes|no)|share)$)/,
} as const;

/** Slack's limit on a button value. */
export const MAX_VALUE_LENGTH = 2000;

const topicValue = z.object({
  t: topicIdSchema,
  v: z.string().max(64).optional(),
  f: z.string().max(200).optional(),
});
const feedbackValue = z.object({ t: topicIdSchema, h: z.boolean() });
const shareValue = topicValue.extend({ q: z.string().max(MAX_VALUE_LENGTH).optional() });

export interface TopicPick {
  readonly topic: TopicId;
  readonly variant?: string;
  readonly fact?: string;
}

export interface SharePick extends TopicPick {
  /** The masked question, so the shared answer is the one the user saw (checks read the text). */
  readonly question?: string;
}

function parse<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const pickOf = (v: { t: TopicId; v?: string | undefined; f?: string | undefined }): TopicPick => ({
  topic: v.t,
  ...(v.v !== undefined ? { variant: v.v } : {}),
  ...(v.f !== undefined ? { fact: v.f } : {}),
});

export function topicValueOf(pick: TopicPick): string {
  return JSON.stringify({
    t: pick.topic,
    ...(pick.variant !== undefined ? { v: pick.variant } : {}),
    ...(pick.fact !== undefined ? { f: pick.fact } : {}),
  });
}

/** A topic the knowledge base has (its topics are its files, so the check is made against it). */
export type IsTopic = (id: string) => boolean;

export function parseTopicValue(value: string | undefined, isTopic: IsTopic): TopicPick | undefined {
  const v = parse(topicValue, value);
  return v && isTopic(v.t) ? pickOf(v) : undefined;
}

export function feedbackValueOf(topic: TopicId, helpful: boolean): string {
  return JSON.stringify({ t: topic, h: helpful });
}

export function parseFeedbackValue(
  value: string | undefined,
  isTopic: IsTopic,
): { topic: TopicId; helpful: boolean } | undefined {
  const v = parse(feedbackValue, value);
  return v && isTopic(v.t) ? { topic: v.t, helpful: v.h } : undefined;
}

/** The question is cut until the JSON fits Slack's 2,000-character value. */
export function shareValueOf(pick: SharePick): string {
  const base = JSON.parse(topicValueOf(pick)) as Record<string, unknown>;
  if (pick.question === undefined) return JSON.stringify(base);
  let room = MAX_VALUE_LENGTH;
  for (;;) {
    const json = JSON.stringify({ ...base, q: clip(pick.question, room) });
    if (json.length <= MAX_VALUE_LENGTH || room <= 0)
      return json.length <= MAX_VALUE_LENGTH ? json : JSON.stringify(base);
    room -= json.length - MAX_VALUE_LENGTH;
  }
}

export function parseShareValue(value: string | undefined, isTopic: IsTopic): SharePick | undefined {
  const v = parse(shareValue, value);
  return v && isTopic(v.t) ? { ...pickOf(v), ...(v.q !== undefined ? { question: v.q } : {}) } : undefined;
}
