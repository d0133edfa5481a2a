import type { App } from "@slack/bolt";
import { slackMsg } from "./messages.js";
import { answerQuestion, deliver, NO_UNFURL, plainMessage, type SlackDeps } from "./reply.js";
import { plainFromSlack } from "./slack-text.js";

export const SLASH_COMMAND = "/onshi";

/** `/onshi 質問`: acknowledged at once, then answered only to the asker, with a button to share it. */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const text = plainFromSlack(command.text ?? "");
    const message =
      text === ""
        ? plainMessage(`${slackMsg.emptyQuestion}\n${slackMsg.commandUsage}`)
        : answerQuestion(deps, text, { shareable: true });
    await deliver(deps, "command", () => respond({ response_type: "ephemeral", ...message, ...NO_UNFURL }));
  });

  // another command pointed at this URL by mistake: answered with the usage instead of Slack's timeout error
  app.command(/^(?!\/onshi$)/, async ({ ack }) => {
    await ack({ response_type: "ephemeral", text: slackMsg.commandUsage });
  });
}
