import type { KnowledgeBase, Topic, TopicId } from "../knowledge/schema.js";
import { type Calibration, noneInputs, predict, type Signals, topicInputs } from "./calibration.js";
import { addConceptEvidence, conceptEvidence } from "./concept-evidence.js";
import { calibrate, noneConfidence, round } from "./confidence.js";
import type { FeatureCache } from "./feature-cache.js";
import { createFeatureExtractor, type FeatureExtractor, type Features } from "./features.js";
import type { Alternative, Matcher, MatchResult } from "./match-result.js";
import { MATCHING_POLICY, type MatchingPolicy } from "./matching-policy.js";
import { createScreenMessageDetector, type ScreenMessageDetector } from "./screen-messages.js";
import type { JapaneseTokenizer, PieceMemo } from "./tokenizer.js";
import { applyDistinctions, isMakerTopic, makerTopic, namedMakers, topicsQuotingTheGuide } from "./topic-rules.js";
import { createVariantCues } from "./variant-cues.js";
import { askConceptId, sideConceptId, type Vocabulary } from "./vocabulary.js";

/** The matcher's scoring constants: the part of the matching policy tune.ts searches. */
export type MatcherWeights = MatchingPolicy;
export const DEFAULT_WEIGHTS: MatcherWeights = MATCHING_POLICY;

const C = "c".charCodeAt(0);
const W = "w".charCodeAt(0);
const G = "g".charCodeAt(0);

/** A sentence the writer ended as a question (sentencesOf cuts after these marks). */
const QUESTION_END = /[？?]$/u;

