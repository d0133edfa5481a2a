import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imports, sources, src } from "../helpers/source-files.js";

describe("the core knows nothing of channels", () => {
  it.each(["knowledge", "nlp", "engine", "privacy"])(
    "%s/ imports no channel SDK, no bots/, reads no process.env",
    (dir) => {
      for (const file of sources(dir)) {
        const text = readFileSync(join(src, file), "utf8");
        for (const spec of imports(file)) {
          expect(spec, file).not.toMatch(/botbuilder|@slack\/|restify|\/bots\//);
        }
        expect(text.includes("process.env"), `${file} reads process.env`).toBe(false);
      }
    },
  );

  it("knowledge/ does not depend on the engine built on it", () => {
    for (const file of sources("knowledge")) {
      expect(
        imports(file).filter((s) => s.includes("/engine/")),
        file,
      ).toEqual([]);
    }
  });
});
