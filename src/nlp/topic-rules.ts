import type { KnowledgeBase, TopicId } from "../knowledge/schema.js";
import type { MatchingPolicy } from "./matching-policy.js";

/**
 * The guide's rule for card readers: a reader question that names exactly one maker (by name,
 * misspelt name or hotline number) is that maker's; one that names none, or several, is 3-reader,
 * which lists every maker (a maker's concept id is its phone line's id in contacts.yaml).
 */
export function makerTopic(
  kb: KnowledgeBase,
  id: TopicId,
  concepts: ReadonlySet<string>,
  ranked: readonly { id: TopicId }[],
): TopicId {
  const reader = id === "3-reader" || id.startsWith("3-reader-");
  const makers = namedMakers(kb, concepts);
  if (makers.length === 1 && makers[0] && (reader || id === "3-callcenter")) return makers[0];
  if (!reader || makers.includes(id)) return id;
  // No maker named: a card-reader question is 3-reader; a question that names no reader either
  // (「問い合わせ先」) goes to the best topic that is not one maker's.
  if (concepts.has("reader")) return "3-reader";
  return ranked.find((r) => r.id !== "none" && !r.id.startsWith("3-reader-"))?.id ?? "3-reader";
}

/**
 * The guide's distinctions (distinctions.yaml): when the question holds the cues of one side only,
 * that side's topics gain and the other sides' lose.
 */
export function applyDistinctions(
  scores: Map<TopicId, number>,
  concepts: ReadonlySet<string>,
  distinctions: readonly (readonly { concept: string; topics: readonly TopicId[] }[])[],
  weights: MatchingPolicy,
): void {
  for (const sides of distinctions) {
    const cued = sides.filter((side) => concepts.has(side.concept));
    if (cued.length !== 1 || !cued[0]) continue;
    const winner = cued[0];
    for (const side of sides) {
      for (const topic of side.topics) {
        const s = scores.get(topic);
        if (s === undefined) continue;
        scores.set(topic, side === winner ? s + weights.distinctionBoost : s * weights.distinctionDamp);
      }
    }
  }
}

/** The maker topics the question names (a maker's concept id is its phone line's id in contacts.yaml). */
export function namedMakers(kb: KnowledgeBase, concepts: ReadonlySet<string>): TopicId[] {
  return [...concepts].flatMap((c) => {
    const line = kb.phoneLines.get(c);
    return line?.kind === "reader-maker" ? [line.topic] : [];
  });
}
