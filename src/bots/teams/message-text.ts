import { type Activity, TurnContext } from "botbuilder";
import { cutText, MAX_TEXT_CHARS } from "../cut-text.js";
import { HELP_WORDS } from "./messages.js";

const ENTITIES: Readonly<Record<string, string>> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
};

/**
 * The question as the user typed it: the bot's @mention removed (Teams writes `<at>名前</at>` into the
 * text), other people's mentions reduced to their names, HTML entities decoded, spaces trimmed.
 */
export function questionText(activity: Activity): string {
  // the matcher reads no more than this: nothing longer is parsed (markup may double the length)
  let text = typeof activity.text === "string" ? cutText(activity.text, MAX_TEXT_CHARS * 2) : "";
  // TurnContext.removeRecipientMention mutates the activity and removes only the first mention
  const botId = activity.recipient?.id;
  for (const mention of TurnContext.getMentions(activity)) {
    if (botId && mention.mentioned?.id === botId && typeof mention.text === "string" && mention.text !== "") {
      text = text.split(mention.text).join(" ");
    }
  }
  return cutText(
    text
      .replace(/<at>([^<]*)<\/at>/giu, "$1")
      .replace(/&(?:nbsp|amp|lt|gt|quot);/gu, (e) => ENTITIES[e] ?? e)
      .replace(/\s+/gu, " ")
      .trim(),
  );
}

export function isHelpCommand(text: string): boolean {
  const word = text.normalize("NFKC").toLowerCase().replace(/^\/+/u, "").trim();
  return (HELP_WORDS as readonly string[]).includes(word);
}
