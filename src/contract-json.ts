// The evaluation contracts' JSON lines (docs/spec/topics.md `ask --jsonl`, docs/spec/conversation.md `ask --dialog`).
import type { TurnResolution } from "./engine/conversation/conversation-state.js";
import type { MatchResult } from "./nlp/match-result.js";

/** id, variant only when pinned, confidence, alternatives. */
function matchFields(m: MatchResult) {
  return {
    id: m.id,
    ...(m.variant !== undefined ? { variant: m.variant } : {}),
    confidence: m.confidence,
    alternatives: m.alternatives.map((a) => ({ id: a.id, confidence: a.confidence })),
  };
}

export function toContractJson(m: MatchResult): string {
  return JSON.stringify(matchFields(m));
}

/** The match's fields, then act and context when they apply. */
export function toDialogJson(r: TurnResolution): string {
  return JSON.stringify({
    ...matchFields(r),
    ...(r.act !== undefined ? { act: r.act } : {}),
    ...(r.context === true ? { context: true } : {}),
  });
}
