import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../privacy/logger.js";

export interface SeenEvents {
  /** True the first time an id is seen within the window; false for a retry of it. */
  firstTime(id: string): boolean;
  readonly size: number;
}

/** Event ids remembered for `ttlMs`, at most `max` of them (the oldest forgotten first). */
export function createSeenEvents(ttlMs = 10 * 60_000, max = 10_000, clock: () => number = Date.now): SeenEvents {
  const seen = new Map<string, number>();
  const sweep = (now: number) => {
    for (const [id, expires] of seen) {
      if (expires > now && seen.size <= max) break;
      seen.delete(id);
    }
  };
  return {
    firstTime(id) {
      const now = clock();
      sweep(now);
      const expires = seen.get(id);
      if (expires !== undefined && expires > now) return false;
      seen.delete(id);
      seen.set(id, now + ttlMs);
      sweep(now);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

function eventIdOf(body: AnyMiddlewareArgs["body"]): string | undefined {
  const id = (body as { event_id?: unknown }).event_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Slack redelivers an event (X-Slack-Retry-Num) when it thinks the first delivery failed. Bolt has
 * already acknowledged it with 200 by the time this runs; a repeat stops here, answered once.
 */
export function dropRepeatedEvents(seen: SeenEvents, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const id = eventIdOf(body);
    if (id !== undefined && !seen.firstTime(id)) {
      logger.info({ retryNum: context.retryNum, retryReason: context.retryReason }, "slack: repeated event ignored");
      return;
    }
    await next();
  };
}
