import { type DestinationStream, type LevelWithSilentOrString, type Logger as PinoLogger, pino } from "pino";
import { maskPersonalData } from "./mask.js";
import { mayNeedMinimizing, minimizePersonalData } from "./minimize.js";

export type Logger = PinoLogger;

export interface LoggerOptions {
  readonly level: LevelWithSilentOrString;
  /** Defaults to standard output; tests pass a stream to capture the JSON lines. */
  readonly destination?: DestinationStream;
}

export const REDACTED = "[redacted]";

const SECRET_KEYS = [
  "authorization",
  "token",
  "secret",
  "password",
  "signingSecret",
  "botToken",
  "appToken",
  "response_url",
  "responseUrl",
  "rawBody",
  "body",
] as const;
const SECRET_KEY_SET = new Set<string>(SECRET_KEYS.map((k) => k.toLowerCase()));

function maskNumber(n: number): number | string {
  const masked = maskPersonalData(String(n));
  return masked.found.myNumber + masked.found.twelveDigit > 0 ? masked.text : n;
}

/** pino's own fields: a time is not a birth date, a pid is not a 個人番号. */
const PINO_FIELDS = new Set(["level", "time", "pid", "hostname"]);

/** Every string through minimizePersonalData (keys through maskPersonalData); secret keys censored at any depth. */
function maskValue(value: unknown, top = false): unknown {
  if (typeof value === "string") return minimizePersonalData(value).text;
  if (typeof value === "number") return maskNumber(value);
  if (Array.isArray(value)) return value.map((v) => maskValue(v));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (top && PINO_FIELDS.has(key)) out[key] = v;
      else out[maskPersonalData(key).text] = SECRET_KEY_SET.has(key.toLowerCase()) ? REDACTED : maskValue(v);
    }
    return out;
  }
  return value;
}

const PINO_HEADER = /^\{"level":\d+,"time":\d+,"pid":\d+,"hostname":"[^"]*"/;

const SECRET_KEY = new RegExp(`"(?:${SECRET_KEYS.join("|")})"\\s*:`, "i");

/** False only when no masking or censoring rule can apply: then the line is written as pino made it. */
function mayHoldPersonalData(line: string): boolean {
  const body = line.replace(PINO_HEADER, "");
  return mayNeedMinimizing(body) || SECRET_KEY.test(body);
}

// Last stop before the stream: sees the message after interpolation, child bindings, mixins and serialized errors.
function maskLine(line: string): string {
  if (!mayHoldPersonalData(line)) return line;
  try {
    return `${JSON.stringify(maskValue(JSON.parse(line), true))}\n`;
  } catch {
    return `${minimizePersonalData(line.trimEnd()).text}\n`;
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const pinoOptions = {
    level: options.level,
    // Secret keys are censored at any depth by maskLine (pino's redact would only repeat it for two levels).
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    hooks: { streamWrite: maskLine },
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
}
