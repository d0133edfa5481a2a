// kuromoji ships its dictionary gzipped: inflating it is most of a cold start (about 0.3–0.6 s here).
// The inflated files are kept beside node_modules' other caches, keyed by the source files' size and
// mtime, so `npm run ask` and a restarting server read them as they are. Best effort: a cache that
// cannot be written (read-only install) or read is simply not used.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { findProjectRoot } from "../project-root.js";

export interface DictionaryCache {
  /** The cached bytes of `name`, or undefined when absent or stale. */
  read(name: string): Buffer | undefined;
  /** Keeps `data` as the inflated form of `name` (errors are swallowed: the cache is optional). */
  write(name: string, data: Uint8Array): void;
}

function stamp(sourceDir: string, name: string): string {
  const s = statSync(join(sourceDir, name));
  return `${s.size}-${Math.trunc(s.mtimeMs)}`;
}

/** node_modules/.cache/onshi-helpdesk: caches that `npm ci` starts afresh. */
export function projectCacheDir(): string {
  return join(findProjectRoot(), "node_modules", ".cache", "onshi-helpdesk");
}

/** The dictionary's files as size-mtime pairs: what a cache built from them depends on. */
export function dictionaryStamp(sourceDir: string): string {
  try {
    return readdirSync(sourceDir)
      .sort()
      .map((name) => `${name}:${stamp(sourceDir, name)}`)
      .join(",");
  } catch {
    return "missing";
  }
}

export function defaultCacheRoot(): string {
  return join(projectCacheDir(), "kuromoji");
}

/** A cache for the dictionary in `sourceDir` (one folder per source folder). */
export function openDictionaryCache(sourceDir: string, cacheRoot: string = defaultCacheRoot()): DictionaryCache {
  const dir = join(cacheRoot, createHash("sha256").update(resolve(sourceDir)).digest("hex").slice(0, 16));
  const file = (name: string) => join(dir, `${name}.${safeStamp(sourceDir, name)}.bin`);
  return {
    read(name) {
      try {
        return readFileSync(file(name));
      } catch {
        return undefined;
      }
    },
    write(name, data) {
      try {
        mkdirSync(dir, { recursive: true });
        const target = file(name);
        const partial = `${target}.${process.pid}.tmp`;
        writeFileSync(partial, data);
        renameSync(partial, target);
      } catch {
        // optional: the next start inflates again
      }
    },
  };
}

function safeStamp(sourceDir: string, name: string): string {
  try {
    return stamp(sourceDir, name);
  } catch {
    return "missing";
  }
}
