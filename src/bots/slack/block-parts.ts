import type { types } from "@slack/bolt";
import { clip, clipEscaped, escapeMrkdwn } from "./slack-text.js";

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  contextText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  elementsPerContext: 10,
} as const;

/** Escaped mrkdwn: a bold heading line. */
export const heading = (text: string) => `*${escapeMrkdwn(text)}*`;

export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText), emoji: true } };
}

export function divider(): Block {
  return { type: "divider" };
}

/** Splits already-escaped lines into sections of at most 3,000 characters, cutting between lines. */
export function sections(lines: readonly string[]): Block[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clipEscaped(raw, LIMITS.sectionText);
    if (current !== "" && current.length + 1 + line.length > LIMITS.sectionText) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? line : `${current}\n${line}`;
  }
  if (current.trim() !== "") chunks.push(current);
  return chunks.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

export function context(escapedText: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: clipEscaped(escapedText, LIMITS.contextText) }] };
}

/** Buttons carry at most 75 characters of label and 2,000 of value; longer values are a bug upstream. */
export function button(
  label: string,
  actionId: string,
  value: string,
  style?: "primary" | "danger",
): ButtonElement | undefined {
  if (value.length > LIMITS.buttonValue) return undefined;
  return {
    type: "button",
    text: { type: "plain_text", text: clip(label, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** Actions blocks of at most 25 buttons each. */
export function actions(buttons: readonly (ButtonElement | undefined)[]): Block[] {
  const present = buttons.filter((b): b is ButtonElement => b !== undefined);
  const out: Block[] = [];
  for (let i = 0; i < present.length; i += LIMITS.elementsPerActions) {
    out.push({ type: "actions", elements: present.slice(i, i + LIMITS.elementsPerActions) });
  }
  return out;
}

/** `onshi_topic_1`, `onshi_topic_2`…: unique within one message. */
export function actionIds(): (prefix: string) => string {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}
