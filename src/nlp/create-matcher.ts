import type { KnowledgeBase } from "../knowledge/schema.js";
import { loadCalibration } from "./calibration.js";
import { dictionaryStamp } from "./dictionary-cache.js";
import { featureCacheKey, openFeatureCache } from "./feature-cache.js";
import { defaultDictionaryDir } from "./load-dictionary.js";
import { createMatcher } from "./matcher.js";
import { loadTokenizer } from "./tokenizer.js";
import { loadVocabulary } from "./vocabulary.js";

export interface NlpOptions {
  readonly dictionaryDir?: string;
  readonly vocabularyPath?: string;
}

/** Tokenizer (shared), vocabulary and the matcher's index, built once at start-up. */
export async function buildMatcher(kb: KnowledgeBase, options: NlpOptions = {}) {
  const tokenizer = await loadTokenizer(options.dictionaryDir);
  const vocabulary = loadVocabulary(options.vocabularyPath, new Set(kb.topics.keys()));
  const phones = [...kb.phoneLines.values()].map((l) => `${l.id}=${l.phone}`).join(",");
  const featureCache = openFeatureCache(
    featureCacheKey([
      JSON.stringify(vocabulary),
      phones,
      dictionaryStamp(options.dictionaryDir ?? defaultDictionaryDir()),
    ]),
  );
  const matcher = createMatcher({ kb, tokenizer, vocabulary, calibration: loadCalibration(), featureCache });
  featureCache.save();
  return matcher;
}
