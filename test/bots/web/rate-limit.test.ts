import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/bots/web/rate-limit.js";

describe("createRateLimiter", () => {
  it("allows a burst of the per-minute limit, then tells how long to wait", () => {
    const limiter = createRateLimiter(6);
    for (let i = 0; i < 6; i++) expect(limiter.take("a", 0).ok).toBe(true);
    expect(limiter.take("a", 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it("refills evenly: one more request every 60/limit seconds", () => {
    const limiter = createRateLimiter(6);
    for (let i = 0; i < 6; i++) limiter.take("a", 0);
    expect(limiter.take("a", 9_000).ok).toBe(false);
    expect(limiter.take("a", 10_000).ok).toBe(true);
    expect(limiter.take("a", 10_000).ok).toBe(false);
  });

  it("keeps clients apart", () => {
    const limiter = createRateLimiter(1);
    expect(limiter.take("a", 0).ok).toBe(true);
    expect(limiter.take("b", 0).ok).toBe(true);
    expect(limiter.take("a", 0).ok).toBe(false);
  });

  it("holds at most maxClients buckets, dropping the least recently seen", () => {
    const limiter = createRateLimiter(1, 3);
    for (const key of ["a", "b", "c"]) limiter.take(key, 0);
    limiter.take("a", 0); // a is now the most recent
    limiter.take("d", 0); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.take("b", 0).ok).toBe(true);
    expect(limiter.take("a", 0).ok).toBe(false);
  });

  it("stays bounded under many addresses", () => {
    const limiter = createRateLimiter(10, 1_000);
    for (let i = 0; i < 50_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, i);
    expect(limiter.size).toBe(1_000);
  });
});
