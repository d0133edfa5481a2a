import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/project-root.js";

const src = join(findProjectRoot(), "src");

function sources(dir: string): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const imports = (file: string) =>
  [...readFileSync(join(src, file), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1] ?? "");

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
