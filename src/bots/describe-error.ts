/**
 * An error reduced to what a log line needs (the logger masks it further): SDK errors carry the
 * request, whose headers hold tokens, so they are never logged whole.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 300) };
  const e = err as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown }; retryAfter?: unknown };
  return {
    name: e.name,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
    ...(typeof e.statusCode === "number" ? { statusCode: e.statusCode } : {}),
    ...(typeof e.retryAfter === "number" ? { retryAfter: e.retryAfter } : {}),
    message: e.message.slice(0, 300),
    ...(e.stack ? { stack: e.stack.split("\n").slice(0, 8).join("\n") } : {}),
  };
}
