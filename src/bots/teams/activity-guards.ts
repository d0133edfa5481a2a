import type { Activity } from "botbuilder";

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
