import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../privacy/logger.js";
import { describeError } from "../describe-error.js";

function split(parts: readonly unknown[]): { msg: string; errors: Record<string, unknown>[] } {
  const texts: string[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const part of parts) {
    if (typeof part === "string") texts.push(part.slice(0, 500));
    else if (part instanceof Error) errors.push(describeError(part));
  }
  return { msg: `slack: ${texts.join(" ")}`.trim(), errors };
}

/**
 * Bolt, the Web API client and the Socket Mode client log through this: warnings and errors go to
 * the masking logger; info and debug are dropped (at debug the SDK logs whole message bodies).
 * Objects other than errors are dropped too: they may be request bodies.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const forward = (level: "warn" | "error", parts: readonly unknown[]) => {
    const { msg, errors } = split(parts);
    logger[level](errors.length > 0 ? { errors } : {}, msg);
  };
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => forward("warn", parts),
    error: (...parts: unknown[]) => forward("error", parts),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}
