import type { Activity, TurnContext } from "botbuilder";
import type { TopicId } from "../../knowledge/schema.js";
import type { ChannelDeps } from "../channel-deps.js";
import { converse } from "../converse.js";
import { describeError } from "../describe-error.js";
import { type CardValue, parseCardValue } from "./card-actions.js";
import { isHelpCommand, questionText } from "./message-text.js";
import { teamsMsg } from "./messages.js";
import { answerMessage, cardAttachment } from "./render-card.js";
import { renderHelpCard } from "./static-cards.js";
import { typingWhileSlow } from "./typing.js";

export type BotDeps = Pick<ChannelDeps, "core" | "logger" | "store" | "now" | "state" | "conversations">;

interface Picked {
  readonly text: string;
  readonly topic?: TopicId;
  readonly variant?: string;
  readonly fact?: string;
}

/** Replies go into the conversation of the activity: in a channel, its thread. */
async function reply(context: TurnContext, activity: Partial<Activity>): Promise<void> {
  const id = context.activity.id;
  await context.sendActivity(id ? { ...activity, replyToId: id } : activity);
}

async function sendHelp(context: TurnContext, deps: BotDeps): Promise<void> {
  await reply(context, { type: "message", attachments: [cardAttachment(renderHelpCard(deps.core.kb))] });
}

/** A Teams conversation (a channel thread has its own id: `…;messageid=…`) is one conversation. */
async function answer(context: TurnContext, deps: BotDeps, picked: Picked): Promise<void> {
  const outcome = await typingWhileSlow(
    context,
    () =>
      converse(deps, {
        channel: "teams",
        conversation: context.activity.conversation?.id ?? "",
        text: picked.text,
        ...(picked.topic
          ? {
              pick: {
                topic: picked.topic,
                ...(picked.variant !== undefined ? { variant: picked.variant } : {}),
                ...(picked.fact !== undefined ? { fact: picked.fact } : {}),
              },
            }
          : {}),
      }),
    (err) => deps.logger.warn({ channel: "teams", err: describeError(err) }, "teams: typing not delivered"),
  );
  await reply(
    context,
    outcome.kind === "answer" ? answerMessage(outcome.answer) : { type: "message", text: outcome.text },
  );
}

async function handleCardValue(context: TurnContext, deps: BotDeps, value: CardValue): Promise<void> {
  switch (value.action) {
    case "topic":
      return answer(context, deps, {
        text: "",
        topic: value.topic,
        ...(value.variant !== undefined ? { variant: value.variant } : {}),
        ...(value.fact !== undefined ? { fact: value.fact } : {}),
      });
    case "ask":
      return answer(context, deps, { text: value.text });
    case "help":
      return sendHelp(context, deps);
    case "feedback": {
      deps.store.recordFeedback({ channel: "teams", topic: value.topic, helpful: value.helpful });
      deps.logger.info({ channel: "teams", topic: value.topic, helpful: value.helpful }, "feedback");
      await reply(context, { type: "message", text: value.helpful ? teamsMsg.feedbackThanks : teamsMsg.feedbackSorry });
      return;
    }
  }
}

/** A message: a card button (a `value` without text), the help command, or a question. */
export async function handleMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  const activity = context.activity;
  const text = questionText(activity);
  if (activity.value !== undefined && text === "") {
    const value = parseCardValue(activity.value, (id) => deps.core.kb.topics.has(id));
    if (value) return handleCardValue(context, deps, value);
    deps.logger.info({ channel: "teams" }, "teams: unknown card value");
    return sendHelp(context, deps);
  }
  if (text === "") {
    await reply(context, { type: "message", text: teamsMsg.emptyQuestion });
    return;
  }
  if (isHelpCommand(text)) return sendHelp(context, deps);
  return answer(context, deps, { text });
}
