import { ask } from "../ask.js";
import type { ChannelDeps } from "../channel-deps.js";
import { converse } from "../converse.js";
import { describeError } from "../describe-error.js";
import type { TopicPick } from "./action-values.js";
import { type RenderOptions, renderAnswerBlocks, type SlackMessage } from "./render-blocks.js";
import { escapeMrkdwn } from "./slack-text.js";

export type SlackDeps = Pick<ChannelDeps, "core" | "logger" | "store" | "http" | "now" | "conversations">;

/** Link previews off: an answer never unfurls a page. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** A question typed by a user: masked, answered, rendered (only the masked text is ever quoted back). */
export function answerQuestion(deps: SlackDeps, text: string, options: Omit<RenderOptions, "question"> = {}) {
  const outcome = ask(deps, { channel: "slack", text });
  return renderAnswerBlocks(outcome.answer, { ...options, question: outcome.maskedText });
}

/** A message in a DM or thread: read in its conversation (a greeting or thanks gets a short reply). */
export async function answerInConversation(deps: SlackDeps, text: string, conversation: string): Promise<SlackMessage> {
  const outcome = await converse(deps, { channel: "slack", conversation, text });
  if (outcome.kind === "reply") return plainMessage(outcome.text);
  return renderAnswerBlocks(outcome.answer, { question: outcome.maskedText });
}

/** A topic picked from a button in a DM or thread: answered, and remembered as the conversation's turn. */
export async function answerPickInConversation(
  deps: SlackDeps,
  pick: TopicPick,
  conversation: string,
): Promise<SlackMessage> {
  const outcome = await converse(deps, {
    channel: "slack",
    conversation,
    text: "",
    pick: {
      topic: pick.topic,
      ...(pick.variant !== undefined ? { variant: pick.variant } : {}),
      ...(pick.fact !== undefined ? { fact: pick.fact } : {}),
    },
  });
  return outcome.kind === "answer" ? renderAnswerBlocks(outcome.answer) : plainMessage(outcome.text);
}

/** A topic picked from a button; `question` is the masked question it came from, when known. */
export function answerPick(deps: SlackDeps, pick: TopicPick, question = "", options: RenderOptions = {}): SlackMessage {
  const outcome = ask(deps, {
    channel: "slack",
    text: question,
    topic: pick.topic,
    ...(pick.variant !== undefined ? { variant: pick.variant } : {}),
    ...(pick.fact !== undefined ? { fact: pick.fact } : {}),
  });
  return renderAnswerBlocks(outcome.answer, options);
}

export function plainMessage(text: string): SlackMessage {
  return {
    text: escapeMrkdwn(text),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(text) } }],
  };
}

/**
 * Sends a reply after the ack: tracked so shutdown waits for it, failures logged (kind and Slack's
 * error code only) and swallowed, so one failed reply never reaches Bolt's error path.
 */
export async function deliver(deps: SlackDeps, what: string, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await deps.http.track(send());
    return true;
  } catch (err) {
    deps.logger.warn({ what, failure: describeError(err) }, "slack: reply failed");
    return false;
  }
}
