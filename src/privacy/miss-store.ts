import { closeSync, existsSync, fstatSync, fsyncSync, statSync, writeSync } from "node:fs";
import { MATCHING_POLICY } from "../nlp/matching-policy.js";
import type { Logger } from "./logger.js";
import { minimizePersonalData } from "./minimize.js";
import { endsWithNewline, openPrivate, purgeOlderThan } from "./store-file.js";
import type { StoreRecord } from "./store-records.js";

export { parseRecord, readRecords, type StoreRecord } from "./store-records.js";

export const DEFAULT_MISS_STORE_PATH = "./data/feedback.jsonl";
export const MAX_TEXT_LENGTH = 500;
/** Below this confidence an answered question still counts as a miss (the matching policy's line). */
export const DEFAULT_LOW_CONFIDENCE = MATCHING_POLICY.lowConfidence;
export const DEFAULT_SYNC_DELAY_MS = 100;
/** 50 MB: about 100,000 records, far more than a help-desk lead reads before clearing the file. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Records older than this are removed (by the store itself, and by `npm run purge:misses`). */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running store looks for expired records. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
/** After a failed write, the next attempt waits this long (a full or read-only disk is not retried per question). */
const RETRY_AFTER_FAILURE_MS = 5_000;

export type Channel = StoreRecord["channel"];

export interface QuestionEntry {
  readonly channel: Channel;
  /** Raw user text: masked and cut before it is written. */
  readonly text: string;
  /** The matched topic id, or `none`. */
  readonly topic: string;
  readonly confidence: number;
}

export interface FeedbackEntry {
  readonly channel: Channel;
  readonly topic: string;
  readonly helpful: boolean;
  /** The question the feedback is about, if the channel has it. */
  readonly text?: string;
}

export interface MissStore {
  readonly path: string;
  /** Appends a `miss` when the topic is `none` or the confidence is low; true when a record was written. */
  recordQuestion(entry: QuestionEntry): boolean;
  /** Appends a `miss` unconditionally; true once the line is written (fsync'ed within `syncDelayMs`). */
  recordMiss(entry: Omit<QuestionEntry, "topic" | "confidence"> & Partial<QuestionEntry>): boolean;
  /** Appends a `feedback`; true once the line is written. */
  recordFeedback(entry: FeedbackEntry): boolean;
  /** Flushes to disk and closes the file (on shutdown). */
  close(): void;
  /** Removes the records older than the retention period now (they also go at start and hourly). */
  purgeExpired(): { removed: number; kept: number };
}

export interface MissStoreOptions {
  readonly logger: Pick<Logger, "error" | "info">;
  readonly path?: string;
  readonly lowConfidence?: number;
  readonly now?: () => Date;
  /** How long written records may wait for their shared fsync (0: fsync each record). */
  readonly syncDelayMs?: number;
  /** The file never grows past this; further records are dropped (and that is logged once). */
  readonly maxBytes?: number;
  /** Records older than this many days are removed (at start and hourly). */
  readonly retentionDays?: number;
  /** Digits of the phone numbers that may be kept in a record (the guide's lines); any other is replaced. */
  readonly keepPhones?: ReadonlySet<string>;
  /**
   * Where records go first (with REDIS_URL: the stream all instances share). A record the sink does
   * not take, or gives back later (its write failed), is written to the file as without it.
   */
  readonly sink?: RecordSinkLike;
}

export interface RecordSinkLike {
  append(record: StoreRecord, giveBack: (record: StoreRecord) => void): boolean;
}

/** Stored form of a question: patient data minimised, controls gone, one line, at most `max` characters. */
function cleanText(text: string, max: number, keepPhones?: ReadonlySet<string>): string {
  const minimized = minimizePersonalData(text, keepPhones ? { keepPhones } : {}).text;
  return Array.from(minimized.replace(/\s+/gu, " ").trim()).slice(0, max).join("");
}

