/** An error reduced to what a log line needs: SDK errors carry requests whose headers hold tokens. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 300) };
  const statusCode: unknown = (err as Error & { statusCode?: unknown }).statusCode;
  return {
    name: err.name,
    message: err.message.slice(0, 300),
    ...(typeof statusCode === "number" ? { statusCode } : {}),
    ...(err.stack ? { stack: err.stack.split("\n").slice(0, 8).join("\n") } : {}),
  };
}
