import { z } from "zod";
import { type TopicId, topicIdSchema } from "../../knowledge/schema.js";
import type { SubmitAction } from "./card-elements.js";

/** What a card button sends back (Action.Submit `data`, arriving as the message activity's `value`). */
const valueSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("topic"),
    topic: topicIdSchema,
    variant: z.string().max(64).optional(),
    fact: z.string().max(200).optional(),
  }),
  z.object({ action: z.literal("feedback"), topic: topicIdSchema, helpful: z.boolean() }),
  z.object({ action: z.literal("ask"), text: z.string().max(500) }),
  z.object({ action: z.literal("help") }),
]);

export type CardValue = z.infer<typeof valueSchema>;

/** The button's value, or undefined for anything else (an old card, a forged value). */
export function parseCardValue(value: unknown, isTopic: (id: string) => boolean): CardValue | undefined {
  const parsed = valueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  return "topic" in parsed.data && !isTopic(parsed.data.topic) ? undefined : parsed.data;
}

function submit(title: string, data: CardValue, style?: SubmitAction["style"]): SubmitAction {
  return { type: "Action.Submit", title, data, ...(style ? { style } : {}) };
}

export interface TopicChoice {
  readonly topic: TopicId;
  readonly variant?: string;
  readonly fact?: string;
}

export function topicButton(title: string, choice: TopicChoice): SubmitAction {
  return submit(title, {
    action: "topic",
    topic: choice.topic,
    ...(choice.variant !== undefined ? { variant: choice.variant } : {}),
    ...(choice.fact !== undefined ? { fact: choice.fact } : {}),
  });
}

export function feedbackButton(title: string, topic: TopicId, helpful: boolean): SubmitAction {
  return submit(title, { action: "feedback", topic, helpful }, helpful ? "positive" : "default");
}

export function askButton(question: string): SubmitAction {
  return submit(question, { action: "ask", text: question });
}

export function helpButton(title: string): SubmitAction {
  return submit(title, { action: "help" });
}