/** A feature of the examples: its idf and the examples holding it (their indexes and weights). */
interface IndexedTerm {
  readonly idf: number;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** A text's weighted features: `terms[i]` is the index entry of the i-th one (undefined when no example has it). */
interface Vector {
  readonly terms: readonly (IndexedTerm | undefined)[];
  readonly weights: Float64Array;
  readonly norm: number;
}

export interface MatcherOptions {
  readonly kb: KnowledgeBase;
  readonly tokenizer: JapaneseTokenizer;
  readonly vocabulary: Vocabulary;
  readonly weights?: MatcherWeights;
  /** The fitted confidence map (src/nlp/data/calibration.json); without it, a fixed formula. */
  readonly calibration?: Calibration | undefined;
  /** The examples' features from an earlier start (feature-cache.ts); filled with what it lacks. */
  readonly featureCache?: FeatureCache | undefined;
}

function documentsOf(topic: Topic): string[] {
  const m = topic.matching;
  const docs = [...m.examples, ...m.english];
  if (topic.id !== "none") {
    docs.push(`${topic.title} ${topic.situation}`, [...m.keywords, ...m.synonyms].join(" "));
    for (const v of topic.variants) docs.push(...v.screenMessages);
  } else {
    docs.push(m.keywords.join(" "));
  }
  return docs;
}

export interface ExplainedMatch extends MatchResult {
  readonly scores: readonly Alternative[];
  readonly concepts: readonly string[];
  readonly features: Features;
  readonly signals: Signals;
  /** A pasted screen message decided it (its confidence is the message's similarity, not the map's). */
  readonly viaScreen: boolean;
}

export function createMatcher({
  kb,
  tokenizer,
  vocabulary,
  weights = DEFAULT_WEIGHTS,
  calibration,
  featureCache,
}: MatcherOptions): Matcher & {
  explain(text: string): ExplainedMatch;
} {
  // A feature key's family by its first character (c:, w:, g:), read as a code: no string cut per feature.
  const familyWeight = (key: string): number => {
    const family = key.charCodeAt(0);
    return family === C ? weights.concept : family === W ? weights.word : family === G ? weights.gram : 1;
  };
  const phoneNumbers = [...kb.phoneLines.values()].map((l) => ({ digits: l.phone.replace(/\D/g, ""), concept: l.id }));
  const extractor: FeatureExtractor = createFeatureExtractor(tokenizer, vocabulary, weights, phoneNumbers);
  const asks = vocabulary.asks.map((a) => ({ concept: askConceptId(a), answeredBy: new Set<TopicId>(a.answeredBy) }));
  // A subject is a vocabulary concept or a phone line (a number quoted names its line).
  const knownConcepts = new Set([...vocabulary.concepts.map((c) => c.id), ...phoneNumbers.map((p) => p.concept)]);
  const { subjects } = vocabulary;
  const unknownSubject = subjects.flatMap((s) => s.concepts).find((c) => !knownConcepts.has(c));
  if (unknownSubject)
    throw new Error(
      `answerability.yaml: subjects: 概念 "${unknownSubject}" は vocabulary.yaml にも電話窓口にもありません`,
    );
  const distinctions = vocabulary.distinctions.map((d) =>
    d.sides.map((side, i) => ({
      concept: sideConceptId(d, i),
      topics: side.topics,
      prevails: side.prevails,
      dampens: side.dampens,
    })),
  );
  const screens: ScreenMessageDetector = createScreenMessageDetector(kb, tokenizer);
  const cues = createVariantCues(kb, tokenizer);
  const raw: { topic: TopicId; features: Features }[] = [];
  for (const topic of kb.topics.values()) {
    for (const doc of documentsOf(topic)) {
      let features = featureCache?.get(doc);
      if (!features) {
        features = extractor.extract(doc);
        featureCache?.set(doc, features);
      }
      raw.push({ topic: topic.id, features });
    }
  }
  const df = new Map<string, number>();
  for (const { features } of raw) for (const key of features.terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  // Inverted index: a question touches only the examples that share one of its features.
  const index = new Map<string, IndexedTerm>();
  for (const [key, n] of df) {
    index.set(key, { idf: Math.log(1 + raw.length / (1 + n)), docs: new Int32Array(n), weights: new Float64Array(n) });
  }
  const unseenIdf = Math.log(1 + raw.length);

  function vectorize(features: Features): Vector {
    // Sized once: the feature map's size is known.
    const terms = new Array<IndexedTerm | undefined>(features.terms.size);
    const weights = new Float64Array(features.terms.size);
    let sum = 0;
    let i = 0;
    features.terms.forEach((count, key) => {
      const term = index.get(key);
      const w = (1 + Math.log(count)) * (term?.idf ?? unseenIdf) * familyWeight(key);
      terms[i] = term;
      weights[i++] = w;
      sum += w * w;
    });
    return { terms, weights, norm: Math.sqrt(sum) || 1 };
  }

  const filled = new Map<IndexedTerm, number>();
  const docNorms = new Float64Array(raw.length);
  raw.forEach(({ features }, i) => {
    const vector = vectorize(features);
    docNorms[i] = vector.norm;
    vector.terms.forEach((term, t) => {
      if (!term) return;
      const at = filled.get(term) ?? 0;
      term.docs[at] = i;
      term.weights[at] = vector.weights[t]!;
      filled.set(term, at + 1);
    });
  });
  const evidence = conceptEvidence(raw);
  const dots = new Float64Array(raw.length);
  const seen = new Uint8Array(raw.length);
  const touched = new Int32Array(raw.length);
  const topicList = [...new Set(raw.map((d) => d.topic))];
  const docTopicIndex = Int32Array.from(raw.map((d) => topicList.indexOf(d.topic)));
  const top3 = new Float64Array(topicList.length * 3);

  function topicScores(query: Vector): Map<TopicId, number> {
    accumulate(query);
    const scores = new Map<TopicId, number>();
    eachTopicScore((topic, score) => scores.set(topic, score));
    return scores;
  }

  /** Each topic's best three example similarities to `query`, into top3. */
  function accumulate(query: Vector): void {
    let touchedCount = 0;
    for (let t = 0; t < query.terms.length; t++) {
      const term = query.terms[t];
      if (!term) continue;
      const w = query.weights[t]!;
      const { docs, weights } = term;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j]!;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          touched[touchedCount++] = doc;
        }
        dots[doc]! += w * weights[j]!;
      }
    }
    // Each topic: 0.7 × its best example + 0.3 × the mean of its best three (any order gives the same three).
    top3.fill(0);
    for (let k = 0; k < touchedCount; k++) {
      const i = touched[k]!;
      const s = dots[i]! / (query.norm * docNorms[i]!);
      dots[i] = 0;
      seen[i] = 0;
      if (s <= 0) continue;
      const base = docTopicIndex[i]! * 3;
      if (s > top3[base]!) {
        top3[base + 2] = top3[base + 1]!;
        top3[base + 1] = top3[base]!;
        top3[base] = s;
      } else if (s > top3[base + 1]!) {
        top3[base + 2] = top3[base + 1]!;
        top3[base + 1] = s;
      } else if (s > top3[base + 2]!) top3[base + 2] = s;
    }
  }

  /** The topics the last `accumulate` pass scored above 0, in topicList's order, each with its score. */
  function eachTopicScore(visit: (topic: TopicId, score: number) => void): void {
    for (let t = 0; t < topicList.length; t++) {
      const best = top3[t * 3]!;
      if (best > 0) visit(topicList[t]!, 0.7 * best + (0.3 * (best + top3[t * 3 + 1]! + top3[t * 3 + 2]!)) / 3);
    }
  }

  /** A sentence's scores only raise the story's: scored without a map of their own. */
  function raiseBySentence(query: Vector, scores: Map<TopicId, number>): void {
    accumulate(query);
    eachTopicScore((topic, s) => {
      if (topic === "none") return;
      const scaled = s * weights.sentenceWeight;
      if (scaled > (scores.get(topic) ?? 0)) scores.set(topic, scaled);
    });
  }

  function sentencesOf(text: string): string[] {
    if (text.length < weights.storyMinChars || text.length > weights.storyMaxChars) return [];
    const sentences = text
      .split(/(?<=[。！？!?\n])/u)
      .map((s) => s.trim())
      .filter((s) => s.length >= weights.sentenceMinChars);
    return sentences.length >= 2 ? sentences : [];
  }

  /** The index of the last sentence that ends in a question mark (-1 when none does). */
  function lastQuestion(sentences: readonly string[]): number {
    for (let i = sentences.length - 1; i >= 0; i--) if (QUESTION_END.test(sentences[i]!)) return i;
    return -1;
  }

  /** Share of a question's word weight (w: features) that no example has. */
  function unknownShare(features: Features, query: Vector): number {
    let all = 0;
    let unseen = 0;
    let i = 0;
    // The vector's entries are in the order of the feature map (vectorize).
    features.terms.forEach((_count, key) => {
      const w = query.weights[i] ?? 0;
      if (key.startsWith("w:")) {
        all += w;
        if (!query.terms[i]) unseen += w;
      }
      i++;
    });
    return all > 0 ? unseen / all : 0;
  }

  function explain(text: string): ExplainedMatch {
    // A story of several sentences: the sentence that says what happened is not drowned by the rest.
    const sentences = sentencesOf(text);
    // Its sentences' pieces are the whole's, and a paste repeats its lines: each piece is tokenized once.
    const memo: PieceMemo = new Map();
    const features = extractor.extract(text, memo);
    const concepts = [...features.concepts];
    const detected = screens.detect(features.compact, features.reading);
    const query = vectorize(features);
    const scores = topicScores(query);
    // What a story asks is in its last sentence, and in the last one the writer ended with a question mark
    // when a remark follows it (…解除できる？患者さんに聞かれた); the sentences before are background.
    const question = lastQuestion(sentences);
    let asked: ReadonlySet<string> = features.concepts;
    let questioned: ReadonlySet<string> | undefined;
    for (let i = 0; i < sentences.length; i++) {
      const said = extractor.extract(sentences[i]!, memo);
      if (i === question && i < sentences.length - 1) questioned = said.concepts;
      if (i === sentences.length - 1) asked = questioned ? new Set([...questioned, ...said.concepts]) : said.concepts;
      raiseBySentence(vectorize(said), scores);
    }
    addConceptEvidence(scores, features.concepts, evidence, weights.conceptVotes);
    for (const topic of topicsQuotingTheGuide(kb, text))
      scores.set(topic, (scores.get(topic) ?? 0) + weights.quotedLink);
    // A pasted screen message decides its topic unless the question asks what that topic does not answer
    // (「該当資格なし」の原因…どっちで手続きすれば): then it is scored like any question, asks and all.
    const screen =
      detected && !asks.some((a) => asked.has(a.concept) && !a.answeredBy.has(detected.topic)) ? detected : undefined;
    let outOfGuide = false;
    asked.forEach((c) => {
      if (
        extractor.outOfGuideConcepts.has(c) &&
        !(extractor.inGuideWith.get(c) ?? []).some((other) => features.concepts.has(other))
      )
        outOfGuide = true;
    });
    let unanswerable = outOfGuide;
    applyDistinctions(scores, features.concepts, distinctions, weights);
    // After the distinctions: their boost tells the guide's situations apart, it does not bring a question
    // the guide does not answer back into it.
    if (outOfGuide && !screen) {
      scores.forEach((s, topic) => {
        if (topic !== "none") scores.set(topic, s * weights.outOfGuide);
      });
    }
    // What the question asks against what each topic answers (answerability.yaml).
    if (!screen) {
      for (const ask of asks) {
        if (!asked.has(ask.concept)) continue;
        unanswerable = true;
        scores.forEach((s, topic) => {
          if (topic !== "none" && !ask.answeredBy.has(topic)) scores.set(topic, s * weights.unanswered);
        });
      }
      // A topic whose subject the question never names (the call center's line without a word of calling
      // or its hours) is no answer to it.
      for (const subject of subjects) {
        const s = scores.get(subject.topic);
        if (s !== undefined && !subject.concepts.some((c) => features.concepts.has(c)))
          scores.set(subject.topic, s * weights.unanswered);
      }
    }
    const ranked: { id: TopicId; confidence: number }[] = [];
    scores.forEach((confidence, id) => {
      ranked.push({ id, confidence });
    });
    ranked.sort((a, b) => b.confidence - a.confidence);
    const list: Alternative[] = ranked.map((r) => ({ id: r.id, confidence: round(r.confidence) }));
    if (screen && screen.similarity >= weights.screenShortcut) {
      const alternatives = list.filter((a) => a.id !== screen.topic && a.id !== "none").slice(0, 3);
      return {
        id: screen.topic,
        variant: screen.variant,
        confidence: round(0.85 + 0.15 * screen.similarity),
        alternatives,
        scores: list,
        concepts,
        features,
        signals: { best: ranked[0]?.confidence ?? 0, second: 0, noneScore: 0, unanswerable: false, unknown: 0 },
        viaScreen: true,
      };
    }
    const best = ranked[0];
    const topics = ranked.filter((r) => r.id !== "none");
    // A runner-up the answer would become anyway is no rival: with one maker named, every reader topic and the
    // call center's line are that maker's line; with none named, a maker's topic in a reader question is 3-reader.
    const answerOf = (id: TopicId) => makerTopic(kb, id, features.concepts, ranked);
    const answer = topics[0] ? answerOf(topics[0].id) : undefined;
    const rival = topics.find((r, i) => i > 0 && answerOf(r.id) !== answer);
    const signals: Signals = {
      best: topics[0]?.confidence ?? 0,
      second: rival?.confidence ?? 0,
      noneScore: scores.get("none") ?? 0,
      unanswerable,
      unknown: unknownShare(features, query),
    };
    // The map's confidence in the best topic, when one is fitted (below minTopicConfidence it is no answer).
    const topicConfidence =
      calibration && best && best.id !== "none" ? predict(calibration.topic, topicInputs(signals)) : undefined;
    if (
      !best ||
      best.id === "none" ||
      best.confidence < weights.noneThreshold ||
      (topicConfidence !== undefined && topicConfidence < weights.minTopicConfidence)
    ) {
      const confidence = calibration
        ? predict(calibration.none, noneInputs(signals))
        : noneConfidence(best?.confidence ?? 0, best?.id, weights.noneThreshold);
      return {
        id: "none",
        confidence: round(confidence),
        alternatives: list.filter((a) => a.id !== "none").slice(0, 3),
        scores: list,
        concepts,
        features,
        signals,
        viaScreen: false,
      };
    }
    // `best` is the first topic here: its answer is the one the runner-up was weighed against.
    const id = answer ?? best.id;
    const variant = cues.find(id, features);
    const confidence = topicConfidence ?? calibrate(best.confidence, signals.second, weights.noneThreshold);
    // Runners-up close to the best are offered beside it (「こちらではありませんか」), never far ones.
    // A maker's line is offered only when that maker is named (3-reader lists them all).
    const named = namedMakers(kb, features.concepts);
    const close = topics.filter(
      (r) =>
        r.id !== id &&
        r.confidence >= weights.closeRatio * best.confidence &&
        (!isMakerTopic(kb, r.id) || named.includes(r.id)),
    );
    return {
      id,
      ...(variant !== undefined ? { variant } : {}),
      confidence: round(confidence),
      alternatives: close
        .slice(0, weights.maxAlternatives)
        .map((r) => ({ id: r.id, confidence: round((confidence * r.confidence) / best.confidence) })),
      scores: list,
      concepts,
      features,
      signals,
      viaScreen: false,
    };
  }

  return {
    explain,
    match(text) {
      const { scores: _s, concepts: _c, features: _f, signals: _g, viaScreen: _v, ...result } = explain(text);
      return result;
    },
  };
}
