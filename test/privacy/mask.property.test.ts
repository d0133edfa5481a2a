import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidMyNumber, maskPersonalData } from "../../src/privacy/mask.js";

const SEPARATORS = [
  " ",
  "\u3000",
  "-",
  "‐",
  "‑",
  "–",
  "—",
  "−",
  "ー",
  "ｰ",
  "－",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
];
const OPEN = "〔";
const CLOSE = "〕";

const chars = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));
const asciiNoDigit = chars(0x20, 0x7e).filter((c) => !/[0-9]/u.test(c));
/** Japanese-looking text with no digit, even after NFKC; label words make the other rules fire around the number. */
const textWithoutDigits = fc.string({
  unit: fc.oneof(
    chars(0x3041, 0x3096),
    chars(0x30a1, 0x30fa),
    chars(0x4e00, 0x9fff),
    asciiNoDigit,
    fc.constantFrom(
      "個人番号",
      "マイナンバー",
      "記号",
      "番号",
      "枝番",
      "保険者番号",
      "生年月日",
      "暗証番号",
      "は",
      "：",
      " ",
    ),
  ),
  maxLength: 30,
});
/** Anything at all, digits included, but never the slot markers. */
const anyText = fc
  .oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.string({ maxLength: 30 }), textWithoutDigits)
  .map((s) => s.replaceAll(OPEN, "").replaceAll(CLOSE, ""));

const elevenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 });
const validMyNumber = elevenDigits.map((d) => {
  const sum = d.reduce((acc, x, i) => acc + x * ([6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2][i] ?? 0), 0);
  const r = sum % 11;
  return [...d, r <= 1 ? 0 : 11 - r].join("");
});

/** The digits as staff might paste them: any digit full-width, 0-3 separators in any gap. */
const written = (digits: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.array(
        fc.oneof(
          { arbitrary: fc.constant([]), weight: 2 },
          { arbitrary: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 3 }), weight: 1 },
        ),
        { minLength: digits.length, maxLength: digits.length },
      ),
    )
    .map(([wide, seps]) =>
      [...digits]
        .map((d, i) => {
          const digit = wide[i] ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d;
          return i === 0 ? digit : `${(seps[i] ?? []).join("")}${digit}`;
        })
        .join(""),
    );

const validWritten = validMyNumber.chain((n) => written(n).map((w) => ({ n, w })));

/** Digits still readable in `s`: NFKC, without the [12桁番号] label. */
const digitsIn = (s: string): string =>
  s
    .normalize("NFKC")
    .replaceAll("[12桁番号]", "")
    .replace(/[^0-9]/gu, "");

/** The output between the markers: only the number can have put digits there. */
function slot(out: string): string {
  const start = out.indexOf(OPEN);
  const end = out.lastIndexOf(CLOSE);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return out.slice(start + 1, end);
}

describe("a valid My Number is never left in clear", () => {
  it("in text without digits: the output holds no digit at all", () => {
    fc.assert(
      fc.property(textWithoutDigits, validWritten, textWithoutDigits, (before, { w }, after) => {
        const { text, found } = maskPersonalData(`${before}${w}${after}`);
        expect(digitsIn(text)).toBe("");
        expect(found.myNumber).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it("in any text, digits included: nothing of it is left between the markers", () => {
    fc.assert(
      fc.property(anyText, validWritten, anyText, (before, { w }, after) => {
        const { text, found } = maskPersonalData(`${before}${OPEN}${w}${CLOSE}${after}`);
        expect(digitsIn(slot(text))).toBe("");
        expect(found.myNumber).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("other 12- and 13-digit runs", () => {
  it("a contiguous 12-digit number is masked whatever its check digit", () => {
    const twelve = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(""));
    fc.assert(
      fc.property(anyText, twelve, anyText, (before, n, after) => {
        const out = slot(maskPersonalData(`${before}${OPEN}${n}${CLOSE}${after}`).text);
        expect(out).toBe(isValidMyNumber(n) ? "[個人番号]" : "[12桁番号]");
      }),
    );
  });

  it("a contiguous 13-digit number (法人番号) is kept as it is", () => {
    const thirteen = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }).map((d) => d.join(""));
    fc.assert(
      fc.property(textWithoutDigits, thirteen, textWithoutDigits, (before, n, after) => {
        expect(slot(maskPersonalData(`${before}${OPEN}${n}${CLOSE}${after}`).text)).toBe(n);
      }),
    );
  });
});
