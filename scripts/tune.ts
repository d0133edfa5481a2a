// npm run tune: grid search of the matcher's constants on the DEVELOPMENT set only (the holdout is never read here).
import { join } from "node:path";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { evaluate, readEvalSet } from "../src/nlp/evaluation.js";
import { createMatcher, DEFAULT_WEIGHTS, type MatcherWeights } from "../src/nlp/matcher.js";
import { loadTokenizer } from "../src/nlp/tokenizer.js";
import { loadVocabulary } from "../src/nlp/vocabulary.js";
import { findProjectRoot } from "../src/project-root.js";

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.message);
const tokenizer = await loadTokenizer();
const vocabulary = loadVocabulary();
const dev = readEvalSet(join(findProjectRoot(), "test", "fixtures", "eval", "dev.jsonl"));

const grid: Partial<Record<keyof MatcherWeights, number[]>> = {
  concept: [1.5, 2.2, 3],
  word: [1],
  gram: [0.25, 0.35, 0.5],
  conceptVotes: [0.2, 0.3, 0.45, 0.6],
  outOfGuide: [0.4, 0.5, 0.6],
  noneThreshold: [0.18, 0.2, 0.23, 0.26],
};
const keys = Object.keys(grid) as (keyof MatcherWeights)[];
const results: { w: MatcherWeights; acc: number; none: number }[] = [];
function* combos(i: number, acc: Partial<MatcherWeights>): Generator<MatcherWeights> {
  if (i === keys.length) {
    yield { ...DEFAULT_WEIGHTS, ...acc };
    return;
  }
  for (const v of grid[keys[i]!] ?? []) yield* combos(i + 1, { ...acc, [keys[i]!]: v });
}
for (const w of combos(0, {})) {
  const r = evaluate(createMatcher({ kb: loaded.kb, tokenizer, vocabulary, weights: w }), dev);
  results.push({ w, acc: r.overall.correct / r.overall.total, none: r.noneRecall.correct / r.noneRecall.total });
}
results.sort((a, b) => b.acc - a.acc);
const base = evaluate(createMatcher({ kb: loaded.kb, tokenizer, vocabulary }), dev);
process.stdout.write(`current defaults: ${(100 * base.overall.correct) / base.overall.total}%\n`);
for (const r of results.slice(0, 15)) {
  process.stdout.write(`${(100 * r.acc).toFixed(1)}%  none ${(100 * r.none).toFixed(1)}%  ${JSON.stringify(r.w)}\n`);
}
