// report:misses with REDIS_URL: the records of every instance (the shared stream) plus this host's file
// (records written while Redis was away).
import type { Logger } from "../privacy/logger.js";
import { parseRecord, readRecords, type StoreRecord } from "../privacy/miss-store.js";
import { readRecordStream } from "./record-stream.js";
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
    const shared = (await readRecordStream(link)).flatMap((v) => {
      const r = parseRecord(v);
      return r ? [r] : [];
    });
    const local = readRecords(localPath);
    const records = [...shared, ...local].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
    return { ok: true, records };
  } catch (err) {
    return { ok: false, message: `Redis から記録を読めません: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await link.close();
  }
}
