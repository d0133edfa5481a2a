import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../../src/nlp/eval-report.js";
import { evaluate, readEvalSet } from "../../src/nlp/evaluation.js";
import type { Matcher } from "../../src/nlp/match-result.js";
import { findProjectRoot } from "../../src/project-root.js";
import { sharedCore } from "../helpers/test-server.js";

const dir = join(findProjectRoot(), "test", "fixtures", "eval");
let matcher: Matcher;
beforeAll(async () => {
  matcher = (await sharedCore()).matcher;
});

describe("accuracy gates (npm run eval prints the details)", () => {
  it("dev ≥ 95 %", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "dev.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(300);
    expect(r.overall.correct / r.overall.total, formatReport("dev", r)).toBeGreaterThanOrEqual(0.95);
  });

  it("holdout ≥ 90 %", () => {
    const r = evaluate(matcher, readEvalSet(join(dir, "holdout.jsonl")));
    expect(r.overall.total).toBeGreaterThanOrEqual(100);
    expect(r.overall.correct / r.overall.total, formatReport("holdout", r, false)).toBeGreaterThanOrEqual(0.9);
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
