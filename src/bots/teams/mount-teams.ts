import type { TurnContext } from "botbuilder";
import { callCenterOf } from "../../engine/outage.js";
import type { ChannelDeps, MountedChannel } from "../channel-deps.js";
import { describeError } from "../describe-error.js";
import { safeRoute } from "../http-server.js";
import { readJsonBody } from "../read-body.js";
import { isConnectorUnavailable } from "./bounded-connector.js";
import { teamsMsg } from "./messages.js";
import { isLoopbackUrl, parseActivity } from "./parse-activity.js";
import { routeSdkConsole } from "./sdk-console.js";
import { boundSigningKeyDownloads } from "./signing-keys.js";
import { createAuthentication, TeamsAdapter } from "./teams-adapter.js";
import { createTeamsBot } from "./teams-bot.js";

export const TEAMS_ROUTE = "/api/messages";
const MAX_BODY_BYTES = 256 * 1024;

function callCenterText(deps: ChannelDeps): string | undefined {
  const line = callCenterOf(deps.core.kb);
  return line ? `${line.name}（${line.phone}）` : undefined;
}

function createAdapter(deps: ChannelDeps): TeamsAdapter {
  const adapter = new TeamsAdapter(createAuthentication(deps.config));
  const apology = teamsMsg.turnError(callCenterText(deps));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const type = context.activity.type;
    const err = describeError(error);
    if (isConnectorUnavailable(error)) {
      // an apology would go through the connector that just failed: one line, no second attempt
      deps.logger.error({ channel: "teams", type, err }, "teams: connector unavailable, reply not delivered");
      return;
    }
    deps.logger.error({ channel: "teams", type, err }, "teams: turn failed");
    try {
      if (type === "invoke") await context.sendActivity({ type: "invokeResponse", value: { status: 500 } });
      else if (type === "message") await context.sendActivity(apology);
    } catch (err) {
      deps.logger.error({ channel: "teams", err: describeError(err) }, "teams: apology not delivered");
    }
  };
  return adapter;
}

/**
 * The Teams bot on POST /api/messages. Without MicrosoftAppId it runs unauthenticated (local
 * development and the Bot Framework Emulator); config refuses that in production.
 */
export function mountTeams(deps: ChannelDeps): MountedChannel {
  const { config, logger, http } = deps;
  boundSigningKeyDownloads((reason) =>
    logger.error({ channel: "teams", reason }, "teams: signing keys could not be fetched"),
  );
  const unrouteConsole = routeSdkConsole(logger);
  const adapter = createAdapter(deps);
  const bot = createTeamsBot(deps, { allowedTenants: config.TEAMS_ALLOWED_TENANTS });

  http.server.post(
    TEAMS_ROUTE,
    safeRoute(logger, async (req, res) => {
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      if (!body.ok) {
        res.send(body.status, { error: body.message });
        return;
      }
      const activity = parseActivity(body.value);
      if (!activity) {
        res.send(400, { error: teamsMsg.badRequest });
        return;
      }
      if (!config.MicrosoftAppId && !isLoopbackUrl(activity.serviceUrl)) {
        // without authentication, a caller could make the bot POST anywhere it can reach
        logger.warn({ channel: "teams" }, "teams: serviceUrl not on this machine, refused (authentication is off)");
        res.send(400, { error: teamsMsg.badRequest });
        return;
      }
      req.body = activity;
      const authHeader = String(req.headers.authorization ?? "");
      const outcome = await http.track(adapter.handle(authHeader, activity, bot));
      if (outcome.kind === "busy") {
        res.header("Retry-After", "1");
        res.send(503, { error: teamsMsg.busy });
        return;
      }
      if (outcome.kind === "unauthorized") {
        logger.warn({ channel: "teams", reason: outcome.reason.slice(0, 200) }, "teams: request rejected");
        res.send(401, { error: teamsMsg.unauthorized });
        return;
      }
      if (outcome.body === undefined) res.send(outcome.status);
      else res.send(outcome.status, outcome.body);
    }),
  );

  if (!config.MicrosoftAppId) logger.warn({ channel: "teams" }, "teams: no MicrosoftAppId, authentication is off");
  return {
    name: "Teams",
    description: config.MicrosoftAppId
      ? teamsMsg.bannerAuth(config.MicrosoftAppId, config.TEAMS_ALLOWED_TENANTS.length)
      : teamsMsg.bannerNoAuth,
    async stop() {
      adapter.abortTurns();
      unrouteConsole();
    },
  };
}
