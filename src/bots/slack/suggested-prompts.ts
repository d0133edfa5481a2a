import type { KnowledgeBase } from "../../knowledge/schema.js";
import { commonTopicRefs } from "../teams/static-cards.js";

/** Slack shows at most four suggested prompts (assistant.threads.setSuggestedPrompts, manifest agent_view). */
export const MAX_PROMPTS = 4;

export interface SuggestedPrompt {
  /** What the prompt shows. */
  readonly title: string;
  /** What it sends when clicked: the topic's own title, which the matcher answers with that topic. */
  readonly message: string;
}

/**
 * The Messages tab's suggested prompts: the first four of the topics staff ask about most (the same
 * list the Teams help card and an empty message-extension search show), each asking its topic's title.
 */
export function suggestedPrompts(kb: KnowledgeBase): SuggestedPrompt[] {
  return commonTopicRefs(kb)
    .slice(0, MAX_PROMPTS)
    .map((ref) => ({ title: ref.title, message: ref.title }));
}
