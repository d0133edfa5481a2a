export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string, nowMs?: number): RateDecision;
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: `perMinute` requests in a burst, refilled evenly over a minute. The
 * map keeps at most `maxClients` buckets, dropping the least recently seen (a full bucket is the
 * same as none).
 */
export function createRateLimiter(perMinute: number, maxClients = 10_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return {
    take(key, nowMs = Date.now()) {
      const found = buckets.get(key);
      const bucket: Bucket = found
        ? { tokens: Math.min(perMinute, found.tokens + (nowMs - found.at) * perMs), at: nowMs }
        : { tokens: perMinute, at: nowMs };
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
    get size() {
      return buckets.size;
    },
  };
}
