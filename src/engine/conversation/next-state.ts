import type { KnowledgeBase } from "../../knowledge/schema.js";
import type { Answer } from "../answer-model.js";
import type { ConversationState } from "./conversation-state.js";
import { impliedLine, type Reading } from "./follow-up.js";

/** Fact id kept when the patient lacks a document of the first step. */
export const LACKS_DOCUMENT = "lacks-document";

/**
 * What the conversation remembers after an answer: its topic, row, facts, the line it named or
 * implied and its clarifying question. A fact the section does not cover keeps the old topic.
 */
export function nextState(
  kb: KnowledgeBase,
  turn: {
    readonly reading: Reading;
    readonly answer: Answer;
    readonly state: ConversationState | undefined;
    readonly facts: readonly string[];
    readonly now: Date;
  },
): ConversationState {
  const { reading, answer, state, facts, now } = turn;
  if (reading.uncovered && state) {
    return {
      ...state,
      facts: [...new Set([...state.facts, LACKS_DOCUMENT])],
      turns: state.turns + 1,
      at: now.getTime(),
    };
  }
  const learnt = [
    ...facts,
    ...(reading.fact ? [reading.fact] : []),
    ...(reading.step !== undefined ? [LACKS_DOCUMENT] : []),
  ];
  const line = reading.line ?? impliedLine(kb, answer.topic);
  return {
    topic: answer.topic,
    ...(answer.variant !== undefined ? { variant: answer.variant } : {}),
    facts: [...new Set(learnt)],
    ...(line ? { line } : {}),
    ...(answer.clarify ? { pending: answer.clarify.choices.map((c) => ({ ...c })) } : {}),
    turns: (state?.turns ?? 0) + 1,
    at: now.getTime(),
  };
}
