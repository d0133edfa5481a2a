import { appendFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { type ChannelMounter, type RunningServer, startServer } from "../../src/bots/start-server.js";
import { readConfig } from "../../src/config.js";
import { type Core, guidePhoneDigits, loadCore } from "../../src/core.js";
import { createLogger } from "../../src/privacy/logger.js";
import { createMissStore } from "../../src/privacy/miss-store.js";
import { findProjectRoot } from "../../src/project-root.js";
import { createDailyCounts, type DailyCounts } from "../../src/stats/daily-counts.js";

let corePromise: Promise<Core> | undefined;

/** The real knowledge base, dictionary and matcher, loaded once per test file. */
export function sharedCore(): Promise<Core> {
  corePromise ??= loadCore().then((r) => {
    if (!r.ok) throw new Error(r.message);
    return r.core;
  });
  return corePromise;
}

export interface TestServer extends RunningServer {
  /** Every log line the server wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** The raw log text (to check nothing unmasked was written). */
  rawLogs(): string;
  readonly storePath: string;
  readonly counts: DailyCounts;
  close(): Promise<void>;
}

/** Starts the real server on a free loopback port with the given env and channels. */
export async function startTestServer(
  env: Record<string, string>,
  mounters: readonly ChannelMounter[],
  options: { now?: () => Date } = {},
): Promise<TestServer> {
  const configured = readConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env });
  if (!configured.ok) throw new Error(configured.message);
  const lines: string[] = [];
  // Every server log line of the run is also kept on disk: test/setup/scan-logs.ts reads them all at the end.
  const logDir = join(findProjectRoot(), "test-output", "logs");
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `server-${process.pid}.jsonl`);
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const text = chunk.toString("utf8");
      lines.push(...text.split("\n").filter(Boolean));
      // Another run may have cleared the folder meanwhile: recreate it rather than lose the line.
      mkdirSync(logDir, { recursive: true });
      appendFileSync(logFile, text.endsWith("\n") ? text : `${text}\n`);
      cb();
    },
  });
  const logger = createLogger({ level: "info", destination });
  // Stores live under test-output/stores too: scripts/scan-test-logs.ts reads everything the run wrote.
  const storeRoot = join(findProjectRoot(), "test-output", "stores");
  mkdirSync(storeRoot, { recursive: true });
  const storePath = join(mkdtempSync(join(storeRoot, "onshi-store-")), "feedback.jsonl");
  const counts = createDailyCounts({ logger, path: join(dirname(storePath), "daily-counts.json") });
  const core = await sharedCore();
  const store = createMissStore({ logger, path: storePath, keepPhones: guidePhoneDigits(core) });
  const server = await startServer({
    config: configured.config,
    core,
    logger,
    store,
    counts,
    mounters,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...server,
    storePath,
    counts,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    rawLogs: () => lines.join("\n"),
    close: () => server.shutdown(2_000),
  };
}
