import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { MATCHING_POLICY } from "../nlp/matching-policy.js";
import type { Logger } from "./logger.js";
import { maskPersonalData } from "./mask.js";

export const DEFAULT_MISS_STORE_PATH = "./data/feedback.jsonl";
export const MAX_TEXT_LENGTH = 500;
/** Below this confidence an answered question still counts as a miss (the matching policy's line). */
export const DEFAULT_LOW_CONFIDENCE = MATCHING_POLICY.lowConfidence;
export const DEFAULT_SYNC_DELAY_MS = 100;
/** 50 MB: about 100,000 records, far more than a help-desk lead reads before clearing the file. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const storeRecordSchema = z.object({
  ts: z.string(),
  kind: z.enum(["miss", "feedback"]),
  channel: z.enum(["teams", "slack", "web", "cli"]),
  text: z.string(),
  topic: z.string().optional(),
  confidence: z.number().optional(),
  helpful: z.boolean().optional(),
});

export type StoreRecord = z.infer<typeof storeRecordSchema>;
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
}

export interface MissStoreOptions {
  readonly logger: Pick<Logger, "error">;
  readonly path?: string;
  readonly lowConfidence?: number;
  readonly now?: () => Date;
  /** How long written records may wait for their shared fsync (0: fsync each record). */
  readonly syncDelayMs?: number;
  /** The file never grows past this; further records are dropped (and that is logged once). */
  readonly maxBytes?: number;
  /**
   * Where records go first (with REDIS_URL: the stream all instances share). A record the sink does
   * not take, or gives back later (its write failed), is written to the file as without it.
   */
  readonly sink?: RecordSinkLike;
}

export interface RecordSinkLike {
  append(record: StoreRecord, giveBack: (record: StoreRecord) => void): boolean;
}

function cleanText(text: string, max: number): string {
  return Array.from(maskPersonalData(text).text).slice(0, max).join("");
}

function endsWithNewline(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  const fd = openSync(path, "r");
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

export function createMissStore(options: MissStoreOptions): MissStore {
  const path = options.path ?? DEFAULT_MISS_STORE_PATH;
  const lowConfidence = options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE;
  const now = options.now ?? (() => new Date());
  const syncDelayMs = options.syncDelayMs ?? DEFAULT_SYNC_DELAY_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number | undefined;
  let size = 0;
  let fullLogged = false;
  let syncTimer: NodeJS.Timeout | undefined;

  function open(): number {
    if (fd !== undefined) return fd;
    mkdirSync(dirname(path), { recursive: true });
    // a line torn by a kill must not swallow the next record
    const torn = existsSync(path) && !endsWithNewline(path);
    fd = openSync(path, "a");
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
      if (syncDelayMs === 0) sync();
      else syncTimer ??= setTimeout(sync, syncDelayMs).unref();
      return true;
    } catch (err) {
      options.logger.error({ err, path, kind: record.kind }, "miss-store: write failed");
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch {
          // already unusable
        }
        fd = undefined;
      }
      return false;
    }
  }

  function base(kind: StoreRecord["kind"], channel: Channel, text: string): StoreRecord {
    return { ts: now().toISOString(), kind, channel, text: cleanText(text, MAX_TEXT_LENGTH) };
  }

  function withTopic(record: StoreRecord, topic: string | undefined, confidence: number | undefined): StoreRecord {
    const out = { ...record };
    if (topic !== undefined) out.topic = cleanText(topic, 100);
    if (confidence !== undefined && Number.isFinite(confidence)) out.confidence = Math.round(confidence * 1000) / 1000;
    return out;
  }

  const store: MissStore = {
    path,
    close() {
      if (syncTimer) clearTimeout(syncTimer);
      sync();
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
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

/** All well-formed records; a line torn by a kill mid-write is skipped. A missing file reads as empty. */
export function readRecords(path: string): StoreRecord[] {
  if (!existsSync(path)) return [];
  const records: StoreRecord[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const parsed = parseLine(line);
    if (parsed) records.push(parsed);
  }
  return records;
}

/** A record read back from elsewhere (the shared stream): well-formed or nothing. */
export function parseRecord(value: unknown): StoreRecord | undefined {
  const result = storeRecordSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

function parseLine(line: string): StoreRecord | undefined {
  try {
    const result = storeRecordSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
