import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** The secret presented: a Bearer token, or the password of HTTP Basic (any user name). */
function presented(header: string | undefined): string | undefined {
  const match = /^(\S+)\s+(\S.*)$/.exec(header ?? "");
  if (!match) return undefined;
  const [, scheme = "", value = ""] = match;
  if (/^bearer$/i.test(scheme)) return value.trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/** A check of AGENT_TOKEN in constant time (hashes of equal length); always true without a token. */
export function createAgentAuth(token: string | undefined): (req: IncomingMessage) => boolean {
  if (token === undefined) return () => true;
  const expected = digest(token);
  return (req) => {
    const secret = presented(req.headers.authorization);
    return timingSafeEqual(digest(secret ?? ""), expected) && secret !== undefined;
  };
}
