import type { KnowledgeBase, TopicId } from "../knowledge/schema.js";
import type { MatchingPolicy } from "./matching-policy.js";

/** Which topics are the card-reader makers', which lists them all, which is the call center's: read from contacts.yaml. */
interface ReaderTopics {
  readonly makers: ReadonlySet<TopicId>;
  readonly general: TopicId | undefined;
  readonly callcenter: TopicId | undefined;
}

const readerTopicsOf = new WeakMap<KnowledgeBase, ReaderTopics>();

function readerTopics(kb: KnowledgeBase): ReaderTopics {
  let found = readerTopicsOf.get(kb);
  if (!found) {
    const lines = [...kb.phoneLines.values()];
    const makerLines = lines.filter((l) => l.kind === "reader-maker").map((l) => l.id);
    const general = [...kb.topics.values()].find(
      (t) => makerLines.length > 1 && makerLines.every((id) => t.phoneLines.includes(id)),
    );
    found = {
      makers: new Set(lines.filter((l) => l.kind === "reader-maker").map((l) => l.topic)),
      general: general?.id,
      callcenter: lines.find((l) => l.kind === "callcenter")?.topic,
    };
    readerTopicsOf.set(kb, found);
  }
  return found;
}

/**
 * The guide's rule for card readers: a reader question that names exactly one maker (by name,
 * misspelt name or hotline number) is that maker's; one that names none, or several, goes to the
 * topic that lists every maker's line (a maker's concept id is its phone line's id in contacts.yaml).
 */
export function makerTopic(
  kb: KnowledgeBase,
  id: TopicId,
  concepts: ReadonlySet<string>,
  ranked: readonly { id: TopicId }[],
): TopicId {
  const { makers: makerTopics, general, callcenter } = readerTopics(kb);
  if (!general) return id;
  const reader = id === general || makerTopics.has(id);
  const makers = namedMakers(kb, concepts);
  if (makers.length === 1 && makers[0] && (reader || id === callcenter)) return makers[0];
  if (!reader || makers.includes(id)) return id;
  // No maker named: a card-reader question is the general reader topic; a question that names no
  // reader either (「問い合わせ先」) goes to the best topic that is not one maker's.
  if (concepts.has("reader")) return general;
  return ranked.find((r) => r.id !== "none" && !makerTopics.has(r.id))?.id ?? general;
}

/**
 * The guide's distinctions (distinctions.yaml): when the question holds the cues of one side only
 * (or of several, one of which prevails), that side's topics gain and the other sides' lose.
 */
export function applyDistinctions(
  scores: Map<TopicId, number>,
  concepts: ReadonlySet<string>,
  distinctions: readonly (readonly {
    concept: string;
    topics: readonly TopicId[];
    prevails?: boolean;
    dampens?: readonly TopicId[];
  }[])[],
  weights: MatchingPolicy,
): void {
  for (const sides of distinctions) {
    const cued = sides.filter((side) => concepts.has(side.concept));
    // One side cued wins; several cued, the side that prevails (「無効」 on screen over a job change) wins.
    const prevailing = cued.filter((side) => side.prevails);
    const winner = cued.length === 1 ? cued[0] : prevailing.length === 1 ? prevailing[0] : undefined;
    if (!winner) continue;
    for (const side of sides) {
      for (const topic of side.topics) {
        const s = scores.get(topic);
        if (s === undefined) continue;
        scores.set(topic, side === winner ? s + weights.distinctionBoost : s * weights.distinctionDamp);
      }
    }
    for (const topic of winner.dampens ?? []) {
      const s = scores.get(topic);
      if (s !== undefined) scores.set(topic, s * weights.distinctionDamp);
    }
  }
}

/** Whether `id` is one card-reader maker's topic (offered as an alternative only when that maker is named). */
export function isMakerTopic(kb: KnowledgeBase, id: TopicId): boolean {
  return readerTopics(kb).makers.has(id);
}

/** The maker topics the question names (a maker's concept id is its phone line's id in contacts.yaml). */
export function namedMakers(kb: KnowledgeBase, concepts: ReadonlySet<string>): TopicId[] {
  return [...concepts].flatMap((c) => {
    const line = kb.phoneLines.get(c);
    return line?.kind === "reader-maker" ? [line.topic] : [];
  });
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'「」（）()]+/giu;
const bareUrl = (url: string) =>
  url
    .toLowerCase()
    .replace(/^https?:\/\//u, "")
    .replace(/[/.,、。]+$/u, "");

/** The topics whose guide links (contacts.yaml) the text quotes: a pasted URL of the guide names its topic. */
export function topicsOfQuotedLinks(kb: KnowledgeBase, text: string): TopicId[] {
  const quoted = (text.match(URL_IN_TEXT) ?? []).map(bareUrl);
  if (quoted.length === 0) return [];
  const linkIds = [...kb.links.values()].filter((l) => quoted.includes(bareUrl(l.url))).map((l) => l.id);
  return [...kb.topics.values()].filter((t) => t.links.some((id) => linkIds.includes(id))).map((t) => t.id);
}
