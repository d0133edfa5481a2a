import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { featureCacheKey, openFeatureCache } from "../../src/nlp/feature-cache.js";
import { createMatcher } from "../../src/nlp/matcher.js";
import { loadTokenizer } from "../../src/nlp/tokenizer.js";
import { loadVocabulary } from "../../src/nlp/vocabulary.js";
import { findProjectRoot } from "../../src/project-root.js";

const dir = mkdtempSync(join(tmpdir(), "feature-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const questions = readFileSync(join(findProjectRoot(), "test", "fixtures", "eval", "dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe("the matcher's feature cache", () => {
  it("gives the same answers cold, warm and without it, and keeps one file", async () => {
    const loaded = loadKnowledge();
    if (!loaded.ok) throw new Error(loaded.message);
    const kb = loaded.kb;
    const tokenizer = await loadTokenizer();
    const vocabulary = loadVocabulary(undefined, new Set(kb.topics.keys()));
    const stale = openFeatureCache("stale-key", dir);
    stale.set("x", { terms: new Map(), concepts: new Set(), folded: "", compact: "", reading: "", romaji: false });
    stale.save();

    const key = featureCacheKey(["test"]);
    const cold = openFeatureCache(key, dir);
    const first = createMatcher({ kb, tokenizer, vocabulary, featureCache: cold });
    cold.save();
    expect(readdirSync(dir)).toEqual([`${key}.json`]);
    const warmCache = openFeatureCache(key, dir);
    const examples = [...kb.topics.values()].flatMap((t) => t.matching.examples);
    expect(examples.every((e) => warmCache.get(e) !== undefined)).toBe(true);
    const warm = createMatcher({ kb, tokenizer, vocabulary, featureCache: warmCache });
    const plain = createMatcher({ kb, tokenizer, vocabulary });
    for (const q of questions) {
      const expected = plain.match(q);
      expect(first.match(q), q).toEqual(expected);
      expect(warm.match(q), q).toEqual(expected);
    }
  }, 60_000);

  it("changes its key with what the features depend on", () => {
    expect(featureCacheKey(["a"])).not.toBe(featureCacheKey(["b"]));
    expect(featureCacheKey(["a"])).toBe(featureCacheKey(["a"]));
  });
});
