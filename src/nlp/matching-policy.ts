/**
 * The one matching policy: every number that decides what the matcher answers, each with the line
 * that says what it does. Scores are chosen on the tuning sets (TUNING_SETS in evaluation.ts) by
 * scripts/tune.ts; the confidence map is fitted by scripts/calibrate.ts on held-out folds of those
 * sets (src/nlp/data/calibration.json). The holdouts are never read by either.
 */
export interface MatchingPolicy {
  /** Weight of a concept feature (a vocabulary meaning) in the example vectors. */
  readonly concept: number;
  /** Weight of a content-word feature. */
  readonly word: number;
  /** Weight of a reading-bigram feature (kana, romaji and misspelt kanji meet here). */
  readonly gram: number;
  /** How much the question's concepts vote for the topics they are specific to, added to the example score. */
  readonly conceptVotes: number;
  /** Added to the score of the topic whose guide link (URL or article id) or own sentence the question quotes. */
  readonly quotedLink: number;
  /** Factor on every topic's score when the question names something the guide does not cover (outOfGuide). */
  readonly outOfGuide: number;
  /** Factor on a topic's score when the question asks something that topic does not answer (answerability.yaml). */
  readonly unanswered: number;
  /** Added to the score of the side of a distinction (distinctions.yaml) whose cues alone the question holds. */
  readonly distinctionBoost: number;
  /** Factor on the scores of the other sides of that distinction. */
  readonly distinctionDamp: number;
  /** A question of this many characters or more, up to storyMaxChars, is also scored sentence by sentence… */
  readonly storyMinChars: number;
  /** …(longer text is a paste: the whole of it speaks)… */
  readonly storyMaxChars: number;
  /** …each sentence of at least this many characters… */
  readonly sentenceMinChars: number;
  /** …and a topic keeps this fraction of its best sentence's score when that beats the whole text's. */
  readonly sentenceWeight: number;
  /** Below this best score nothing in the guide answers the question: `none`. */
  readonly noneThreshold: number;
  /** A topic the fitted confidence map gives less than this is more often no answer at all: `none` instead. */
  readonly minTopicConfidence: number;
  /** A pasted screen message at or above this similarity decides the topic and variant at once. */
  readonly screenShortcut: number;
  /** Fuse.js score (0 exact … 1 anything) up to which a misspelt kana term counts as named. */
  readonly fuzzyKana: number;
  /** Fuse.js score up to which a maker name with one wrong kanji counts as named. */
  readonly fuzzyKanji: number;
  /** A runner-up within this fraction of the best score is offered beside the answer (「こちらではありませんか」). */
  readonly closeRatio: number;
  /** At most this many runners-up are offered. */
  readonly maxAlternatives: number;
  /** Shortest reading (kana, long vowels dropped) a term is found by in kana text… */
  readonly minReadingKana: number;
  /** …and in text that is mostly kanji (short readings there mostly find homophones). */
  readonly minReadingKanji: number;
  /** In text without kanji, a reading this long is found anywhere, not only where the dictionary cut a word. */
  readonly minReadingAnywhere: number;
  /** A vocabulary term in parts (いつ〜届) is found when each part follows the one before within this many characters. */
  readonly maxGapChars: number;
  /** Longest input the matcher reads, in UTF-16 units; longer text is cut on a grapheme boundary. */
  readonly maxInputChars: number;
  /** Questions answered below this confidence (or `none`) are kept, masked, for the knowledge maintainers. */
  readonly lowConfidence: number;
}

export const MATCHING_POLICY: MatchingPolicy = {
  concept: 1.5,
  word: 1,
  gram: 0.5,
  conceptVotes: 0.3,
  quotedLink: 0.5,
  outOfGuide: 0.4,
  unanswered: 0.35,
  distinctionBoost: 0.1,
  distinctionDamp: 0.6,
  storyMinChars: 60,
  storyMaxChars: 600,
  sentenceMinChars: 8,
  sentenceWeight: 0.85,
  noneThreshold: 0.26,
  minTopicConfidence: 0.22,
  screenShortcut: 0.8,
  fuzzyKana: 0.26,
  fuzzyKanji: 0.34,
  closeRatio: 0.85,
  maxAlternatives: 2,
  minReadingKana: 3,
  minReadingKanji: 4,
  minReadingAnywhere: 5,
  maxGapChars: 8,
  maxInputChars: 2000,
  lowConfidence: 0.5,
};
