import { z } from "zod";
import { type ConversationState, DEFAULT_LIMITS } from "../engine/conversation/conversation-state.js";
import type { DialogEngine, DialogInput, DialogTurn } from "../engine/conversation/dialog-engine.js";
import { topicIdSchema } from "../knowledge/schema.js";
import { type StateStore, stateKeys } from "./state-store.js";

const stateSchema = z.object({
  topic: topicIdSchema,
  variant: z.string().max(50).optional(),
  facts: z.array(z.string().max(200)).max(20),
  line: z.string().max(50).optional(),
  pending: z
    .array(
      z.object({
        label: z.string().max(200),
        topic: topicIdSchema,
        variant: z.string().max(50).optional(),
        fact: z.string().max(200).optional(),
      }),
    )
    .max(20)
    .optional(),
  turns: z.number().int().min(0),
  at: z.number(),
});

/** A conversation's state as read back from a store: anything malformed reads as none. */
export function parseState(value: unknown): ConversationState | undefined {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? (parsed.data as ConversationState) : undefined;
}

export interface Conversations {
  /** Reads the conversation's state, resolves the turn, stores what it remembers next (30 min TTL). */
  turn(conversationId: string, text: string, options?: TurnOptions): Promise<DialogTurn>;
}

export interface TurnOptions {
  readonly now?: Date;
  readonly pick?: DialogInput["pick"];
  /** false: read the conversation but remember nothing (a question still being typed). */
  readonly save?: boolean;
  /** Runs the (synchronous) reading of the turn, e.g. charged to the client's answering-time budget. */
  readonly meter?: <T>(work: () => T) => Promise<T>;
}

/** Conversation ids are the channel's (Teams conversation + thread, Slack channel + thread, a page session). */
export function createConversations(
  store: StateStore,
  dialog: DialogEngine,
  ttlMs = DEFAULT_LIMITS.ttlMs,
): Conversations {
  return {
    async turn(conversationId, text, { now, pick, save = true, meter } = {}) {
      const key = stateKeys.conversation(conversationId);
      const state = parseState(await store.get(key));
      const read = () => dialog.turn({ text, state, ...(now ? { now } : {}), ...(pick ? { pick } : {}) });
      const turn = meter ? await meter(read) : read();
      if (!save) return turn;
      if (turn.state) await store.set(key, turn.state, ttlMs);
      else await store.delete(key);
      return turn;
    },
  };
}
