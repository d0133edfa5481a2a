import type { Activity, ConfigurationBotFrameworkAuthentication } from "botbuilder";

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
export type ConnectorFactory = NonNullable<AuthResult["connectorFactory"]>;
type Conversations = Awaited<ReturnType<ConnectorFactory["create"]>>["conversations"];

/**
 * Bounds on a turn's calls to the Bot Connector. The SDK sets no timeout (a silent connector holds the
 * turn, and the HTTP response Teams waits for, forever) and honours any Retry-After.
 */
export interface OutboundLimits {
  /** One HTTP attempt, until the response headers arrive. */
  readonly attemptMs: number;
  /** All calls of one turn, the SDK's retries and their waits included (Teams gives up at 15 s). */
  readonly turnMs: number;
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { attemptMs: 5_000, turnMs: 8_000 };

/** The only two calls the SDK makes to send a turn's activities, given the deadline and a per-attempt timeout. */
function bindConversations(conversations: Conversations, signal: AbortSignal, attemptMs: number): void {
  const options = { abortSignal: signal, timeout: attemptMs };
  const reply = conversations.replyToActivity.bind(conversations);
  const send = conversations.sendToConversation.bind(conversations);
  Object.assign(conversations, {
    replyToActivity: (conversationId: string, activityId: string, activity: Partial<Activity>) =>
      reply(conversationId, activityId, activity, options),
    sendToConversation: (conversationId: string, activity: Partial<Activity>) =>
      send(conversationId, activity, options),
  });
}

/** The SDK's connector factory, its clients bound to `signal` (the turn's deadline) and `attemptMs`. */
export function boundConnectorFactory(
  factory: ConnectorFactory,
  signal: AbortSignal,
  attemptMs: number,
): ConnectorFactory {
  return {
    async create(serviceUrl, audience) {
      const client = await factory.create(serviceUrl, audience);
      bindConversations(client.conversations, signal, attemptMs);
      return client;
    },
  };
}

const UNREACHABLE_CODES = new Set(["REQUEST_SEND_ERROR", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND"]);

/**
 * The Bot Connector failed to take the activity (5xx, 429, 408, timeout, network): an apology
 * through the same connector would fail the same way. A 4xx means it refused this content.
 */
export function isConnectorUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "AbortError") return true;
  const { statusCode, code } = err as Error & { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === "number") return statusCode >= 500 || statusCode === 429 || statusCode === 408;
  return typeof code === "string" && UNREACHABLE_CODES.has(code);
}
