import type { KnowledgeBase, Topic, TopicId, Variant } from "../knowledge/schema.js";
import type { Alternative, Matcher, MatchResult } from "../nlp/match-result.js";
import type { Query } from "./answer-model.js";
import type { PreparedText } from "./prepare-text.js";
import { variantFromScreen } from "./screen-quote.js";

/** Alternatives below this are noise; at most this many are offered. */
export const MIN_ALTERNATIVE_CONFIDENCE = 0.2;
export const MAX_ALTERNATIVES = 3;

export interface Resolved {
  readonly topic: Topic;
  readonly variant: Variant | undefined;
  readonly confidence: number;
  readonly alternatives: readonly Alternative[];
}

const NOTHING: MatchResult = { id: "none", confidence: 0, alternatives: [] };

function isTopicIdOf(kb: KnowledgeBase) {
  return (value: unknown): value is TopicId => typeof value === "string" && kb.topics.has(value);
}

function safeMatch(kb: KnowledgeBase, matcher: Matcher, text: string): MatchResult {
  try {
    const result = matcher.match(text);
    return isTopicIdOf(kb)(result?.id) ? result : NOTHING;
  } catch {
    return NOTHING;
  }
}

const clamp = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
function pickVariant(topic: Topic, wanted: readonly (string | undefined)[], raw: string): Variant | undefined {
  for (const id of wanted) {
    const v = id === undefined ? undefined : topic.variants.find((x) => x.id === id);
    if (v) return v;
  }
  return variantFromScreen(topic, raw);
}

/** Topic (button or matcher), variant (button, matcher or a quoted screen message), confidence and runners-up. */
export function resolveTopic(kb: KnowledgeBase, matcher: Matcher, query: Query, text: PreparedText): Resolved {
  const fallback = kb.topics.get("none");
  const isTopicId = isTopicIdOf(kb);
  const chosen = isTopicId(query.topic) ? kb.topics.get(query.topic) : undefined;
  const queryVariant = typeof query.variant === "string" ? query.variant : undefined;
  if (chosen) {
    return { topic: chosen, variant: pickVariant(chosen, [queryVariant], text.raw), confidence: 1, alternatives: [] };
  }
  const match = safeMatch(kb, matcher, text.raw);
  const topic = kb.topics.get(match.id) ?? fallback;
  if (!topic) throw new Error("knowledge base has no topic 'none'");
  const seen = new Set<TopicId>([topic.id, "none"]);
  const alternatives: Alternative[] = [];
  for (const alt of Array.isArray(match.alternatives) ? match.alternatives : []) {
    const confidence = clamp(alt?.confidence);
    if (!isTopicId(alt?.id) || seen.has(alt.id) || !kb.topics.has(alt.id) || confidence < MIN_ALTERNATIVE_CONFIDENCE) {
      continue;
    }
    seen.add(alt.id);
    alternatives.push({ id: alt.id, confidence });
  }
  alternatives.sort((a, b) => b.confidence - a.confidence);
  const variant = pickVariant(topic, [queryVariant, match.variant], text.raw);
  return { topic, variant, confidence: clamp(match.confidence), alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
}
