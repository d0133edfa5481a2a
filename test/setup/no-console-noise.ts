import { afterEach, beforeEach, vi } from "vitest";

// A test fails on console noise: modules report through the logger or return values.
const methods = ["log", "info", "warn", "error", "debug"] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(" ").slice(0, 200)}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    throw new Error(`unexpected console output:\n${calls.join("\n")}`);
  }
});
