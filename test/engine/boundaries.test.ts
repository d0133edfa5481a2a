import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/project-root.js";

const root = findProjectRoot();
const files = [
  ...readdirSync(join(root, "src", "engine")).map((f) => join(root, "src", "engine", f)),
  join(root, "src", "engine", "line-status.ts"),
].filter((f) => f.endsWith(".ts"));

describe("the engine knows nothing of channels", () => {
  it.each(files)("%s imports no channel SDK and reads no environment", (file) => {
    const source = readFileSync(file, "utf8");
    expect(source).not.toMatch(/from\s+["'](botbuilder|@slack\/bolt|restify)/);
    expect(source).not.toMatch(/process\.env/);
    expect(source).not.toMatch(/console\./);
  });
});
