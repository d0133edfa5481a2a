import { describe, expect, it } from "vitest";
import { imports, sources } from "../helpers/source-files.js";

describe("shared state stays out of the core", () => {
  it.each(["knowledge", "nlp", "engine"])("%s/ imports neither redis nor src/state", (dir) => {
    for (const file of sources(dir)) {
      for (const spec of imports(file)) expect(spec, file).not.toMatch(/^redis$|^@redis\/|\/state\//);
    }
  });

  it("only src/state talks to Redis", () => {
    const users = ["bots", "privacy", "knowledge", "nlp", "engine"]
      .flatMap(sources)
      .filter((f) => imports(f).some((s) => /^redis$|^@redis\//.test(s)));
    expect(users).toEqual([]);
  });
});
