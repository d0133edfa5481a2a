import { type StateStore, ttlOf } from "./state-store.js";

interface Entry {
  value: unknown;
  expires: number;
}

export interface MemoryStoreOptions {
  /** At most this many entries; the oldest written is forgotten first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** The embedded default: a bounded map in this process, each entry with its own expiry. */
export function createMemoryStore(options: MemoryStoreOptions = {}): StateStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string, at: number): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expires > at) return e;
    if (e) entries.delete(key);
    return undefined;
  };
  const put = (key: string, value: unknown, ttlMs: number, at: number) => {
    entries.delete(key);
    entries.set(key, { value, expires: at + ttlOf(ttlMs) });
    for (const [k, e] of entries) {
      if (entries.size <= maxEntries && e.expires > at) break;
      entries.delete(k);
    }
  };

  return {
    kind: "memory",
    async get(key) {
      return live(key, now())?.value;
    },
    async set(key, value, ttlMs) {
      put(key, structuredClone(value), ttlMs, now());
    },
    async delete(key) {
      entries.delete(key);
    },
    async claim(key, ttlMs) {
      const at = now();
      if (live(key, at)) return false;
      put(key, 1, ttlMs, at);
      return true;
    },
    async increment(key, windowMs) {
      const at = now();
      const e = live(key, at);
      const count = (typeof e?.value === "number" ? e.value : 0) + 1;
      if (e) e.value = count;
      else put(key, count, windowMs, at);
      return count;
    },
    async close() {
      entries.clear();
    },
  };
}
