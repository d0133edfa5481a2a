import type { App } from "@slack/bolt";
import { slackMsg } from "./messages.js";
import { answerInMessagesTab } from "./on-assistant.js";
import { answerInConversation, deliver, NO_UNFURL, plainMessage, type SlackDeps } from "./reply.js";
import { plainFromSlack } from "./slack-text.js";

interface Incoming {
  readonly subtype?: string | undefined;
  readonly bot_id?: string | undefined;
  readonly edited?: unknown;
  readonly user?: string | undefined;
}

/** Bots (ourselves included), edits and every subtype (joins, deletions, file shares…) get no answer. */
export function isFromPerson(event: Incoming, botUserId: string | undefined): boolean {
  if (event.subtype !== undefined || event.bot_id !== undefined || event.edited !== undefined) return false;
  return event.user !== undefined && event.user !== botUserId;
}

/** A DM, or a thread (an @mention starts one), is one conversation. */
async function replyFor(deps: SlackDeps, rawText: string | undefined, conversation: string) {
  const text = plainFromSlack(rawText ?? "");
  return text === "" ? plainMessage(slackMsg.emptyQuestion) : answerInConversation(deps, text, conversation);
}

/** @mentions are answered in their thread; messages in the app's Messages tab in theirs (on-assistant.ts). */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    if (!isFromPerson(event, context.botUserId)) return;
    const message = await replyFor(deps, event.text, `${event.channel}:${event.thread_ts ?? event.ts}`);
    await deliver(deps, "mention", () =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...message,
        ...NO_UNFURL,
      }),
    );
  });

  app.message(async ({ message, context, client }) => {
    if (message.subtype !== undefined || message.channel_type !== "im") return;
    if (!isFromPerson(message, context.botUserId)) return;
    // The Messages tab is one conversation with the app: each message's answer goes into that
    // message's thread (agent view), and a follow-up keeps its context in the thread or below it.
    await answerInMessagesTab(deps, client, message, () => replyFor(deps, message.text, `${message.channel}:`));
  });
}
