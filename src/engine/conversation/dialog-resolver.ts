import type { KnowledgeBase } from "../../knowledge/schema.js";
import type { Matcher } from "../../nlp/match-result.js";
import type { Answer, Query } from "../answer-model.js";
import type { ConversationState } from "./conversation-state.js";
import { createDialogEngine, type DialogEngineOptions, type DialogTurn } from "./dialog-engine.js";

export interface DialogResolver {
  /** One turn of one conversation: it sees only that conversation's earlier turns. */
  resolve(conversation: string, text: string): DialogTurn["resolution"];
  turn(conversation: string, text: string): DialogTurn;
}

/** Conversations kept in this process only (`ask --dialog`, the evaluation). */
export function createDialogResolver(
  core: { kb: KnowledgeBase; matcher: Matcher; engine: { answer(q: Query): Answer } },
  options: Omit<DialogEngineOptions, "kb" | "matcher" | "engine"> & { now?: () => Date } = {},
): DialogResolver {
  const dialog = createDialogEngine({ ...core, ...options, ...(options.now ? { clock: options.now } : {}) });
  const states = new Map<string, ConversationState>();
  const turn = (conversation: string, text: string): DialogTurn => {
    const result = dialog.turn({ text, state: states.get(conversation) });
    if (result.state) states.set(conversation, result.state);
    else states.delete(conversation);
    return result;
  };
  return { turn, resolve: (conversation, text) => turn(conversation, text).resolution };
}
