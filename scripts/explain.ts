// npm run explain -- "質問": what the matcher sees in one question (features, concepts, scores).
// The matcher is built as the server builds it (buildMatcher: the fitted confidence map and its
// minimum), so the answer shown is the one the server gives.
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { buildMatcher } from "../src/nlp/create-matcher.js";

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.message);
const matcher = await buildMatcher(loaded.kb);
for (const q of process.argv.slice(2)) {
  const e = matcher.explain(q);
  process.stdout.write(
    `${q}\n  → ${e.id}${e.variant ? `/${e.variant}` : ""} ${e.confidence}  concepts: ${e.concepts.join(" ")}\n  features: ${[...e.features.terms.keys()].filter((k) => !k.startsWith("g:")).join(" ")}\n  reading: ${e.features.reading}\n  scores: ${e.scores
      .slice(0, 5)
      .map((s) => `${s.id} ${s.confidence}`)
      .join(", ")}\n`,
  );
}
