import type { Config } from "../config.js";
import type { Core } from "../core.js";
import { createDialogEngine } from "../engine/conversation/dialog-engine.js";
import type { Logger } from "../privacy/logger.js";
import type { MissStore, StoreRecord } from "../privacy/miss-store.js";
import { createConversations } from "../state/conversation-store.js";
import { createMemoryStore } from "../state/memory-store.js";
import type { StateStore } from "../state/state-store.js";
import type { DailyCounts } from "../stats/daily-counts.js";
import type { ChannelDeps, MountedChannel } from "./channel-deps.js";
import { createHttpServer, type HttpServer } from "./http-server.js";

export type ChannelMounter = (deps: ChannelDeps) => MountedChannel | undefined | Promise<MountedChannel | undefined>;

export interface StartOptions {
  readonly config: Config;
  readonly core: Core;
  readonly logger: Logger;
  readonly store: MissStore;
  /** Shared state (src/state): this process's memory unless given (REDIS_URL: Redis). */
  readonly state?: StateStore;
  readonly sharedRecords?: () => Promise<StoreRecord[]>;
  readonly counts?: DailyCounts;
  readonly mounters: readonly ChannelMounter[];
  readonly now?: () => Date;
}

export interface RunningServer {
  readonly http: HttpServer;
  readonly url: string;
  readonly port: number;
  readonly channels: readonly MountedChannel[];
  /** Stops accepting, lets in-flight work finish (up to `graceMs`), closes channels. */
  shutdown(graceMs?: number): Promise<void>;
}

/** Mounts the channels on one server, listens, and turns ready: the knowledge and dictionary are already loaded. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, core, logger, store } = options;
  const http = createHttpServer(logger, { allowedOrigins: config.CORS_ORIGINS });
  const state = options.state ?? createMemoryStore();
  const conversations = createConversations(state, createDialogEngine(core));
  const deps: ChannelDeps = {
    core,
    config,
    logger,
    store,
    state,
    conversations,
    ...(options.sharedRecords ? { sharedRecords: options.sharedRecords } : {}),
    http,
    ...(options.counts ? { counts: options.counts } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const channels: MountedChannel[] = [];
  for (const mount of options.mounters) {
    const channel = await mount(deps);
    if (channel) channels.push(channel);
  }
  const { port } = await http.listen(config.PORT, config.HOST);
  http.setReady(true);
  const shownHost = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  return {
    http,
    port,
    url: `http://${shownHost}:${port}`,
    channels,
    async shutdown(graceMs = 9_000) {
      await http.shutdown(graceMs);
      await Promise.allSettled(channels.map((c) => c.stop?.()));
    },
  };
}
