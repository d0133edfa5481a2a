import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/state/memory-store.js";

describe("the in-memory store (the embedded default)", () => {
  it("claims an id once until it expires", async () => {
    let t = 1_000;
    const store = createMemoryStore({ now: () => t });
    expect(await store.claim("a", 100)).toBe(true);
    expect(await store.claim("a", 100)).toBe(false);
    t += 101;
    expect(await store.claim("a", 100)).toBe(true);
  });

  it("values and counters expire; a stored value is a copy", async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t });
    const value = { topic: "1-2" };
    await store.set("k", value, 50);
    value.topic = "changed";
    expect(await store.get("k")).toEqual({ topic: "1-2" });
    expect(await store.increment("n", 50)).toBe(1);
    expect(await store.increment("n", 50)).toBe(2);
    t = 60;
    expect(await store.get("k")).toBeUndefined();
    expect(await store.increment("n", 50)).toBe(1);
  });

  it("keeps at most maxEntries, forgetting the oldest", async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const k of ["a", "b", "c", "d"]) await store.set(k, k, 60_000);
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("d")).toBe("d");
  });
});
