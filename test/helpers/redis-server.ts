import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { prerequisiteMissing } from "./prerequisite.js";

// redis-server says "Ready to accept connections" (log level notice) once it serves.

/** A free loopback port (the kernel picks it; released before the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LocalRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: Redis gone without a goodbye, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The Debian redis-server on a free loopback port, no persistence; started and stopped by the test. */
export async function startLocalRedis(): Promise<LocalRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "notice"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child = proc;
      let out = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on("data", onData);
      proc.stderr?.on("data", onData);
      proc.once("error", (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          err.code === "ENOENT"
            ? prerequisiteMissing(
                "The shared-state tests need Debian's redis-server on PATH: sudo apt-get install -y redis-server. They never skip.",
              )
            : err,
        );
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        if (!out.includes("Ready to accept connections")) reject(new Error(`redis-server exited (${code}): ${out}`));
      });
    });
  const kill = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGKILL");
    });
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, kill, start, stop: kill };
}
