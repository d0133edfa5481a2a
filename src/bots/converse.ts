import { guidePhoneDigits } from "../core.js";
import type { Answer } from "../engine/answer-model.js";
import type { Act } from "../engine/conversation/conversation-state.js";
import type { TopicId } from "../knowledge/schema.js";
import { PERSONAL_NUMBER_WARNING } from "../privacy/messages.js";
import { minimizePersonalData } from "../privacy/minimize.js";
import type { Channel } from "../privacy/miss-store.js";
import { maskQuestion, withPersonalNumberWarning } from "./ask.js";
import type { ChannelDeps } from "./channel-deps.js";

export interface ConverseInput {
  readonly channel: Channel;
  /** The channel's conversation: a Teams conversation and thread, a Slack DM or thread, a page session. */
  readonly conversation: string;
  readonly text: string;
  /** A topic picked from a button (a clarifying choice): answered as such, and remembered. */
  readonly pick?: { readonly topic: TopicId; readonly variant?: string; readonly fact?: string };
  readonly now?: Date;
  /** false: a question still being typed: read in its conversation, but neither remembered nor recorded. */
  readonly record?: boolean;
  /** Runs the answering itself (the web API charges it to the client's budget). */
  readonly meter?: <T>(work: () => T) => Promise<T>;
}

export type ConverseOutcome =
  | {
      readonly kind: "answer";
      readonly answer: Answer;
      readonly act?: Act;
      /** The question as it may be quoted back: numbers masked, other patient data minimised. */
      readonly maskedText: string;
      readonly personalNumberSeen: boolean;
    }
  | { readonly kind: "reply"; readonly act: Act; readonly text: string; readonly personalNumberSeen: boolean };

/** A button's fact comes back from the client: only the knowledge base's own choices are taken. */
function knownPick(core: ChannelDeps["core"], pick: NonNullable<ConverseInput["pick"]>): ConverseInput["pick"] {
  const factKnown = (fact: string) =>
    [...core.kb.topics.values()].some((t) => t.clarify?.choices.some((c) => c.fact === fact));
  const { fact, ...rest } = pick;
  return fact !== undefined && factKnown(fact) ? { ...rest, fact } : rest;
}

/**
 * A chat message read as part of its conversation (docs/spec/conversation.md): masked first, the
 * conversation's state read from and written back to the shared store (ids only), acts answered
 * briefly and never recorded as unanswered, a 個人番号 warned about as everywhere.
 */
export async function converse(
  deps: Pick<ChannelDeps, "core" | "conversations" | "logger" | "store" | "counts" | "now">,
  input: ConverseInput,
): Promise<ConverseOutcome> {
  const { text: maskedText, personalNumberSeen } = maskQuestion(input.text);
  const now = input.now ?? deps.now?.() ?? new Date();
  const pick = input.pick ? knownPick(deps.core, input.pick) : undefined;
  const save = input.record !== false;
  const turn = await deps.conversations.turn(`${input.channel}:${input.conversation}`, maskedText, {
    now,
    save,
    ...(pick ? { pick } : {}),
    ...(input.meter ? { meter: input.meter } : {}),
  });
  const { resolution } = turn;
  deps.logger.info(
    {
      channel: input.channel,
      topic: resolution.id,
      variant: resolution.variant,
      confidence: resolution.confidence,
      act: resolution.act,
      context: resolution.context === true,
      picked: Boolean(input.pick),
    },
    "answered",
  );
  if (!turn.answer) {
    const reply = turn.reply ?? "";
    const text = personalNumberSeen ? `${PERSONAL_NUMBER_WARNING}\n\n${reply}` : reply;
    return { kind: "reply", act: resolution.act ?? "ack", text, personalNumberSeen };
  }
  if (save && !input.pick && resolution.act === undefined) {
    deps.counts?.count(now, resolution.id === "none" ? "unanswered" : "answered");
    deps.store.recordQuestion({
      channel: input.channel,
      text: maskedText,
      topic: resolution.id,
      confidence: resolution.confidence,
    });
  }
  const answer = withPersonalNumberWarning(turn.answer, personalNumberSeen);
  // Quoted back (Slack's 「…についての回答です」) only minimised, as ask() quotes it.
  const quoted = minimizePersonalData(maskedText, { keepPhones: guidePhoneDigits(deps.core) }).text;
  return {
    kind: "answer",
    answer,
    ...(resolution.act ? { act: resolution.act } : {}),
    maskedText: quoted,
    personalNumberSeen,
  };
}
