import type { App } from "@slack/bolt";
import { slackMsg } from "./messages.js";
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

/** @mentions are answered in their thread; direct messages where they were written. */
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
    const reply = await replyFor(deps, message.text, `${message.channel}:${message.thread_ts ?? ""}`);
    await deliver(deps, "direct message", () =>
      client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
        ...reply,
        ...NO_UNFURL,
      }),
    );
  });
}
