import { Writable } from "node:stream";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ask } from "../../src/bots/ask.js";
import type { Core } from "../../src/core.js";
import { renderAnswerText } from "../../src/engine/render-text.js";
import { createLogger } from "../../src/privacy/logger.js";
import { isValidMyNumber } from "../../src/privacy/mask.js";
import type { MissStore } from "../../src/privacy/miss-store.js";
import { sharedCore } from "../helpers/test-server.js";

let core: Core;
beforeAll(async () => {
  core = await sharedCore();
});

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const validMyNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }).map((d) => {
  const r = d.reduce((acc, x, i) => acc + x * (WEIGHTS[i] ?? 0), 0) % 11;
  return [...d, r <= 1 ? 0 : 11 - r].join("");
});
const separator = fc.constantFrom("", " ", "-", "ー", "‐", "\u200b", "　");
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const japanese = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
    fc.constantFrom("無効", "個人番号", "マイナンバー", "は", "です", "、", " ", "該当資格なし"),
  ),
  maxLength: 40,
});
/** A valid My Number written as staff might paste it: split in groups, any separator, maybe full width. */
const pastedNumber = fc.tuple(validMyNumber, separator, fc.boolean()).map(([n, sep, wide]) => {
  const grouped = [n.slice(0, 4), n.slice(4, 8), n.slice(8)].join(sep);
  return { digits: n, text: wide ? fullWidth(grouped) : grouped };
});

/** `n` written in clear: inside one run of digits joined only by the separators staff use (width folded). */
function holdsNumber(text: string, n: string): boolean {
  const runs = text.normalize("NFKC").match(/\d(?:[\s\-‐ー\u200b\u3000]*\d)*/g) ?? [];
  return isValidMyNumber(n) && runs.some((run) => run.replace(/\D/g, "").includes(n));
}

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: new Writable({
      write(chunk: Buffer, _e, cb) {
        lines.push(chunk.toString("utf8"));
        cb();
      },
    }),
  });
  const stored: string[] = [];
  const keep = (entry: unknown) => {
    stored.push(JSON.stringify(entry));
    return true;
  };
  const store: MissStore = {
    path: "(memory)",
    recordQuestion: keep,
    recordMiss: keep,
    recordFeedback: keep,
    close: () => {},
    purgeExpired: () => ({ removed: 0, kept: 0 }),
  };
  return { logger, store, lines, stored };
}

describe("the whole path from pasted text to every output", () => {
  it("any string: never throws, answers a known topic, text stays within budget", () => {
    const { logger, store } = capture();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), japanese),
        (text) => {
          const { answer } = ask({ core, logger, store }, { channel: "cli", text });
          expect(core.kb.topics.has(answer.topic)).toBe(true);
          const rendered = renderAnswerText(answer);
          expect(rendered.length).toBeLessThan(12_000);
          expect(JSON.stringify(answer).length).toBeLessThan(40_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a valid 個人番号 in random Japanese text never reaches the answer, the store or the log", () => {
    const out = capture();
    fc.assert(
      fc.property(japanese, pastedNumber, japanese, (before, number, after) => {
        const text = `${before}${number.text}${after}`;
        const { answer, maskedText, personalNumberSeen } = ask({ core, ...out }, { channel: "cli", text });
        expect(personalNumberSeen).toBe(true);
        expect(answer.warnings.some((w) => w.includes("個人番号"))).toBe(true);
        for (const output of [
          maskedText,
          JSON.stringify(answer),
          renderAnswerText(answer),
          ...out.stored,
          ...out.lines,
        ]) {
          expect(holdsNumber(output, number.digits)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
