import { describe, expect, it } from "vitest";
import { remembered } from "../../src/nlp/bounded-memo.js";

describe("a bounded memo", () => {
  it("makes a value once, keeps falsy values, and clears itself when full before keeping a new one", () => {
    const cache = new Map<string, number | null>();
    let made = 0;
    const make = (key: string) => {
      made++;
      return key === "none" ? null : key.length;
    };
    expect(remembered(cache, "abc", 2, make)).toBe(3);
    expect(remembered(cache, "abc", 2, make)).toBe(3);
    expect(remembered(cache, "none", 2, make)).toBeNull();
    expect(remembered(cache, "none", 2, make)).toBeNull();
    expect(made).toBe(2);
    expect(remembered(cache, "de", 2, make)).toBe(2);
    expect([...cache.keys()]).toEqual(["de"]);
  });
});
