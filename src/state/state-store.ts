/**
 * The one async interface for state that several instances of the assistant share: conversation
 * state, redelivery/retry de-duplication and rate-limit counters. Every entry expires on its own.
 * Values are JSON; callers store masked text only (never a 個人番号) and validate what they read.
 */
export interface StateStore {
  /** "memory": this process only; "redis": shared (falls back to this process while Redis is away). */
  readonly kind: "memory" | "redis";
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** True for the first claim of `key` within `ttlMs` (a platform's redelivery claims it again: false). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Adds one to the counter `key` (which lives `windowMs` from its first count); returns the new count. */
  increment(key: string, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** Every key the assistant writes starts with this (one Redis can serve other things too). */
export const KEY_PREFIX = "onshi:";

export const stateKeys = {
  conversation: (id: string) => `${KEY_PREFIX}conv:${id}`,
  delivery: (channel: string, id: string) => `${KEY_PREFIX}seen:${channel}:${id}`,
  rate: (scope: string, client: string, window: number) => `${KEY_PREFIX}rate:${scope}:${client}:${window}`,
} as const;

/** A TTL every store accepts: at least 1 ms, whole milliseconds. */
export const ttlOf = (ms: number) => Math.max(1, Math.floor(Number.isFinite(ms) ? ms : 1));
