import type { Activity } from "botbuilder";
import { z } from "zod";

const id = z.string().max(1024);
const word = z.string().max(64);
const properties = z.looseObject({});

// The SDK copies these into the reply and its serializer throws on a wrong type: the turn would
// fail after the answer was made, and even the apology could not be sent.
const account = z.looseObject({
  id: id.nullish(),
  name: id.nullish(),
  aadObjectId: id.nullish(),
  role: word.nullish(),
  properties: properties.nullish(),
});

const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: id.nullish(),
  channelId: word.nullish(),
  locale: word.nullish(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account.nullish(),
  recipient: account.nullish(),
  conversation: z.looseObject({
    id: id.min(1),
    name: id.nullish(),
    conversationType: word.nullish(),
    tenantId: id.nullish(),
    isGroup: z.boolean().nullish(),
    aadObjectId: id.nullish(),
    role: word.nullish(),
    properties: properties.nullish(),
  }),
  // read by the SDK's mention lookup and the welcome check
  entities: z
    .array(z.looseObject({ type: word }))
    .max(100)
    .nullish(),
  membersAdded: z.array(account).max(1000).nullish(),
});

const DATE_FIELDS = ["timestamp", "localTimestamp", "expiration"] as const;

/**
 * The request body as an Activity, or undefined when it cannot be one (no type, no conversation,
 * no serviceUrl to reply to, a field the reply echoes of the wrong type). Timestamps become Dates
 * as the SDK's own validator does.
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

/** A URL on this machine: the only place an unauthenticated bot may send its replies. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
