import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

describe("REDIS_URL is validated at start-up", () => {
  it("accepts redis:// and rediss://, and nothing set (the embedded default)", () => {
    for (const url of ["redis://127.0.0.1:6379", "rediss://cache.example:6380/1", ""]) {
      const r = readConfig({ REDIS_URL: url });
      expect(r.ok, url).toBe(true);
    }
    const none = readConfig({});
    expect(none.ok && none.config.REDIS_URL).toBeFalsy();
  });

  it.each(["http://127.0.0.1:6379", "127.0.0.1:6379", "redis//x"])("names REDIS_URL for %s", (url) => {
    const r = readConfig({ REDIS_URL: url });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("REDIS_URL");
  });
});
