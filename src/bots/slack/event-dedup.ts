import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../privacy/logger.js";

function eventIdOf(body: AnyMiddlewareArgs["body"]): string | undefined {
  const id = (body as { event_id?: unknown }).event_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Slack redelivers an event (X-Slack-Retry-Num) when it thinks the first delivery failed. Bolt has
 * already acknowledged it with 200 by the time this runs; a repeat stops here, answered once. The
 * ids are claimed in the shared store: with REDIS_URL a retry reaching another instance stops too.
 */
export function dropRepeatedEvents(
  firstTime: (eventId: string) => Promise<boolean>,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const id = eventIdOf(body);
    if (id !== undefined && !(await firstTime(id))) {
      logger.info({ retryNum: context.retryNum, retryReason: context.retryReason }, "slack: repeated event ignored");
      return;
    }
    await next();
  };
}
