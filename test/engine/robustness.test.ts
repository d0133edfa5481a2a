import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/engine/answer-engine.js";
import type { Query } from "../../src/engine/answer-model.js";
import { renderAnswerText } from "../../src/engine/render-text.js";
import type { Matcher } from "../../src/nlp/match-result.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";
import { engineFor, fakeMatcher, realKb, WEEKDAY_MORNING } from "./fixture-kb.js";

const echoMatcher: Matcher = {
  // Picks a topic from the text's length so every topic's path is exercised.
  match: (text) => ({
    id: TOPIC_IDS[text.length % TOPIC_IDS.length] ?? "none",
    confidence: 0.5,
    alternatives: [{ id: "1-2", confidence: 0.3 }],
  }),
};

function checkAnswers(query: Query, matcher: Matcher = echoMatcher): void {
  const answer = createAnswerEngine({ kb: realKb(), matcher, clock: () => WEEKDAY_MORNING }).answer(query);
  expect(TOPIC_IDS).toContain(answer.topic);
  expect(typeof renderAnswerText(answer)).toBe("string");
  expect(() => JSON.stringify(answer)).not.toThrow();
}

describe("any input gets an answer", () => {
  it.each([
    ["", "空"],
    ["x".repeat(100_000), "10万文字"],
    ["無効\u0000と出た", "NUL"],
    ["\uD800無効\uDC00", "孤立サロゲート"],
    ["😀😀😀", "絵文字だけ"],
    ["👨‍👩‍👧‍👦🇯🇵", "結合絵文字と国旗"],
    ["\u202E無効\u200B", "双方向制御とゼロ幅"],
    ["３割で一般".repeat(5_000), "繰り返しの長文"],
    ["●".repeat(50_000), "記号だけの長文"],
  ])("%s (%s)", (text) => {
    for (const topic of [undefined, "1-1", "1-2", "1-4", "2-4", "3-reader"] as const) {
      checkAnswers(topic ? { text, topic } : { text });
    }
  });

  it("a matcher that throws or returns nonsense gives the out-of-scope answer", () => {
    const throwing: Matcher = {
      match: () => {
        throw new Error("boom");
      },
    };
    const nonsense = {
      match: () => ({ id: "zzz", confidence: Number.NaN, alternatives: [null] }),
    } as unknown as Matcher;
    for (const m of [throwing, nonsense]) {
      const a = createAnswerEngine({ kb: realKb(), matcher: m }).answer({ text: "何か" });
      expect([a.topic, a.confidence, a.alternatives.length]).toEqual(["none", 0, 0]);
    }
  });

  it("untyped callers (the JSON API) cannot break it", () => {
    const ask = engineFor(realKb(), fakeMatcher());
    const odd = [
      { text: 42, topic: "1-2", variant: 7, fact: {}, now: "yesterday" },
      { text: null },
      { text: undefined, topic: "__proto__" },
      { text: "無効", topic: "1-2", fact: "" },
    ] as unknown as Query[];
    for (const q of odd) expect(() => renderAnswerText(ask(q))).not.toThrow();
  });

  it("random strings and queries (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.option(fc.constantFrom(...TOPIC_IDS), { nil: undefined }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2040-01-01") }),
        (text, topic, fact, ms) => {
          checkAnswers({
            text,
            now: new Date(ms),
            ...(topic ? { topic } : {}),
            ...(fact !== undefined ? { fact } : {}),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
