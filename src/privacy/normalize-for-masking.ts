/**
 * The one normalisation every masking rule runs on: NFKC (full-width and mathematical digits become
 * ASCII, half-width kana full-width), every other script's decimal digits folded to ASCII, line
 * separators to "\n", and invisible characters removed (control characters but tab and newline,
 * format characters such as zero-width spaces and bidi overrides, lone surrogates, private use,
 * variation selectors and the Hangul fillers that render as nothing).
 */

const INVISIBLE = /(?![\t\n])\p{Cc}|\p{Cf}|\p{Cs}|\p{Co}|\p{Variation_Selector}|[\u115f\u1160\u3164\uffa0]/gu;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/** The value of a decimal digit: its offset from the start of its run of ten (Unicode keeps them in order). */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  let start = cp;
  while (start > cp - 60 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/** Only control characters and invisible ones removed; the text is otherwise left as typed. */
export function stripInvisible(text: string): string {
  return text.replace(LINE_BREAK, "\n").replace(INVISIBLE, "");
}

export function normalizeForMasking(text: string): string {
  return stripInvisible(text.normalize("NFKC")).replace(NON_ASCII_DIGIT, digitValue);
}
