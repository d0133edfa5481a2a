import { describe, expect, it } from "vitest";
import { withMatchCache } from "../../src/nlp/cached-matcher.js";
import type { Matcher, MatchResult } from "../../src/nlp/match-result.js";

function counting(): Matcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    match(text): MatchResult {
      calls.push(text);
      return { id: "1-2", confidence: 0.9, alternatives: [] };
    },
  };
}

describe("withMatchCache", () => {
  it("answers a repeated question from the cache", () => {
    const inner = counting();
    const cached = withMatchCache(inner, 10);
    expect(cached.match("無効")).toEqual(cached.match("無効"));
    expect(inner.calls).toEqual(["無効"]);
  });

  it("forgets the least recently used question beyond its size", () => {
    const inner = counting();
    const cached = withMatchCache(inner, 2);
    cached.match("a");
    cached.match("b");
    cached.match("a");
    cached.match("c");
    cached.match("a");
    cached.match("b");
    expect(inner.calls).toEqual(["a", "b", "c", "b"]);
  });

  it("does not keep very long pastes", () => {
    const inner = counting();
    const cached = withMatchCache(inner, 10);
    const long = "x".repeat(3_000);
    cached.match(long);
    cached.match(long);
    expect(inner.calls).toHaveLength(2);
  });

  it("exposes the matcher it wraps, which matches every time and fills no cache", () => {
    const inner = counting();
    const cached = withMatchCache(inner, 10);
    cached.uncached.match("無効");
    cached.uncached.match("無効");
    cached.match("無効");
    expect(inner.calls).toEqual(["無効", "無効", "無効"]);
  });
});
