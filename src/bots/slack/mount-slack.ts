import { slackEnabled } from "../../config.js";
import { stateKeys } from "../../state/state-store.js";
import type { ChannelDeps, MountedChannel } from "../channel-deps.js";
import { describeError } from "../describe-error.js";
import { safeRoute } from "../http-server.js";
import { createBoltLogger } from "./bolt-logger.js";
import { dropRepeatedEvents } from "./event-dedup.js";
import { slackMsg } from "./messages.js";
import { registerActions } from "./on-actions.js";
import { registerAgentView } from "./on-assistant.js";
import { registerCommand } from "./on-command.js";
import { registerHome } from "./on-home.js";
import { registerMessageListeners } from "./on-messages.js";
import { registerShortcuts } from "./on-shortcut.js";
import { createSlackApp } from "./slack-app.js";
import { REPLAY_WINDOW_MS, SLACK_EVENTS_PATH, slackEventsRoute } from "./slack-route.js";

/** How long start-up waits for the Socket Mode connection before going on without it (it keeps trying). */
const SOCKET_START_WAIT_MS = 15_000;

function listenUrl(deps: ChannelDeps): string {
  const address = deps.http.server.server.address();
  const port = typeof address === "object" && address ? address.port : deps.config.PORT;
  const host = deps.config.HOST.includes(":") ? `[${deps.config.HOST}]` : deps.config.HOST;
  return `http://${host}:${port}${SLACK_EVENTS_PATH}`;
}

/** A wrong app token fails start-up with Slack's error code; a slow connection is waited for 15 s at most. */
async function startSocketMode(start: () => Promise<unknown>, deps: ChannelDeps): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<"waited">((resolve) => {
    timer = setTimeout(() => resolve("waited"), SOCKET_START_WAIT_MS);
  });
  const started = start().then(
    () => "started" as const,
    (err: unknown) => ({ failure: describeError(err) }),
  );
  const outcome = await Promise.race([started, waited]);
  clearTimeout(timer);
  if (outcome === "waited") {
    deps.logger.warn("slack: Socket Mode is still connecting; the server starts without waiting");
    void started.then((late) => {
      if (late !== "started") deps.logger.error(late, "slack: Socket Mode could not connect");
    });
    return;
  }
  if (outcome !== "started") {
    const { failure } = outcome;
    throw new Error(slackMsg.socketStartFailed(String(failure.slackError ?? failure.code ?? failure.name)));
  }
}

/**
 * The Slack channel, when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set: POST /slack/events on the
 * shared server, or Socket Mode (no public URL) when SLACK_APP_TOKEN is set too.
 */
/** Slack retries an event for a few minutes at most; its id is remembered this long. */
const RETRY_TTL_MS = 10 * 60_000;

export async function mountSlack(deps: ChannelDeps): Promise<MountedChannel | undefined> {
  const { config, logger } = deps;
  const botToken = config.SLACK_BOT_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (!slackEnabled(config) || !botToken || !signingSecret) return undefined;

  const slack = createSlackApp({ config, logger, boltLogger: createBoltLogger(logger), botToken, signingSecret });
  const { app } = slack;
  app.use(dropRepeatedEvents((id) => deps.state.claim(stateKeys.delivery("slack", id), RETRY_TTL_MS), logger));
  registerMessageListeners(app, deps);
  registerCommand(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
  registerAgentView(app, deps);
  registerShortcuts(app, deps);
  slack.warm();

  if (slack.httpReceiver) {
    // Replays are remembered in the shared store: one sent to another instance is not run again either.
    const firstTime = (signature: string) =>
      deps.state.claim(stateKeys.delivery("slack-signature", signature), REPLAY_WINDOW_MS);
    deps.http.server.post(SLACK_EVENTS_PATH, safeRoute(logger, slackEventsRoute(slack.httpReceiver, firstTime)));
    return {
      name: "slack",
      get description() {
        return slackMsg.bannerHttp(listenUrl(deps));
      },
    };
  }
  await startSocketMode(() => app.start(), deps);
  return {
    name: "slack",
    description: slackMsg.bannerSocket,
    stop: async () => {
      await app.stop();
    },
  };
}
