// The built server as `npm start` starts it, for the scripts that measure it (bench, load, load:fairness):
// the Node flags of package.json's start script, a free loopback port, and /readyz polled until it answers.
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { findProjectRoot } from "../src/project-root.js";

const root = findProjectRoot();

/** The Node flags `npm start` runs with (package.json), so the figures are those of a real start. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return (pkg.scripts?.start ?? "").split(/\s+/).filter((word) => word.startsWith("--"));
}

/** A loopback port nothing listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** dist/src/main.js on 127.0.0.1:`port` with `flags`; `env` adds to PATH, PORT and HOST (nothing else is passed). */
export function spawnBuiltServer(
  port: number,
  env: Record<string, string>,
  stdio: StdioOptions,
  flags: readonly string[] = startFlags(),
): ChildProcess {
  return spawn(process.execPath, [...flags, join(root, "dist", "src", "main.js")], {
    env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio,
  });
}

/** Resolves once /readyz answers 200, asking every `everyMs`; rejects after `withinMs`. */
export async function untilReady(port: number, everyMs: number, withinMs: number): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    if (performance.now() - t0 > withinMs) throw new Error(`server not ready within ${withinMs / 1000} s`);
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/readyz" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(0));
      req.end();
    });
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
