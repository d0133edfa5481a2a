import type { TopicId } from "../../knowledge/schema.js";

/** What a message is when it is not a guide question (docs/spec/conversation.md). */
export const ACTS = ["greeting", "thanks", "ack", "more", "help", "reject"] as const;
export type Act = (typeof ACTS)[number];

/** A turn's resolution: the `ask --jsonl` fields plus `act` and `context`. */
export interface TurnResolution {
  readonly id: TopicId;
  readonly variant?: string;
  readonly confidence: number;
  readonly alternatives: readonly { readonly id: TopicId; readonly confidence: number }[];
  readonly act?: Act;
  /** true when earlier turns decided the answer. */
  readonly context?: boolean;
}

/** A clarifying question the last answer asked (its choices come from the knowledge base). */
export interface PendingChoice {
  readonly label: string;
  readonly topic: TopicId;
  readonly variant?: string;
  readonly fact?: string;
}

/**
 * What a conversation remembers of its last answer. It holds ids and knowledge-base words only,
 * never the user's text, so nothing a patient said is kept (no 個人番号 can reach a store).
 */
export interface ConversationState {
  readonly topic: TopicId;
  readonly variant?: string;
  /** Facts learnt (knowledge-base fact ids such as "no-document", "method:card"). */
  readonly facts: readonly string[];
  /** The phone line the last answer named or implied (contacts.yaml id). */
  readonly line?: string;
  readonly pending?: readonly PendingChoice[];
  /** Guide questions answered in this conversation so far. */
  readonly turns: number;
  /** Epoch milliseconds of the last turn. */
  readonly at: number;
}

export interface ConversationLimits {
  /** A conversation idle longer than this starts afresh. */
  readonly ttlMs: number;
  /** After this many answered turns the conversation starts afresh. */
  readonly maxTurns: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { ttlMs: 30 * 60_000, maxTurns: 20 };

/** The state if it is still fresh at `now`, else nothing. */
export function liveState(
  state: ConversationState | undefined,
  now: Date,
  limits: ConversationLimits = DEFAULT_LIMITS,
): ConversationState | undefined {
  if (!state) return undefined;
  const age = now.getTime() - state.at;
  if (!(age >= -60_000 && age <= limits.ttlMs) || state.turns >= limits.maxTurns) return undefined;
  return state;
}
