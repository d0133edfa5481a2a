import type { App, webApi } from "@slack/bolt";
import { slackMsg } from "./messages.js";
import type { SlackMessage } from "./render-blocks.js";
import { deliver, NO_UNFURL, type SlackDeps } from "./reply.js";
import { suggestedPrompts } from "./suggested-prompts.js";

/** A message written in the app's Messages tab (a DM with the app). */
export interface TabMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string | undefined;
}

/**
 * The agent messaging experience (manifest `features.agent_view`). Opening the Messages tab sets the
 * suggested prompts: without thread_ts, which only the legacy assistant view takes (an agent app's
 * call with it fails silently: docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts).
 */
export function registerAgentView(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "messages" || !event.channel) return;
    await deliver(deps, "suggested prompts", () =>
      client.assistant.threads.setSuggestedPrompts({
        channel_id: event.channel,
        title: slackMsg.promptsTitle,
        prompts: suggestedPrompts(deps.core.kb),
      }),
    );
  });
}

/** The thread a Messages-tab message belongs to: its own, when it starts one. */
export const tabThread = (message: TabMessage): string => message.thread_ts ?? message.ts;

/**
 * Each message in the Messages tab starts its own thread (a reply in a thread continues it): a short
 * status in that thread while the answer is made, then the answer there (posting it clears the status).
 */
export async function answerInMessagesTab(
  deps: SlackDeps,
  client: webApi.WebClient,
  message: TabMessage,
  answer: () => SlackMessage | Promise<SlackMessage>,
): Promise<void> {
  const where = { channel_id: message.channel, thread_ts: tabThread(message) };
  await deliver(deps, "status", () => client.assistant.threads.setStatus({ ...where, status: slackMsg.status }));
  const reply = await answer();
  const sent = await deliver(deps, "direct message", () =>
    client.chat.postMessage({ channel: where.channel_id, thread_ts: where.thread_ts, ...reply, ...NO_UNFURL }),
  );
  if (!sent) await deliver(deps, "status cleared", () => client.assistant.threads.setStatus({ ...where, status: "" }));
}