export function createMissStore(options: MissStoreOptions): MissStore {
  const path = options.path ?? DEFAULT_MISS_STORE_PATH;
  const lowConfidence = options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE;
  const now = options.now ?? (() => new Date());
  const syncDelayMs = options.syncDelayMs ?? DEFAULT_SYNC_DELAY_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
  let fd: number | undefined;
  let size = 0;
  let fullLogged = false;
  let syncTimer: NodeJS.Timeout | undefined;
  let lastPurge = Number.NEGATIVE_INFINITY;
  /** While writes fail: when the next attempt may be made, and how many records were dropped meanwhile. */
  let outage: { retryAt: number; dropped: number } | undefined;

  function closeFile(): void {
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      // already unusable
    }
    fd = undefined;
  }

  /** The file was replaced (purge:misses) or removed (cleared by hand) since it was opened: reopen it. */
  function replacedUnderUs(): boolean {
    if (fd === undefined) return false;
    try {
      return statSync(path).ino !== fstatSync(fd).ino;
    } catch {
      return true;
    }
  }

  function purgeIfDue(at: number): void {
    if (at - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = at;
    closeFile();
    const { removed } = purgeOlderThan(path, at - retentionMs);
    if (removed > 0)
      options.logger.info({ removed, retentionDays: retentionMs / DAY_MS }, "miss-store: expired records removed");
  }

  function open(): number {
    purgeIfDue(now().getTime());
    if (replacedUnderUs()) closeFile();
    if (fd !== undefined) return fd;
    // a line torn by a kill must not swallow the next record
    const torn = existsSync(path) && !endsWithNewline(path);
    fd = openPrivate(path);
    size = statSync(path).size;
    if (torn) size += writeSync(fd, "\n");
    return fd;
  }

  function sync(): void {
    syncTimer = undefined;
    if (fd === undefined) return;
    try {
      fsyncSync(fd);
    } catch (err) {
      options.logger.error({ err, path }, "miss-store: fsync failed");
    }
  }

  // Each record is written at once (a killed process loses nothing: the kernel has it); the fsync
  // that guards against a power cut is shared by the records of the next `syncDelayMs`, so a burst
  // of questions after an outage does not wait on the disk one by one.
  function append(record: StoreRecord): boolean {
    if (options.sink?.append(record, writeFile)) return true;
    return writeFile(record);
  }

  function writeFile(record: StoreRecord): boolean {
    const at = Date.now();
    if (outage && at < outage.retryAt) {
      outage.dropped++;
      return false;
    }
    try {
      const line = `${JSON.stringify(record)}\n`;
      const target = open();
      // A flood of questions must not fill the disk: past the cap, records are dropped (said once).
      if (size + Buffer.byteLength(line) > maxBytes) {
        if (!fullLogged) options.logger.error({ path, maxBytes }, "miss-store: file is full, records are dropped");
        fullLogged = true;
        return false;
      }
      size += writeSync(target, line);
      if (outage) {
        options.logger.info({ path, dropped: outage.dropped }, "miss-store: writing again");
        outage = undefined;
      }
      if (syncDelayMs === 0) sync();
      else syncTimer ??= setTimeout(sync, syncDelayMs).unref();
      return true;
    } catch (err) {
      // a full or read-only disk fails every question: said once (code only), and once when it ends
      if (outage) outage.dropped++;
      else {
        const code = (err as NodeJS.ErrnoException).code ?? "EIO";
        options.logger.error(
          { code, path, kind: record.kind },
          "miss-store: write failed, records are dropped until it can write again",
        );
        outage = { retryAt: 0, dropped: 1 };
      }
      outage.retryAt = at + RETRY_AFTER_FAILURE_MS;
      closeFile();
      return false;
    }
  }

  function base(kind: StoreRecord["kind"], channel: Channel, text: string): StoreRecord {
    return { ts: now().toISOString(), kind, channel, text: cleanText(text, MAX_TEXT_LENGTH, options.keepPhones) };
  }

  function withTopic(record: StoreRecord, topic: string | undefined, confidence: number | undefined): StoreRecord {
    const out = { ...record };
    if (topic !== undefined) out.topic = cleanText(topic, 100, options.keepPhones);
    if (confidence !== undefined && Number.isFinite(confidence)) out.confidence = Math.round(confidence * 1000) / 1000;
    return out;
  }

  const store: MissStore = {
    path,
    close() {
      if (syncTimer) clearTimeout(syncTimer);
      sync();
      closeFile();
    },
    purgeExpired() {
      lastPurge = Number.NEGATIVE_INFINITY;
      const at = now().getTime();
      lastPurge = at;
      closeFile();
      return purgeOlderThan(path, at - retentionMs);
    },
    recordQuestion(entry) {
      if (entry.topic !== "none" && entry.confidence >= lowConfidence) return false;
      return store.recordMiss(entry);
    },
    recordMiss(entry) {
      return append(withTopic(base("miss", entry.channel, entry.text), entry.topic, entry.confidence));
    },
    recordFeedback(entry) {
      const record = withTopic(base("feedback", entry.channel, entry.text ?? ""), entry.topic, undefined);
      return append({ ...record, helpful: entry.helpful });
    },
  };
  return store;
}
