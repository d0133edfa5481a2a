import { cutText, MAX_TEXT_CHARS } from "../cut-text.js";

/**
 * Slack text in and out: the user's message as plain text for the engine, and any text we send
 * escaped so that `<!channel>`, `<@U…>` or `<https://x|y>` can never mention anyone or disguise a link.
 */

/** & < > as Slack's control characters (https://docs.slack.dev/messaging/formatting-message-text#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A link `<url|label>` whose URL cannot end the link early. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = escapeMrkdwn(url).replace(/\|/g, "%7C");
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, "｜")}>`;
}

// <@U123>, <@U123|name>, <#C123|general>, <!here>, <!subteam^S1|@team>, <https://x|label>, <mailto:a@b>.
// No class admits "<": an unclosed "<" ends its attempt at the next "<", so the scan stays linear.
const SPECIAL = /<([@#!])([^<>|]*)(?:\|([^<>]*))?>|<([^<>|]+)(?:\|([^<>]*))?>/g;

/**
 * User text quoted back in a message we post: "@" becomes "＠", so no @channel, @here or @name in
 * it can notify anyone (our text is escaped too, so no <!channel> can be formed either).
 */
export function defuseMentions(text: string): string {
  return text.replace(/[@＠]/gu, "＠");
}

/**
 * The question as the user wrote it: mentions (ours included) removed, Slack's markup turned back
 * into plain words (a link becomes its label), entities decoded.
 */
export function plainFromSlack(raw: string): string {
  // the matcher reads no more than this: nothing longer is parsed (Slack markup and entities may double it)
  const text = cutText(raw, MAX_TEXT_CHARS * 2);
  const plain = text.replace(
    SPECIAL,
    (
      _m,
      sigil: string | undefined,
      id: string | undefined,
      named: string | undefined,
      url?: string,
      label?: string,
    ) => {
      if (sigil === "@") return named ? `@${named}` : "";
      if (sigil === "#") return named ? `#${named}` : "";
      if (sigil === "!") return named ?? `@${(id ?? "").split("^")[0]}`;
      return label ?? url ?? "";
    },
  );
  return cutText(unescapeEntities(plain).replace(/\s+/g, " ").trim());
}

/**
 * At most `max` UTF-16 units (Slack's limits count them), never splitting a surrogate pair;
 * an ellipsis marks the cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Like clip, for text already escaped: a cut never leaves half an entity (`&am`). */
export function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = clip(text, max).slice(0, -1);
  return `${cut.replace(/&[a-z]{0,4}$/, "")}…`;
}
