import type { TopicId } from "../knowledge/schema.js";
import type { Features } from "./features.js";

/** How much each concept points at each topic: P(topic | concept), and how specific the concept is. */
export interface ConceptEvidence {
  readonly byConcept: ReadonlyMap<
    string,
    { readonly specificity: number; readonly topics: ReadonlyMap<TopicId, number> }
  >;
}

export function conceptEvidence(raw: readonly { topic: TopicId; features: Features }[]): ConceptEvidence {
  const docsPerTopic = new Map<TopicId, number>();
  const counts = new Map<string, Map<TopicId, number>>();
  for (const { topic, features } of raw) {
    docsPerTopic.set(topic, (docsPerTopic.get(topic) ?? 0) + 1);
    for (const c of features.concepts) {
      const perTopic = counts.get(c) ?? new Map<TopicId, number>();
      perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
      counts.set(c, perTopic);
    }
  }
  const topicCount = docsPerTopic.size;
  const byConcept = new Map<string, { specificity: number; topics: Map<TopicId, number> }>();
  for (const [c, perTopic] of counts) {
    const rates = new Map<TopicId, number>();
    let total = 0;
    for (const [topic, n] of perTopic) {
      const rate = n / (docsPerTopic.get(topic) ?? 1);
      rates.set(topic, rate);
      total += rate;
    }
    let entropy = 0;
    for (const [topic, rate] of rates) {
      const p = rate / total;
      rates.set(topic, p);
      entropy -= p * Math.log(p);
    }
    byConcept.set(c, { specificity: 1 - entropy / Math.log(topicCount), topics: rates });
  }
  return { byConcept };
}

/** Concepts named in the question vote for the topics they are specific to. */
export function addConceptEvidence(
  scores: Map<TopicId, number>,
  concepts: ReadonlySet<string>,
  evidence: ConceptEvidence,
  weight: number,
): void {
  let total = 0;
  const votes = new Map<TopicId, number>();
  for (const c of concepts) {
    const e = evidence.byConcept.get(c);
    if (!e) continue;
    total += e.specificity;
    const { specificity } = e;
    // forEach, not for…of: no [key, value] array per entry on the path of every question.
    e.topics.forEach((p, topic) => {
      votes.set(topic, (votes.get(topic) ?? 0) + specificity * p);
    });
  }
  if (total === 0) return;
  const divisor = Math.max(1, total);
  votes.forEach((v, topic) => {
    scores.set(topic, (scores.get(topic) ?? 0) + weight * (v / divisor));
  });
}
