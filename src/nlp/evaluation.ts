import { readFileSync } from "node:fs";
import { z } from "zod";
import { topicIdSchema } from "../knowledge/schema.js";
import { CONFIDENT } from "./calibration.js";
import type { Matcher, MatchResult } from "./match-result.js";

/** Kinds of question: the team's sets use the first ten; the outside field set adds the last five. */
export const EVAL_KINDS = [
  "plain",
  "casual",
  "paste",
  "typo",
  "kana",
  "abbrev",
  "long",
  "english",
  "nearmiss",
  "oos",
  "romaji",
  "dialect",
  "short",
  "pii",
  "multi",
] as const;

/**
 * The evaluation sets tuning may read (scripts/calibrate.ts fits on them, `npm run eval -- --misses`
 * prints their misses); every other set under test/fixtures/eval is a holdout.
 */
export const TUNING_SETS = ["dev", "field-tuning", "fresh-tuning"] as const;

export const evalCaseSchema = z
  .object({
    q: z.string(),
    id: topicIdSchema,
    accept: z.array(topicIdSchema).optional(),
    variant: z.string().optional(),
    kind: z.enum(EVAL_KINDS),
  })
  .strict();
export type EvalCase = z.infer<typeof evalCaseSchema>;

export function readEvalSet(path: string): EvalCase[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface Miss {
  readonly c: EvalCase;
  readonly got: MatchResult;
  readonly reason: "topic" | "variant";
}

export interface Tally {
  correct: number;
  total: number;
}

export interface EvalReport {
  readonly overall: Tally;
  readonly byKind: ReadonlyMap<string, Tally>;
  readonly byTopic: ReadonlyMap<string, Tally>;
  readonly variants: Tally;
  readonly noneRecall: Tally;
  readonly nonePrecision: Tally;
  /** In-scope questions (the right answer is a topic) answered `none`. */
  readonly inScopeRefused: Tally;
  /** Per stated-confidence bin (lower bound 0, .5, .6, .7, .8, .9): how often the topic was right. */
  readonly calibration: ReadonlyMap<number, Tally>;
  /** Answers stated at ≥ 0.8: how often right. */
  readonly confident: Tally;
  readonly misses: readonly Miss[];
}

export const CALIBRATION_BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
const binOf = (confidence: number) => CALIBRATION_BINS.filter((b) => confidence >= b).at(-1) ?? 0;

const bump = (map: Map<string, Tally>, key: string, ok: boolean) => {
  const t = map.get(key) ?? { correct: 0, total: 0 };
  t.total++;
  if (ok) t.correct++;
  map.set(key, t);
};

export function isTopicCorrect(c: EvalCase, got: MatchResult): boolean {
  return got.id === c.id || (c.accept ?? []).includes(got.id);
}

export function evaluate(matcher: Matcher, cases: readonly EvalCase[]): EvalReport {
  const overall: Tally = { correct: 0, total: 0 };
  const variants: Tally = { correct: 0, total: 0 };
  const noneRecall: Tally = { correct: 0, total: 0 };
  const nonePrecision: Tally = { correct: 0, total: 0 };
  const byKind = new Map<string, Tally>();
  const byTopic = new Map<string, Tally>();
  const inScopeRefused: Tally = { correct: 0, total: 0 };
  const calibration = new Map<number, Tally>(CALIBRATION_BINS.map((b) => [b, { correct: 0, total: 0 }]));
  const confident: Tally = { correct: 0, total: 0 };
  const misses: Miss[] = [];
  for (const c of cases) {
    const got = matcher.match(c.q);
    const ok = isTopicCorrect(c, got);
    overall.total++;
    if (ok) overall.correct++;
    bump(byKind, c.kind, ok);
    bump(byTopic, c.id, ok);
    if (c.id === "none") {
      noneRecall.total++;
      if (got.id === "none") noneRecall.correct++;
    }
    if (got.id === "none") {
      nonePrecision.total++;
      if (c.id === "none" || (c.accept ?? []).includes("none")) nonePrecision.correct++;
    }
    if (c.id !== "none" && !(c.accept ?? []).includes("none")) {
      inScopeRefused.total++;
      if (got.id === "none") inScopeRefused.correct++;
    }
    const bin = calibration.get(binOf(got.confidence));
    if (bin) {
      bin.total++;
      if (ok) bin.correct++;
    }
    if (got.confidence >= CONFIDENT) {
      confident.total++;
      if (ok) confident.correct++;
    }
    if (!ok) misses.push({ c, got, reason: "topic" });
    if (c.variant !== undefined) {
      variants.total++;
      if (ok && got.variant === c.variant) variants.correct++;
      else if (ok) misses.push({ c, got, reason: "variant" });
    }
  }
  return {
    overall,
    byKind,
    byTopic,
    variants,
    noneRecall,
    nonePrecision,
    inScopeRefused,
    calibration,
    confident,
    misses,
  };
}
