import type { App, MessageShortcut } from "@slack/bolt";
import { slackMsg } from "./messages.js";
import { answerQuestion, deliver, NO_UNFURL, plainMessage, type SlackDeps } from "./reply.js";
import { escapeMrkdwn, plainFromSlack } from "./slack-text.js";

/** The message shortcut 「ガイドで調べる」 (manifest features.shortcuts). */
export const LOOKUP_CALLBACK_ID = "onshi_lookup_message";

/**
 * 「ガイドで調べる」 on a colleague's message: its text (masked before anything reads it) answered only
 * to the person who asked, through the shortcut's response_url, with a button that shares the answer
 * in the message's thread.
 */
export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { type: "message_action", callback_id: LOOKUP_CALLBACK_ID },
    async ({ ack, shortcut, respond }) => {
      await ack();
      const text = plainFromSlack(shortcut.message.text ?? "");
      const thread = typeof shortcut.message.thread_ts === "string" ? shortcut.message.thread_ts : shortcut.message.ts;
      const message =
        text === ""
          ? plainMessage(slackMsg.lookupEmpty)
          : answerQuestion(deps, text, { shareInThread: thread, preface: escapeMrkdwn(slackMsg.lookupPreface) });
      await deliver(deps, "lookup", () => respond({ response_type: "ephemeral", ...message, ...NO_UNFURL }));
    },
  );
}
