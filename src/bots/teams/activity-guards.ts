import type { Activity } from "botbuilder";

export interface RedeliveryGuard {
  /** True the first time a key is seen within the window; false for a redelivery. */
  firstDelivery(key: string): boolean;
  readonly size: number;
}

/** Remembers delivered activity ids for `ttlMs`, at most `maxEntries` of them (the oldest go first). */
export function createRedeliveryGuard(
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): RedeliveryGuard {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();

  const evict = (at: number) => {
    // insertion order is expiry order: stop at the first live entry
    for (const [key, expires] of seen) {
      if (expires > at && seen.size <= maxEntries) break;
      seen.delete(key);
    }
  };

  return {
    firstDelivery(key) {
      const at = now();
      evict(at);
      const expires = seen.get(key);
      if (expires !== undefined && expires > at) return false;
      seen.set(key, at + ttlMs);
      evict(at);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

/** The key of a delivery: ids are unique within a conversation, not across them. */
export function deliveryKey(activity: Partial<Activity>): string | undefined {
  if (!activity.id) return undefined;
  return `${activity.conversation?.id ?? ""}\u0000${activity.id}`;
}

/** The tenant Teams names on the activity (channelData first, as Teams documents it). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData: unknown = activity.channelData;
  if (channelData && typeof channelData === "object" && "tenant" in channelData) {
    const tenant: unknown = channelData.tenant;
    if (tenant && typeof tenant === "object" && "id" in tenant && typeof tenant.id === "string") return tenant.id;
  }
  return activity.conversation?.tenantId || undefined;
}

/** With an allow-list, only its tenants are served (an activity naming no tenant is not). */
export function tenantAllowed(allowed: readonly string[], tenant: string | undefined): boolean {
  if (allowed.length === 0) return true;
  if (tenant === undefined) return false;
  const id = tenant.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === id);
}
