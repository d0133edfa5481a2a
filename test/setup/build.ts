import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { findProjectRoot } from "../../src/project-root.js";

/** Builds dist/ once before any test file runs: the CLI, start-up and kb:check tests run the built code. */
export function setup(): void {
  const root = findProjectRoot();
  const built = spawnSync(process.execPath, [join(root, "scripts", "ensure-built.mjs")], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
}
