import type { App } from "@slack/bolt";
import { slackMsg } from "./messages.js";
import { answerInMessagesTab } from "./on-assistant.js";
import { answerQuestion, deliver, NO_UNFURL, plainMessage, type SlackDeps } from "./reply.js";
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

function replyFor(deps: SlackDeps, rawText: string | undefined) {
  const text = plainFromSlack(rawText ?? "");
  return text === "" ? plainMessage(slackMsg.emptyQuestion) : answerQuestion(deps, text);
}

/** @mentions are answered in their thread; messages in the app's Messages tab in theirs (on-assistant.ts). */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, context, client }) => {
    if (!isFromPerson(event, context.botUserId)) return;
    const message = replyFor(deps, event.text);
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
    await answerInMessagesTab(deps, client, message, () => replyFor(deps, message.text));
  });
}
