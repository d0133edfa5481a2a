import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/state/memory-store.js";
import { createSharedRateLimiter } from "../../src/state/shared-rate-limit.js";

describe("rate-limit counters in the shared store", () => {
  it("allows perMinute requests per client per minute, then says when to retry", async () => {
    let t = 120_000;
    const store = createMemoryStore({ now: () => t });
    const limiter = createSharedRateLimiter(store, "ask", 3);
    for (let i = 0; i < 3; i++) expect(await limiter.take("10.0.0.1", t)).toEqual({ ok: true });
    expect(await limiter.take("10.0.0.1", t + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(await limiter.take("10.0.0.2", t)).toEqual({ ok: true });
    t += 60_000;
    expect(await limiter.take("10.0.0.1", t)).toEqual({ ok: true });
  });

  it("two limiters on one store (two instances on one Redis) share the count", async () => {
    const store = createMemoryStore();
    const a = createSharedRateLimiter(store, "ask", 2);
    const b = createSharedRateLimiter(store, "ask", 2);
    const now = 1_000_000;
    expect((await a.take("c", now)).ok).toBe(true);
    expect((await b.take("c", now)).ok).toBe(true);
    expect((await a.take("c", now)).ok).toBe(false);
  });
});
