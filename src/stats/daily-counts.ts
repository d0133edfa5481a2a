// How many questions were answered or not, per day (Asia/Tokyo): counts only, never a question's text.
// The maintainers' page draws them beside the masked misses and the 👎 of the miss store.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { Logger } from "../privacy/logger.js";

export type Outcome = "answered" | "unanswered";
export interface DayCounts {
  answered: number;
  unanswered: number;
}

/** Days kept in the file: a year and a bit; older days are dropped when the file is written. */
export const KEEP_DAYS = 400;
export const DEFAULT_FLUSH_DELAY_MS = 1_000;

const fileSchema = z.object({
  version: z.literal(1),
  days: z.record(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.object({ answered: z.number().int().nonnegative(), unanswered: z.number().int().nonnegative() }),
  ),
});

export interface DailyCounts {
  readonly path: string;
  count(at: Date, outcome: Outcome): void;
  /** Day (YYYY-MM-DD, JST) → counts, oldest first. */
  snapshot(): ReadonlyMap<string, DayCounts>;
  /** Writes pending counts now (shutdown, tests). */
  flush(): void;
  close(): void;
}

export interface DailyCountsOptions {
  readonly path: string;
  readonly logger: Pick<Logger, "error">;
  readonly flushDelayMs?: number;
}

/** 2026-11-24 for an instant, in Asia/Tokyo whatever the machine's TZ. */
export function jstDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function readDays(path: string, logger: Pick<Logger, "error">): Map<string, DayCounts> {
  if (!existsSync(path)) return new Map();
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (parsed.success) return new Map(Object.entries(parsed.data.days));
  } catch {
    // fall through: an unreadable file is reported and started afresh (it holds counts only)
  }
  logger.error({ path }, "daily counts: unreadable file, starting from zero");
  return new Map();
}

/** Counts kept in memory and written (atomically, by rename) at most once per `flushDelayMs`. */
export function createDailyCounts(options: DailyCountsOptions): DailyCounts {
  const { path, logger } = options;
  const delay = options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS;
  const days = readDays(path, logger);
  let timer: NodeJS.Timeout | undefined;
  let failed = false;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const kept = [...days.keys()].sort().slice(-KEEP_DAYS);
    for (const key of days.keys()) if (!kept.includes(key)) days.delete(key);
    try {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ version: 1, days: Object.fromEntries(days) })}\n`);
      renameSync(tmp, path);
      failed = false;
    } catch (err) {
      if (!failed) logger.error({ path, code: (err as NodeJS.ErrnoException).code }, "daily counts: cannot write");
      failed = true;
    }
  }

  return {
    path,
    count(at, outcome) {
      const key = jstDate(at);
      const day = days.get(key) ?? { answered: 0, unanswered: 0 };
      day[outcome]++;
      days.set(key, day);
      if (!timer) {
        timer = setTimeout(flush, delay);
        timer.unref();
      }
    },
    snapshot() {
      return new Map([...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { ...v }]));
    },
    flush,
    close: flush,
  };
}
