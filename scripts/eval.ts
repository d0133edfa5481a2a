// npm run eval [-- --set dev|holdout|all] [--quiet]: the matcher's accuracy on the evaluation sets.
import { join } from "node:path";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { buildMatcher } from "../src/nlp/create-matcher.js";
import { evaluate, formatReport, readEvalSet } from "../src/nlp/evaluation.js";
import { findProjectRoot } from "../src/project-root.js";
import { dialogReport } from "./eval-dialogs.js";

const args = process.argv.slice(2);
const which = args.includes("--set") ? args[args.indexOf("--set") + 1] : "all";
const quiet = args.includes("--quiet");
const loaded = loadKnowledge();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const matcher = await buildMatcher(loaded.kb);
const root = findProjectRoot();
for (const name of ["dev", "holdout"]) {
  if (which !== "all" && which !== name) continue;
  const cases = readEvalSet(join(root, "test", "fixtures", "eval", `${name}.jsonl`));
  process.stdout.write(`${formatReport(name, evaluate(matcher, cases), !quiet && name === "dev")}\n`);
}

// Conversations (docs/spec/conversation.md): scripts/eval-dialogs.ts.
const dialogs = await dialogReport(matcher, loaded.kb, { which: which ?? "all", quiet });
if (dialogs) process.stdout.write(`${dialogs}\n`);
