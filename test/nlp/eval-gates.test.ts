import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../../src/nlp/eval-report.js";
import { type EvalReport, evaluate, readEvalSet } from "../../src/nlp/evaluation.js";
import type { Matcher } from "../../src/nlp/match-result.js";
import { findProjectRoot } from "../../src/project-root.js";
import { sharedCore } from "../helpers/test-server.js";

const dir = join(findProjectRoot(), "test", "fixtures", "eval");
let matcher: Matcher;
beforeAll(async () => {
  matcher = (await sharedCore()).matcher;
});

const rate = (t: { correct: number; total: number }) => t.correct / t.total;
let field: EvalReport | undefined;
/** The field holdout (never tuned on): its misses are never printed, only its tables. */
function fieldHoldout(): EvalReport {
  field ??= evaluate(matcher, readEvalSet(join(dir, "field-holdout.jsonl")));
  return field;
}

describe("accuracy gates (npm run eval prints the details)", () => {
  it("dev ≥ 95 %", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "dev.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(300);
    expect(rate(r.overall), formatReport("dev", r)).toBeGreaterThanOrEqual(0.95);
  });

  it("holdout ≥ 90 %", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "holdout.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(100);
    expect(rate(r.overall), formatReport("holdout", r, false)).toBeGreaterThanOrEqual(0.9);
  });

  // The issue asks for 95 %, romaji 90 %, none recall 93 % with ≤ 3 % refused and ≥ 0.8 right 98 %: each
  // gated at the issue's target (now 136/140, 9/9, 25/25, 1/115 and 104/105: two none questions missed or two
  // more confident errors would fail them; docs/matching.md).
  it("field holdout ≥ 95 % overall", () => {
    const r = fieldHoldout();
    expect(r.overall.total).toBe(140);
    expect(rate(r.overall), formatReport("field-holdout", r, false)).toBeGreaterThanOrEqual(0.95);
  });

  it("field holdout: romaji ≥ 90 % of its kind", () => {
    const romaji = fieldHoldout().byKind.get("romaji") ?? { correct: 0, total: 0 };
    expect(romaji.total).toBeGreaterThan(0);
    expect(rate(romaji)).toBeGreaterThanOrEqual(0.9);
  });

  it("field holdout: none recall ≥ 93 % with ≤ 3 % of in-scope questions refused", () => {
    const r = fieldHoldout();
    expect(rate(r.noneRecall), formatReport("field-holdout", r, false)).toBeGreaterThanOrEqual(0.93);
    expect(rate(r.inScopeRefused), formatReport("field-holdout", r, false)).toBeLessThanOrEqual(0.03);
  });

  it("field holdout: stated ≥ 0.8 is right ≥ 98 % of the time", () => {
    const r = fieldHoldout();
    expect(rate(r.confident), formatReport("field-holdout", r, false)).toBeGreaterThanOrEqual(0.98);
  });

  /** The issue's targets on a set tuning may read (its misses may be printed). */
  function expectIssueTargets(name: string, r: EvalReport): void {
    const romaji = r.byKind.get("romaji") ?? { correct: 0, total: 0 };
    expect(rate(r.overall), formatReport(name, r)).toBeGreaterThanOrEqual(0.95);
    expect(rate(romaji), formatReport(name, r)).toBeGreaterThanOrEqual(0.9);
    expect(rate(r.noneRecall), formatReport(name, r)).toBeGreaterThanOrEqual(0.93);
    expect(rate(r.inScopeRefused), formatReport(name, r)).toBeLessThanOrEqual(0.03);
    expect(rate(r.confident), formatReport(name, r)).toBeGreaterThanOrEqual(0.98);
  }

  it("field tuning: ≥ 95 %, romaji ≥ 90 %, none recall ≥ 93 %, ≤ 3 % refused, stated ≥ 0.8 right ≥ 98 %", () => {
    expectIssueTargets("field-tuning", evaluate(matcher, readEvalSet(join(dir, "field-tuning.jsonl"))));
  });

  // The team's fresh sets (docs/matching.md): written apart from the matcher by writers who read only
  // the guide and the topic list. Tuning reads fresh-tuning; fresh-holdout's misses are never printed.
  it("fresh tuning: the issue's targets", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "fresh-tuning.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(3500);
    expectIssueTargets("fresh-tuning", r);
  });

  it("fresh holdout: ≥ 94 %, none recall ≥ 87 % with ≤ 2 % refused, stated ≥ 0.8 right ≥ 98 %", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "fresh-holdout.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(2000);
    expect(rate(r.overall), formatReport("fresh-holdout", r, false)).toBeGreaterThanOrEqual(0.94);
    expect(rate(r.noneRecall), formatReport("fresh-holdout", r, false)).toBeGreaterThanOrEqual(0.87);
    expect(rate(r.inScopeRefused), formatReport("fresh-holdout", r, false)).toBeLessThanOrEqual(0.02);
    expect(rate(r.confident), formatReport("fresh-holdout", r, false)).toBeGreaterThanOrEqual(0.98);
  });

  it("every screen message of the guide finds its variant", async () => {
    const { kb } = await sharedCore();
    for (const topic of kb.topics.values()) {
      for (const variant of topic.variants) {
        for (const message of variant.screenMessages) {
          const m = matcher.match(message);
          expect({ message, id: m.id, variant: m.variant }).toEqual({ message, id: topic.id, variant: variant.id });
        }
      }
    }
  });

  it("pasted screens of the dev set all find their variant", () => {
    const pasted = readEvalSet(join(dir, "dev.jsonl")).filter((c) => c.kind === "paste" && c.variant);
    expect(pasted.length).toBeGreaterThanOrEqual(20);
    const wrong = pasted.filter((c) => matcher.match(c.q).variant !== c.variant).map((c) => c.q);
    expect(wrong).toEqual([]);
  });
});
