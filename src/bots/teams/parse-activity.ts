import type { Activity } from "botbuilder";
import { z } from "zod";

const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});

const DATE_FIELDS = ["timestamp", "localTimestamp", "expiration"] as const;

/**
 * The request body as an Activity, or undefined when it cannot be one (no type, no conversation,
 * no serviceUrl to reply to). Timestamps become Dates as the SDK's own validator does.
 */
export function parseActivity(body: unknown): Activity | undefined {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const activity: Record<string, unknown> = { ...parsed.data };
  for (const field of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === "string") {
      activity[`raw${field[0]?.toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  // the SDK types every field as present; the checks above cover what this channel relies on
  return activity as unknown as Activity;
}
