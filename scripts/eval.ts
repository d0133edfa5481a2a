// npm run eval [-- --misses] : the matcher on every evaluation set, side by side (by kind, by topic,
// none recall/precision, in-scope refusals, calibration). With --misses, the misses of the sets that
// tuning may read (TUNING_SETS: dev, field-tuning, fresh-tuning); the misses of the holdouts are never printed.
import { join } from "node:path";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { buildMatcher } from "../src/nlp/create-matcher.js";
import { formatMisses, formatSideBySide } from "../src/nlp/eval-report.js";
import { evaluate, readEvalSet, TUNING_SETS } from "../src/nlp/evaluation.js";
import { findProjectRoot } from "../src/project-root.js";
import { dialogReport } from "./eval-dialogs.js";

const SETS = [
  "dev",
  "holdout",
  "field-tuning",
  "field-holdout",
  "field-questions",
  "fresh-tuning",
  "fresh-holdout",
] as const;
const TUNABLE = new Set<string>(TUNING_SETS);
const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const loaded = loadKnowledge();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const matcher = await buildMatcher(loaded.kb);
const dir = join(findProjectRoot(), "test", "fixtures", "eval");
const reports = SETS.map((name) => ({ name, report: evaluate(matcher, readEvalSet(join(dir, `${name}.jsonl`))) }));
process.stdout.write(`${formatSideBySide(reports)}\n`);
if (showMisses) {
  for (const { name, report } of reports)
    if (TUNABLE.has(name)) process.stdout.write(`${formatMisses(name, report)}\n`);
}

// Conversations (docs/spec/conversation.md): scripts/eval-dialogs.ts (misses of the public set only, with --misses).
const dialogs = await dialogReport(matcher, loaded.kb, { which: "all", quiet: !showMisses });
if (dialogs) process.stdout.write(`${dialogs}\n`);
