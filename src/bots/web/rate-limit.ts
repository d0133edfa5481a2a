export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counters per client, behind this small interface so they can move onto a shared store later:
 * `take` spends one unit when one is there, `charge` spends any amount (a balance may go below
 * zero: then `allow` refuses until it has refilled).
 */
export interface RateLimiter {
  take(key: string, nowMs?: number): RateDecision;
  /** ok while the balance holds `need` (default: anything above zero); spends nothing. */
  allow(key: string, nowMs?: number, need?: number): RateDecision;
  charge(key: string, amount: number, nowMs?: number): void;
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client holding up to `capacity` units, refilled by `perSecond`. The map keeps
 * at most `maxClients` buckets, dropping the least recently seen (a full bucket is the same as none).
 */
export function createBuckets(capacity: number, perSecond: number, maxClients = 10_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perSecond / 1000;
  const refill = (key: string, nowMs: number): Bucket => {
    const found = buckets.get(key);
    const bucket: Bucket = found
      ? { tokens: Math.min(capacity, found.tokens + (nowMs - found.at) * perMs), at: nowMs }
      : { tokens: capacity, at: nowMs };
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxClients) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return bucket;
  };
  const refused = (missing: number): RateDecision => ({
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil(missing / perMs / 1000)),
  });
  return {
    take(key, nowMs = Date.now()) {
      const bucket = refill(key, nowMs);
      if (bucket.tokens < 1) return refused(1 - bucket.tokens);
      bucket.tokens -= 1;
      return { ok: true };
    },
    allow(key, nowMs = Date.now(), need = Number.EPSILON) {
      const bucket = refill(key, nowMs);
      return bucket.tokens >= need ? { ok: true } : refused(need - bucket.tokens);
    },
    charge(key, amount, nowMs = Date.now()) {
      refill(key, nowMs).tokens -= amount;
    },
    get size() {
      return buckets.size;
    },
  };
}

/** `perMinute` requests in a burst, refilled evenly over a minute. */
export function createRateLimiter(perMinute: number, maxClients = 10_000): RateLimiter {
  return createBuckets(perMinute, perMinute / 60, maxClients);
}
