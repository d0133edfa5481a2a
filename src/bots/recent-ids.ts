export interface RecentIds {
  /** True the first time an id is seen within the window; false for a repeat of it (a platform's redelivery). */
  firstTime(id: string): boolean;
  readonly size: number;
}

/**
 * Ids remembered for `ttlMs`, at most `max` of them, the oldest forgotten first: Teams redelivers an
 * activity and Slack retries an event when a reply seems late, and each must be answered once.
 */
export function createRecentIds(options: { ttlMs?: number; max?: number; now?: () => number } = {}): RecentIds {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const evict = (at: number) => {
    // insertion order is expiry order: stop at the first live entry
    for (const [id, expires] of seen) {
      if (expires > at && seen.size <= max) break;
      seen.delete(id);
    }
  };
  return {
    firstTime(id) {
      const at = now();
      evict(at);
      const expires = seen.get(id);
      if (expires !== undefined && expires > at) return false;
      seen.delete(id);
      seen.set(id, at + ttlMs);
      evict(at);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
