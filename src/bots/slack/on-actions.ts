import type { App, BlockAction, ButtonAction, RespondFn, webApi } from "@slack/bolt";
import { ACTION_PATTERN, parseFeedbackValue, parseShareValue, parseTopicValue } from "./action-values.js";
import { slackMsg } from "./messages.js";
import type { SlackMessage } from "./render-blocks.js";
import { answerPick, answerPickInConversation, deliver, NO_UNFURL, plainMessage, type SlackDeps } from "./reply.js";

const SLACK_USER_ID = /^[UW][A-Z0-9]{1,30}$/;

/**
 * Where the answer to a clicked button goes: the same thread for a message in a conversation, the
 * asker only for an ephemeral answer, the app's DM for a button on the App Home tab.
 */
function sendNear(body: BlockAction, client: webApi.WebClient, respond: RespondFn, message: SlackMessage) {
  const container = body.container as { type?: unknown; is_ephemeral?: unknown };
  if (container.type === "view") {
    return () => client.chat.postMessage({ channel: body.user.id, ...message, ...NO_UNFURL });
  }
  if (container.is_ephemeral === true || !body.message || !body.channel) {
    return () => respond({ response_type: "ephemeral", replace_original: false, ...message, ...NO_UNFURL });
  }
  const { channel, message: original } = body;
  const threadTs = typeof original.thread_ts === "string" ? original.thread_ts : original.ts;
  return () => client.chat.postMessage({ channel: channel.id, thread_ts: threadTs, ...message, ...NO_UNFURL });
}

/** The conversation a button's message belongs to (as on-messages names it: channel and thread), if any. */
function conversationOf(body: BlockAction): string | undefined {
  const container = body.container as { type?: unknown; is_ephemeral?: unknown };
  if (container.type === "view" || container.is_ephemeral === true || !body.message || !body.channel) return undefined;
  const thread = typeof body.message.thread_ts === "string" ? body.message.thread_ts : "";
  return `${body.channel.id}:${thread}`;
}

/** Clarifying choices, related topics, did-you-mean, feedback and 「チャンネルに共有」. */
export function registerActions(app: App, deps: SlackDeps): void {
  const isTopic = (id: string) => deps.core.kb.topics.has(id);
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERN.topic },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const pick = parseTopicValue(action.value, isTopic);
      const conversation = conversationOf(body);
      // A choice picked in a conversation is its next turn: a follow-up after it is read in its light.
      const message = !pick
        ? plainMessage(slackMsg.invalidButton)
        : conversation
          ? await answerPickInConversation(deps, pick, conversation)
          : answerPick(deps, pick);
      await deliver(deps, "topic button", sendNear(body, client, respond, message));
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERN.feedback },
    async ({ ack, body, action, respond }) => {
      await ack();
      const feedback = parseFeedbackValue(action.value, isTopic);
      if (!feedback) return;
      deps.store.recordFeedback({ channel: "slack", topic: feedback.topic, helpful: feedback.helpful });
      if (!body.response_url) return;
      const thanks = plainMessage(feedback.helpful ? slackMsg.feedbackThanks : slackMsg.feedbackSorry);
      await deliver(deps, "feedback", () =>
        respond({ response_type: "ephemeral", replace_original: false, ...thanks }),
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERN.share },
    async ({ ack, body, action, respond }) => {
      await ack();
      const pick = parseShareValue(action.value, isTopic);
      if (!pick) {
        await deliver(deps, "share", () =>
          respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(slackMsg.invalidButton) }),
        );
        return;
      }
      const preface = SLACK_USER_ID.test(body.user.id) ? slackMsg.sharedBy(body.user.id) : undefined;
      const message = answerPick(deps, pick, pick.question, preface ? { preface } : {});
      const shared = await deliver(deps, "share", () =>
        respond({
          response_type: "in_channel",
          replace_original: false,
          ...(pick.thread !== undefined ? { thread_ts: pick.thread } : {}),
          ...message,
          ...NO_UNFURL,
        }),
      );
      if (shared) await deliver(deps, "share cleanup", () => respond({ delete_original: true }));
    },
  );

  app.action({ type: "block_actions", action_id: ACTION_PATTERN.other }, async ({ ack }) => {
    await ack();
  });
}
