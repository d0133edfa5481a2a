import { format } from "node:util";
import type { Logger } from "../../privacy/logger.js";

/**
 * The Bot Framework SDK writes to the console itself (a stack of ~11 lines for each bad token):
 * that would reach stderr unmasked. While a Teams channel is mounted, console output whose caller
 * is the SDK goes through the masking logger instead, as one line without the stack; any other
 * console output is left as it was.
 */
const SDK_FRAME = /node_modules[\\/](?:botbuilder[^\\/]*|botframework-[^\\/]+)[\\/]/;
const METHODS = ["error", "warn", "log", "info", "debug", "trace"] as const;
type Method = (typeof METHODS)[number];

const loggers: Logger[] = [];
let originals: Record<Method, (...args: unknown[]) => void> | undefined;
const wrappers = new Map<Method, (...args: unknown[]) => void>();

function oneLine(args: unknown[]): string {
  const parts = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a));
  return format(...parts)
    .split("\n")[0]
    ?.slice(0, 300) as string;
}

function fromSdk(): boolean {
  // frames: this function, the wrapper, then the caller
  const stack = new Error().stack?.split("\n").slice(3, 6).join("\n") ?? "";
  return SDK_FRAME.test(stack);
}

/** Routes the SDK's console output to `logger` until the returned function is called. */
export function routeSdkConsole(logger: Logger): () => void {
  loggers.push(logger);
  if (!originals) {
    const saved = {} as Record<Method, (...args: unknown[]) => void>;
    for (const method of METHODS) {
      const original = console[method] as (...args: unknown[]) => void;
      saved[method] = original;
      const wrapper = (...args: unknown[]) => {
        const target = loggers.at(-1);
        if (target && fromSdk()) target.warn({ channel: "teams", sdk: method }, oneLine(args));
        else original.apply(console, args);
      };
      wrappers.set(method, wrapper);
      console[method] = wrapper;
    }
    originals = saved;
  }
  return () => {
    const i = loggers.lastIndexOf(logger);
    if (i >= 0) loggers.splice(i, 1);
    if (loggers.length === 0 && originals) {
      // put back only what is still ours (someone may have replaced console meanwhile)
      for (const method of METHODS) if (console[method] === wrappers.get(method)) console[method] = originals[method];
      originals = undefined;
      wrappers.clear();
    }
  };
}
