import { type StateStore, stateKeys } from "./state-store.js";

export type SharedRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SharedRateLimiter {
  take(client: string, nowMs?: number): Promise<SharedRateDecision>;
}

const WINDOW_MS = 60_000;

/**
 * `perMinute` requests per client per clock minute, counted in the shared store: with REDIS_URL
 * a client spread over several instances is limited once, not once per instance.
 */
export function createSharedRateLimiter(store: StateStore, scope: string, perMinute: number): SharedRateLimiter {
  return {
    async take(client, nowMs = Date.now()) {
      const window = Math.floor(nowMs / WINDOW_MS);
      const count = await store.increment(stateKeys.rate(scope, client, window), WINDOW_MS + 1_000);
      if (count <= perMinute) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - nowMs) / 1000)) };
    },
  };
}
