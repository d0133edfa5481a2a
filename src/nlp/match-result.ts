import type { TopicId } from "../knowledge/schema.js";

export interface Alternative {
  readonly id: TopicId;
  readonly confidence: number;
}

/** What the matcher says of one question (the `ask --jsonl` contract of spec/topics.md). */
export interface MatchResult {
  readonly id: TopicId;
  readonly variant?: string;
  readonly confidence: number;
  readonly alternatives: readonly Alternative[];
}

export interface Matcher {
  match(text: string): MatchResult;
}
