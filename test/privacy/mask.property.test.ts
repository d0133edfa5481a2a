import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidMyNumber, maskPersonalData } from "../../src/privacy/mask.js";

/** Every class of gap a number has been pasted with: as typed, invisible, punctuation, line breaks, brackets, wide spaces. */
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
  "\u00ad",
  "\u202e",
  "\u001b",
  ".",
  ",",
  "、",
  "。",
  "/",
  "・",
  "\n",
  "\r\n",
  "\t",
  "    ",
  "\u3000\u3000\u3000\u3000",
  "(",
  ")",
  ")(",
  "（",
  "）",
  "「",
  "」",
  "*",
];
/** The zero of each script and width a digit has been pasted in (NFKC or Unicode folds each to ASCII). */
const DIGIT_ZEROS = [0x30, 0xff10, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x660, 0x6f0, 0x966];
// Letters (NFKC-stable), so no run of digits reaches across them: the slot holds only what the number became.
const OPEN = "ꙮ";
const CLOSE = "ꚙ";

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

/** The digits as staff might paste them: each digit in any script or width, any separators in any gap. */
const written = (digits: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: digits.length, maxLength: digits.length }),
      fc.array(
        fc.oneof(
          { arbitrary: fc.constant([]), weight: 2 },
          { arbitrary: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 4 }), weight: 1 },
        ),
        { minLength: digits.length, maxLength: digits.length },
      ),
    )
    .map(([zeros, seps]) =>
      [...digits]
        .map((d, i) => {
          const digit = String.fromCodePoint((zeros[i] ?? 0x30) + Number(d));
          return i === 0 ? digit : `${(seps[i] ?? []).join("")}${digit}`;
        })
        .join(""),
    );

const validWritten = validMyNumber.chain((n) => written(n).map((w) => ({ n, w })));

/** Digits still readable in `s`, in any script: without the [12桁番号] label. */
const digitsIn = (s: string): string =>
  s
    .normalize("NFKC")
    .replaceAll("[12桁番号]", "")
    .replace(/[^\p{Nd}]/gu, "");

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

  it("a 13-digit number (法人番号) is kept unless 12 of its digits in a row pass the check", () => {
    const thirteen = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }).map((d) => d.join(""));
    fc.assert(
      fc.property(textWithoutDigits, thirteen, textWithoutDigits, (before, n, after) => {
        const out = slot(maskPersonalData(`${before}${OPEN}${n}${CLOSE}${after}`).text);
        const hidden = isValidMyNumber(n.slice(0, 12)) || isValidMyNumber(n.slice(1));
        expect(out === n).toBe(!hidden);
      }),
    );
  });

  it("a valid number inside a longer run of digits is still found", () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }).map((d) => d.join(""));
    fc.assert(
      fc.property(digits, validMyNumber, digits, (head, n, tail) => {
        const { text, found } = maskPersonalData(`${head}${n}${tail}`);
        expect(found.myNumber).toBeGreaterThanOrEqual(1);
        expect(text).toContain("[個人番号]");
        expect(digitsIn(text).length).toBeLessThanOrEqual(head.length + tail.length);
      }),
      { numRuns: 500 },
    );
  });
});
