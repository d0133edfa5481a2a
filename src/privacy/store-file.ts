import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";

/** The store's folder: only its owner may list or enter it. */
export const DIR_MODE = 0o700;
/** The store's files: only their owner may read them. */
export const FILE_MODE = 0o600;

const ownedByUs = (path: string): boolean => process.getuid === undefined || statSync(path).uid === process.getuid();

/** Tightens what an older version created 0755/0644; a folder or file of someone else's (/tmp) is left alone. */
function tighten(path: string, mode: number): void {
  if (existsSync(path) && ownedByUs(path) && (statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
}

/** Creates the folder 0700 (tightening an own folder that is wider) and opens the file 0600 for appending. */
export function openPrivate(path: string): number {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  tighten(dir, DIR_MODE);
  const fd = openSync(path, "a", FILE_MODE);
  tighten(path, FILE_MODE);
  return fd;
}

/** Why the store at `path` cannot be written, or undefined when it can (checked at start-up). */
export function unwritableReason(path: string): string | undefined {
  try {
    closeSync(openPrivate(path));
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? "EIO";
  }
}

export function endsWithNewline(path: string): boolean {
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

const TS = /^\{"ts":"([^"]+)"/;

/** The time of a JSON line (records start with "ts"); undefined for a torn or foreign line. */
function lineTime(line: string): number | undefined {
  const ts = TS.exec(line)?.[1];
  const ms = ts === undefined ? Number.NaN : Date.parse(ts);
  return Number.isFinite(ms) ? ms : undefined;
}

export interface PurgeOutcome {
  readonly removed: number;
  readonly kept: number;
}

/**
 * Rewrites the file without the lines older than `cutoffMs` (and torn lines), atomically: a new
 * 0600 file renamed over the old one. Nothing is rewritten when nothing has expired.
 */
export function purgeOlderThan(path: string, cutoffMs: number): PurgeOutcome {
  if (!existsSync(path)) return { removed: 0, kept: 0 };
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const keep = lines.filter((l) => {
    const at = lineTime(l);
    return at !== undefined && at >= cutoffMs;
  });
  if (keep.length === lines.length) return { removed: 0, kept: keep.length };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, keep.map((l) => `${l}\n`).join(""), { mode: FILE_MODE });
  renameSync(tmp, path);
  return { removed: lines.length - keep.length, kept: keep.length };
}
