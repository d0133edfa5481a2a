import { describe, expect, it } from "vitest";
import { createRecentIds } from "../../src/bots/recent-ids.js";

describe("createRecentIds (Teams redeliveries, Slack retries)", () => {
  it("answers an id once within ten minutes, again after", () => {
    let now = 0;
    const seen = createRecentIds({ now: () => now });
    expect(seen.firstTime("a")).toBe(true);
    expect(seen.firstTime("a")).toBe(false);
    now = 9 * 60_000;
    expect(seen.firstTime("a")).toBe(false);
    now = 10 * 60_000 + 1;
    expect(seen.firstTime("a")).toBe(true);
  });

  it("stays bounded: the oldest ids go first", () => {
    const seen = createRecentIds({ max: 3, now: () => 0 });
    for (const id of ["a", "b", "c", "d"]) expect(seen.firstTime(id)).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.firstTime("d")).toBe(false);
    expect(seen.firstTime("a")).toBe(true);
  });
});
