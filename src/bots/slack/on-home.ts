import type { App } from "@slack/bolt";
import { lineStatus, toJst } from "../../engine/line-status.js";
import { formatJstMoment } from "../../engine/messages.js";
import { renderHome } from "./render-home.js";
import { deliver, type SlackDeps } from "./reply.js";

/** The App Home tab, rebuilt each time it is opened so the phone lines' status is current. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const now = deps.now?.() ?? new Date();
    const { day, minutes } = toJst(now);
    const view = renderHome({
      topics: deps.core.kb.topics.values(),
      lines: [...deps.core.kb.phoneLines.values()].map((line) => lineStatus(line, now)),
      at: formatJstMoment(day.m, day.d, day.dow, minutes),
      citation: deps.core.kb.citation,
    });
    await deliver(deps, "home", () => client.views.publish({ user_id: event.user, view }));
  });
}
