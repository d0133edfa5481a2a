// The dialog part of `npm run eval`: turn accuracy by kind on the labelled conversations,
// answered with the conversation's context and, for comparison, each message alone.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createAnswerEngine } from "../src/engine/answer-engine.js";
import { evaluateDialogs, formatDialogReport, readDialogSet } from "../src/engine/conversation/dialog-evaluation.js";
import { createDialogResolver } from "../src/engine/conversation/dialog-resolver.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import type { Matcher } from "../src/nlp/match-result.js";
import { findProjectRoot } from "../src/project-root.js";

const SETS = ["public", "holdout"] as const;

export async function dialogReport(
  matcher: Matcher,
  kb: KnowledgeBase,
  options: { which: string; quiet: boolean },
): Promise<string> {
  const core = { kb, matcher, engine: createAnswerEngine({ kb, matcher }) };
  const out: string[] = [];
  for (const name of SETS) {
    if (options.which !== "all" && options.which !== `dialogs-${name}` && options.which !== "dialogs") continue;
    const path = join(findProjectRoot(), "test", "fixtures", "eval", `dialogs-${name}.jsonl`);
    if (!existsSync(path)) continue;
    const cases = readDialogSet(path);
    const alone = await evaluateDialogs((_c, text) => core.matcher.match(text), cases);
    out.push(formatDialogReport(`${name} (each message alone)`, alone, false));
    const resolver = createDialogResolver(core, { now: () => new Date("2026-11-25T10:00:00+09:00") });
    const report = await evaluateDialogs((c, text) => resolver.resolve(c, text), cases);
    out.push(formatDialogReport(`${name} (with context)`, report, !options.quiet && name === "public"));
  }
  return out.join("\n");
}
