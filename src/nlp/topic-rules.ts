import type { KnowledgeBase, TopicId } from "../knowledge/schema.js";
import type { MatchingPolicy } from "./matching-policy.js";
import { squeeze } from "./normalize.js";

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
  // The card reader's maker asked for without a name (リーダーのメーカーの電話番号): the makers' lines, all of
  // them (3-reader), not the call center's.
  if (id === callcenter && makers.length === 0 && concepts.has("reader") && concepts.has("maker")) return general;
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
/** An article or page id of a guide link (KB0010372, newpage_08280) quoted without its URL. */
const ID_IN_TEXT = /[a-z]{2,}[_-]?\d{5,}/giu;
/** A sentence the writer quotes (「…」, 『…』, "…"). */
const QUOTED = /[「『"“]([^」』"”]{12,})[」』"”]?/gu;
const bareUrl = (url: string) =>
  url
    .toLowerCase()
    .replace(/^https?:\/\//u, "")
    .replace(/[/.,、。]+$/u, "");

interface GuideText {
  readonly links: readonly { readonly url: string; readonly topics: readonly TopicId[] }[];
  readonly texts: readonly { readonly text: string; readonly topic: TopicId }[];
}
const guideTextOf = new WeakMap<KnowledgeBase, GuideText>();

function guideText(kb: KnowledgeBase): GuideText {
  let found = guideTextOf.get(kb);
  if (!found) {
    const topics = [...kb.topics.values()];
    found = {
      links: [...kb.links.values()].map((l) => ({
        url: bareUrl(l.url),
        topics: topics.filter((t) => t.links.includes(l.id)).map((t) => t.id),
      })),
      texts: topics.flatMap((t) =>
        [
          t.summary,
          ...t.steps.flatMap((s) => [s.text, ...s.substeps, ...s.notes]),
          ...t.notes,
          ...t.variants.flatMap((v) => [v.result ?? "", v.state ?? "", ...v.steps.map((s) => s.text)]),
          ...t.source.quotes,
        ].map((text) => ({ text: squeeze(text), topic: t.id })),
      ),
    };
    guideTextOf.set(kb, found);
  }
  return found;
}

/**
 * The topics whose guide links (contacts.yaml: a URL, or an article id in it) or whose own sentences
 * (a quote of 12+ characters) the text carries: a pasted piece of the guide names its topic.
 */
export function topicsQuotingTheGuide(kb: KnowledgeBase, text: string): TopicId[] {
  const { links, texts } = guideText(kb);
  const out = new Set<TopicId>();
  const urls = (text.match(URL_IN_TEXT) ?? []).map(bareUrl);
  const ids = (text.match(ID_IN_TEXT) ?? []).map((id) => id.toLowerCase());
  for (const link of links) {
    if (urls.includes(link.url) || ids.some((id) => link.url.includes(id))) for (const t of link.topics) out.add(t);
  }
  for (const m of text.matchAll(QUOTED)) {
    // A quote may be cut short (…) or end in the writer's own words: its first 10–24 characters must match.
    const quote = squeeze(m[1] ?? "").replace(/[.…]+$/u, "");
    if (quote.length < 10) continue;
    const head = quote.slice(0, Math.max(10, Math.min(quote.length, 24)));
    for (const t of texts) if (t.text.includes(head)) out.add(t.topic);
  }
  return [...out];
}
