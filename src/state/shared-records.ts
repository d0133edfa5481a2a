// report:misses with REDIS_URL: the records of every instance (the shared stream) plus this host's file
// (records written while Redis was away).
import type { Logger } from "../privacy/logger.js";
import type { StoreRecord } from "../privacy/miss-store.js";
import { readAllRecords } from "./record-stream.js";
import { connectRedis } from "./redis-store.js";

const CONNECT_WAIT_MS = 3_000;

export async function readSharedRecords(
  url: string,
  localPath: string,
  logger: Pick<Logger, "warn" | "info">,
): Promise<{ ok: true; records: StoreRecord[] } | { ok: false; message: string }> {
  const link = connectRedis({ url, logger, commandTimeoutMs: 10_000 });
  try {
    if (!(await link.whenReady(CONNECT_WAIT_MS))) {
      return { ok: false, message: `Redis（REDIS_URL）に接続できません。` };
    }
    const records = await readAllRecords(link, localPath);
    return { ok: true, records };
  } catch (err) {
    return { ok: false, message: `Redis から記録を読めません: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await link.close();
  }
}
