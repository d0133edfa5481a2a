import type { InvokeResponse, TaskModuleResponse, TurnContext } from "botbuilder";
import { z } from "zod";
import type { Answer } from "../../engine/answer-model.js";
import { ask } from "../ask.js";
import { parseCardValue } from "./card-actions.js";
import { type CardAction, card, container, text } from "./card-elements.js";
import type { BotDeps } from "./handle-message.js";
import { lookupMsg } from "./messages.js";
import { answerMessage, cardAttachment, renderAnswerCard } from "./render-card.js";

/** The action command on a message (manifest composeExtensions, type action, context message). */
export const LOOKUP_COMMAND_ID = "lookUpMessage";
/** Teams keeps a message to 28 KB; the matcher reads far less. */
const MAX_TEXT = 2_000;

const messagePayloadSchema = z.looseObject({
  id: z.string().max(1024).optional(),
  body: z.looseObject({ contentType: z.string().max(32).optional(), content: z.string().optional() }).optional(),
});
const actionSchema = z.looseObject({
  commandId: z.string().max(64).optional(),
  messagePayload: messagePayloadSchema.optional(),
  data: z.unknown().optional(),
});
/** 「スレッドに共有」 in the dialog: what to answer again (the masked text only) and where. */
const shareSchema = z.object({
  action: z.literal("shareLookup"),
  topic: z.string().max(64),
  variant: z.string().max(64).optional(),
  fact: z.string().max(200).optional(),
  question: z.string().max(MAX_TEXT),
});
type ShareData = z.infer<typeof shareSchema>;

const ENTITIES: Readonly<Record<string, string>> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The message as plain text: Teams sends it as HTML (line breaks as <p>/<br>, mentions as <at>). */
export function messageText(body: { contentType?: string | undefined; content?: string | undefined } | undefined) {
  const content = (body?.content ?? "").slice(0, MAX_TEXT * 4);
  const plain =
    body?.contentType === "text"
      ? content
      : content
          .replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/giu, "\n")
          .replace(/<[^>]*>/gu, "")
          .replace(/&(nbsp|amp|lt|gt|quot|#39);/gu, (_m, e: string) => ENTITIES[e] ?? "");
  return plain.replace(/\s+/gu, " ").trim().slice(0, MAX_TEXT);
}

function shareButton(answer: Answer, question: string): CardAction {
  const data: ShareData = {
    action: "shareLookup",
    topic: answer.topic,
    ...(answer.variant !== undefined ? { variant: answer.variant } : {}),
    question,
  };
  return { type: "Action.Submit", title: lookupMsg.share, data, style: "positive" };
}

/** The dialog: a line saying what this is, the answer card's body, 「スレッドに共有」. */
function dialog(answer: Answer, question: string): TaskModuleResponse {
  const answerCard = renderAnswerCard(answer);
  const lead = container([text(lookupMsg.lead, { size: "small", isSubtle: true })]);
  const content = card([lead, ...answerCard.body], [shareButton(answer, question), ...(answerCard.actions ?? [])]);
  return {
    task: {
      type: "continue",
      value: { title: lookupMsg.title, width: "large", height: "large", card: cardAttachment(content) },
    },
  };
}

function message(value: string): TaskModuleResponse {
  return { task: { type: "message", value } };
}

/** `composeExtension/fetchTask` on a message: its text, masked first, answered in a dialog only the asker sees. */
export function lookUpMessage(deps: BotDeps, value: unknown): TaskModuleResponse {
  const parsed = actionSchema.safeParse(value);
  const payload = parsed.success ? parsed.data.messagePayload : undefined;
  const raw = messageText(payload?.body);
  if (raw === "") return message(lookupMsg.empty);
  const { answer, maskedText } = ask(deps, { channel: "teams", text: raw });
  return dialog(answer, maskedText);
}

async function share(context: TurnContext, deps: BotDeps, data: ShareData): Promise<InvokeResponse> {
  const { answer } = ask(deps, {
    channel: "teams",
    text: data.question,
    topic: data.topic,
    ...(data.variant !== undefined ? { variant: data.variant } : {}),
    ...(data.fact !== undefined ? { fact: data.fact } : {}),
  });
  // into the invoke's conversation: for a channel message, its thread (the id ends with ;messageid=…)
  await context.sendActivity(answerMessage(answer));
  return { status: 200 };
}

/**
 * `composeExtension/submitAction` from the dialog: 「スレッドに共有」 posts the answer where the message
 * is (a channel message's thread); a topic button answers that topic in the dialog; feedback is recorded.
 */
export async function submitLookup(context: TurnContext, deps: BotDeps, value: unknown): Promise<InvokeResponse> {
  const parsed = actionSchema.safeParse(value);
  const data = parsed.success ? parsed.data.data : undefined;
  const shareData = shareSchema.safeParse(data);
  if (shareData.success && deps.core.kb.topics.has(shareData.data.topic)) {
    return share(context, deps, shareData.data);
  }
  const card = parseCardValue(data, (id) => deps.core.kb.topics.has(id));
  if (card?.action === "topic") {
    const { answer } = ask(deps, {
      channel: "teams",
      text: "",
      topic: card.topic,
      ...(card.variant !== undefined ? { variant: card.variant } : {}),
      ...(card.fact !== undefined ? { fact: card.fact } : {}),
    });
    return { status: 200, body: dialog(answer, "") };
  }
  if (card?.action === "feedback") {
    deps.store.recordFeedback({ channel: "teams", topic: card.topic, helpful: card.helpful });
    return { status: 200, body: message(lookupMsg.feedbackThanks) };
  }
  return { status: 200, body: message(lookupMsg.invalid) };
}
