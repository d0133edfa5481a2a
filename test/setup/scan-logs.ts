import { rmSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/project-root.js";

/** Starts each run with no server logs or stores: scripts/scan-test-logs.ts reads what this run wrote (npm test, after vitest). */
export function setup(): void {
  for (const dir of ["logs", "stores"])
    rmSync(join(findProjectRoot(), "test-output", dir), { recursive: true, force: true });
}
