import { parseRecord, readRecords, type StoreRecord } from "../privacy/miss-store.js";
import type { RedisLink } from "./redis-store.js";
import { KEY_PREFIX } from "./state-store.js";

/** One stream for the unanswered questions and feedback of every instance. */
export const RECORD_STREAM = `${KEY_PREFIX}records`;

export interface RecordSink {
  /** True when the record goes to the shared stream; false: the caller keeps it locally. A failed write is given back. */
  append(record: StoreRecord, giveBack: (record: StoreRecord) => void): boolean;
  /** Resolves when every record handed over so far has been written (or given back). */
  flush(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * Records go to a Redis stream trimmed to the retention period (XADD … MINID ~ now − retention).
 * The record is already masked by the miss store. While Redis is away, or when a write fails,
 * the record is given back so that it reaches the local file instead.
 */
export function createRecordStream(
  link: RedisLink,
  options: { retentionDays: number; now?: () => number },
): RecordSink {
  const now = options.now ?? Date.now;
  const pending = new Set<Promise<void>>();
  return {
    append(record, giveBack) {
      if (!link.shared) return false;
      const minId = Math.max(0, Math.floor(now() - options.retentionDays * DAY_MS));
      const write = link
        .run(
          async (c) => {
            await c.xAdd(
              RECORD_STREAM,
              "*",
              { record: JSON.stringify(record) },
              {
                TRIM: { strategy: "MINID", strategyModifier: "~", threshold: minId },
              },
            );
            return true;
          },
          () => false,
        )
        .then((ok) => {
          if (!ok) giveBack(record);
        });
      const tracked = write.finally(() => pending.delete(tracked));
      pending.add(tracked);
      return true;
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}

/** Every record still in the stream (oldest first), as the JSON each instance wrote. */
export async function readRecordStream(link: RedisLink): Promise<unknown[]> {
  return link.run(
    async (c) => {
      const entries = await c.xRange(RECORD_STREAM, "-", "+");
      return (entries ?? []).flatMap((e) => {
        const raw = e.message.record;
        if (typeof raw !== "string") return [];
        try {
          return [JSON.parse(raw) as unknown];
        } catch {
          return [];
        }
      });
    },
    () => {
      throw new Error("Redis に接続できません");
    },
  );
}

/** The whole help desk: every record in the stream plus this host's file (written while Redis was away), by time. */
export async function readAllRecords(link: RedisLink, localPath: string | undefined): Promise<StoreRecord[]> {
  const shared = (await readRecordStream(link)).flatMap((v) => {
    const r = parseRecord(v);
    return r ? [r] : [];
  });
  const local = localPath ? readRecords(localPath) : [];
  return [...shared, ...local].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}
