import { readFileSync } from "node:fs";
import { z } from "zod";
import { topicIdSchema } from "../knowledge/schema.js";
import type { Matcher, MatchResult } from "./match-result.js";

export const evalCaseSchema = z
  .object({
    q: z.string(),
    id: topicIdSchema,
    accept: z.array(topicIdSchema).optional(),
    variant: z.string().optional(),
    kind: z.enum(["plain", "casual", "paste", "typo", "kana", "abbrev", "long", "english", "nearmiss", "oos"]),
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
  readonly misses: readonly Miss[];
}

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
    if (!ok) misses.push({ c, got, reason: "topic" });
    if (c.variant !== undefined) {
      variants.total++;
      if (ok && got.variant === c.variant) variants.correct++;
      else if (ok) misses.push({ c, got, reason: "variant" });
    }
  }
  return { overall, byKind, byTopic, variants, noneRecall, nonePrecision, misses };
}

const pct = (t: Tally) => (t.total === 0 ? "   -  " : `${((100 * t.correct) / t.total).toFixed(1).padStart(5)}%`);

export function formatReport(name: string, r: EvalReport, showMisses = true): string {
  const lines = [
    `== ${name}: ${pct(r.overall)} (${r.overall.correct}/${r.overall.total})`,
    `   variants ${pct(r.variants)} (${r.variants.correct}/${r.variants.total})  none recall ${pct(r.noneRecall)} (${r.noneRecall.correct}/${r.noneRecall.total})  none precision ${pct(r.nonePrecision)} (${r.nonePrecision.correct}/${r.nonePrecision.total})`,
    "   by kind:",
    ...[...r.byKind].map(([k, t]) => `     ${k.padEnd(10)} ${pct(t)} (${t.correct}/${t.total})`),
    "   by topic:",
    ...[...r.byTopic]
      .sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true }))
      .map(([k, t]) => `     ${k.padEnd(20)} ${pct(t)} (${t.correct}/${t.total})`),
  ];
  if (showMisses && r.misses.length > 0) {
    lines.push("   misses:");
    for (const m of r.misses) {
      const want = m.reason === "variant" ? `${m.c.id}/${m.c.variant}` : m.c.id;
      const got = m.got.variant ? `${m.got.id}/${m.got.variant}` : m.got.id;
      lines.push(`     [${m.c.kind}] want ${want} got ${got} (${m.got.confidence}) ${m.c.q.slice(0, 90)}`);
    }
  }
  return lines.join("\n");
}
