import type { KnowledgeBase, TopicId } from "../knowledge/schema.js";
import type { Features } from "./features.js";
import { foldForMatching, normalizeText } from "./normalize.js";
import { readingOf } from "./reading.js";
import type { JapaneseTokenizer } from "./tokenizer.js";

/** A cue is found by reading only when its reading key is this long (shorter ones find homophones). */
const MIN_CUE_READING = 4;

interface Cue {
  readonly variant: string;
  readonly text: string;
  readonly reading: string | undefined;
  readonly ascii: boolean;
}

export interface VariantCues {
  /** The variant of `topic` the question names in other words than the screen's, if exactly clear. */
  find(topic: TopicId, features: Features): string | undefined;
}

/** Variants pinned by paraphrase (「該当なしって出た」「新しい資格ありって」): the topics' `cues` as data. */
export function createVariantCues(kb: KnowledgeBase, tokenizer: JapaneseTokenizer): VariantCues {
  const byTopic = new Map<TopicId, Cue[]>();
  for (const topic of kb.topics.values()) {
    const cues: Cue[] = [];
    for (const variant of topic.variants) {
      for (const raw of variant.cues) {
        const folded = foldForMatching(normalizeText(raw));
        const ascii = /^[a-z0-9 .'-]+$/.test(folded);
        const reading = ascii ? undefined : readingOf(tokenizer.tokenize(normalizeText(raw)));
        cues.push({
          variant: variant.id,
          text: ascii ? folded : folded.replace(/ /g, ""),
          reading: reading && reading.length >= MIN_CUE_READING ? reading : undefined,
          ascii,
        });
      }
    }
    if (cues.length > 0)
      byTopic.set(
        topic.id,
        cues.sort((a, b) => b.text.length - a.text.length),
      );
  }
  return {
    find(topic, features) {
      const cues = byTopic.get(topic);
      if (!cues) return undefined;
      const spaced = ` ${features.folded} `;
      for (const cue of cues) {
        const hit = cue.ascii
          ? spaced.includes(` ${cue.text} `) || spaced.includes(` ${cue.text}`)
          : features.compact.includes(cue.text) ||
            (cue.reading !== undefined && features.reading.includes(cue.reading));
        if (hit) return cue.variant;
      }
      return undefined;
    },
  };
}
