import type { Config } from "../config.js";
import type { Logger } from "../privacy/logger.js";
import type { StoreRecord } from "../privacy/miss-store.js";
import { createMemoryStore } from "./memory-store.js";
import { createRecordStream, type RecordSink, readAllRecords } from "./record-stream.js";
import { connectRedis, createRedisStore, type RedisLink } from "./redis-store.js";
import type { StateStore } from "./state-store.js";

export interface SharedState {
  readonly store: StateStore;
  /** With REDIS_URL: the stream the unanswered-question and feedback records of every instance go to. */
  readonly records?: RecordSink;
  readonly link?: RedisLink;
  /** With REDIS_URL: every instance's records (the stream) plus this host's file (written while Redis was away). */
  readonly readRecords?: () => Promise<StoreRecord[]>;
  /** Waits for records still being written, then disconnects. */
  close(): Promise<void>;
}

/** The embedded default keeps state in this process; REDIS_URL shares it between instances. */
export function createSharedState(
  config: Pick<Config, "REDIS_URL" | "MISS_RETENTION_DAYS">,
  logger: Logger,
  localRecordsPath?: string,
): SharedState {
  if (!config.REDIS_URL) {
    const store = createMemoryStore();
    return { store, close: () => store.close() };
  }
  const link = connectRedis({ url: config.REDIS_URL, logger });
  const store = createRedisStore(link);
  const records = createRecordStream(link, { retentionDays: config.MISS_RETENTION_DAYS });
  const readRecords = () => readAllRecords(link, localRecordsPath);
  return {
    store,
    records,
    link,
    readRecords,
    async close() {
      await records.flush();
      await store.close();
      await link.close();
    },
  };
}
