import { rmSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/project-root.js";

/** Starts each run with no server logs: scripts/scan-test-logs.ts reads what this run wrote (npm test, after vitest). */
export function setup(): void {
  rmSync(join(findProjectRoot(), "test-output", "logs"), { recursive: true, force: true });
}
