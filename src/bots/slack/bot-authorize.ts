import type { Authorize, webApi } from "@slack/bolt";
import type { Logger } from "../../privacy/logger.js";
import { describeError } from "../describe-error.js";

interface BotIds {
  readonly botId?: string;
  readonly botUserId?: string;
}

const RETRY_AFTER_FAILURE_MS = 60_000;

export interface BotAuthorize {
  readonly authorize: Authorize<boolean>;
  /** Asks auth.test once in the background (a bad token shows in the log at start, nothing waits on it). */
  warm(): void;
}

/**
 * The single-workspace authorization without Bolt's traps: Bolt calls auth.test at construction
 * (an unhandled rejection when Slack is unreachable, cached for ever) or, with token verification
 * off, on every event. Here the bot's ids are asked once, lazily; a failure is logged and retried
 * a minute later, and events are still answered (our listeners skip bot messages by themselves).
 */
export function createBotAuthorize(token: string, client: webApi.WebClient, logger: Logger): BotAuthorize {
  let ids: Promise<BotIds> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  const lookUp = (): Promise<BotIds> => {
    if (ids) return ids;
    if (Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) return Promise.resolve({});
    const pending = client.auth.test({ token }).then(
      (r): BotIds => ({
        ...(typeof r.bot_id === "string" ? { botId: r.bot_id } : {}),
        ...(typeof r.user_id === "string" ? { botUserId: r.user_id } : {}),
      }),
      (err: unknown): BotIds => {
        logger.warn({ failure: describeError(err) }, "slack: auth.test failed; the bot token may be wrong");
        failedAt = Date.now();
        ids = undefined;
        return {};
      },
    );
    ids = pending;
    return pending;
  };
  return {
    authorize: async () => ({ botToken: token, ...(await lookUp()) }),
    warm() {
      void lookUp();
    },
  };
}
