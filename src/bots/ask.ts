import { guidePhoneDigits } from "../core.js";
import type { Answer, Query } from "../engine/answer-model.js";
import { maskPersonalData } from "../privacy/mask.js";
import { PERSONAL_NUMBER_WARNING } from "../privacy/messages.js";
import { minimizePersonalData } from "../privacy/minimize.js";
import type { Channel } from "../privacy/miss-store.js";
import { answerAsOfMinute } from "./answer-cache.js";
import type { ChannelDeps } from "./channel-deps.js";
import { cutText } from "./cut-text.js";

export interface AskInput {
  readonly channel: Channel;
  readonly text: string;
  readonly topic?: Query["topic"];
  readonly variant?: string;
  readonly fact?: string;
  readonly now?: Date;
  /** false: do not record a miss (a search still being typed). */
  readonly record?: boolean;
}

export interface AskOutcome {
  readonly answer: Answer;
  /**
   * The question as it may be quoted back: cut, patient data minimised (names, addresses, phones,
   * e-mails and dates as well as the numbers). Computed when first read.
   */
  readonly maskedText: string;
  readonly personalNumberSeen: boolean;
}

/** The question as the matcher may read it: cut to its limit first, numbers masked, and whether a 個人番号 was in it. */
export function maskQuestion(text: string): { text: string; personalNumberSeen: boolean } {
  const masked = maskPersonalData(cutText(text));
  return { text: masked.text, personalNumberSeen: masked.found.myNumber > 0 || masked.found.twelveDigit > 0 };
}

/** The fixed warning (send no 個人番号; delete the message) first, when one was pasted. */
export function withPersonalNumberWarning(answer: Answer, personalNumberSeen: boolean): Answer {
  return personalNumberSeen ? { ...answer, warnings: [PERSONAL_NUMBER_WARNING, ...answer.warnings] } : answer;
}

/** A fact comes back from a clarifying button: only the knowledge base's own choices are taken, never free text. */
function isKnownFact(core: ChannelDeps["core"], fact: string): boolean {
  for (const topic of core.kb.topics.values()) {
    if (topic.clarify?.choices.some((c) => c.fact === fact)) return true;
  }
  return false;
}

/**
 * The one path every channel takes from user text to an Answer: patient data masked first (the
 * matcher, logs and store never see it), the fixed warning added when a 個人番号 was pasted, and
 * unanswered questions recorded, masked, for the knowledge maintainers.
 */
export function ask(
  deps: Pick<ChannelDeps, "core" | "logger" | "store" | "counts" | "now">,
  input: AskInput,
): AskOutcome {
  const { text: maskedText, personalNumberSeen } = maskQuestion(input.text);
  const now = input.now ?? deps.now?.() ?? new Date();
  const query: Query & { now: Date } = {
    text: maskedText,
    now,
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.variant ? { variant: input.variant } : {}),
    ...(input.fact && isKnownFact(deps.core, input.fact) ? { fact: input.fact } : {}),
  };
  const answer = withPersonalNumberWarning(answerAsOfMinute(deps.core.engine, query), personalNumberSeen);
  if (!input.topic && input.record !== false) {
    deps.counts?.count(now, answer.topic === "none" ? "unanswered" : "answered");
    deps.store.recordQuestion({
      channel: input.channel,
      text: maskedText,
      topic: answer.topic,
      confidence: answer.confidence,
    });
  }
  deps.logger.info(
    {
      channel: input.channel,
      topic: answer.topic,
      variant: answer.variant,
      confidence: answer.confidence,
      picked: Boolean(input.topic),
    },
    "answered",
  );
  let quoted: string | undefined;
  const keepPhones = guidePhoneDigits(deps.core);
  return {
    answer,
    personalNumberSeen,
    get maskedText() {
      quoted ??= minimizePersonalData(maskedText, { keepPhones }).text;
      return quoted;
    },
  };
}
