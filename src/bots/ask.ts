import type { Answer, Query } from "../engine/answer-model.js";
import { maskPersonalData } from "../privacy/mask.js";
import { PERSONAL_NUMBER_WARNING } from "../privacy/messages.js";
import type { Channel } from "../privacy/miss-store.js";
import type { ChannelDeps } from "./channel-deps.js";

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
  /** The question with patient data masked: the only form of it that may be logged, stored or quoted back. */
  readonly maskedText: string;
  readonly personalNumberSeen: boolean;
}

/**
 * The one path every channel takes from user text to an Answer: patient data masked first (the
 * matcher, logs and store never see it), the fixed warning added when a 個人番号 was pasted, and
 * unanswered questions recorded, masked, for the knowledge maintainers.
 */
export function ask(deps: Pick<ChannelDeps, "core" | "logger" | "store" | "now">, input: AskInput): AskOutcome {
  const masked = maskPersonalData(input.text);
  const personalNumberSeen = masked.found.myNumber > 0 || masked.found.twelveDigit > 0;
  const now = input.now ?? deps.now?.();
  const query: Query = {
    text: masked.text,
    ...(now ? { now } : {}),
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.variant ? { variant: input.variant } : {}),
    ...(input.fact ? { fact: input.fact } : {}),
  };
  const raw = deps.core.engine.answer(query);
  const answer: Answer = personalNumberSeen ? { ...raw, warnings: [PERSONAL_NUMBER_WARNING, ...raw.warnings] } : raw;
  if (!input.topic && input.record !== false) {
    deps.store.recordQuestion({
      channel: input.channel,
      text: masked.text,
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
  return { answer, maskedText: masked.text, personalNumberSeen };
}
