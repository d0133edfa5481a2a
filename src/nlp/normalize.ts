/**
 * The one place text is normalised. The matcher (normalizeText, foldForMatching, squeeze), the
 * engine's cues (foldCue) and its screen quotes (squeeze), and what the engine hands on
 * (stripControls) all take their characters from here, so no two pipelines disagree on what is
 * invisible, what a dash is or how long an input may be.
 */
import { MATCHING_POLICY } from "./matching-policy.js";

/** Longest input the matcher reads; longer text is cut on a grapheme boundary. */
export const MAX_INPUT_CHARS = MATCHING_POLICY.maxInputChars;

const graphemes = new Intl.Segmenter("ja", { granularity: "grapheme" });

// Built from strings: these characters are the point, not a mistake in a literal.
const LONE_SURROGATE = ["[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])", "(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]"];
/** C0 controls but tab and newlines, DEL, lone surrogates: nothing anyone means to type. */
const CONTROLS = new RegExp(
  ["[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]", ...LONE_SURROGATE].join("|"),
  "g",
);
/** The controls, C1 controls, soft hyphen, zero-width and bidi controls, variation selectors, BOM. */
const INVISIBLE = new RegExp(
  [
    "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFE00-\\uFE0F\\uFEFF]",
    ...LONE_SURROGATE,
  ].join("|"),
  "g",
);
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\u20E3\u{E0020}-\u{E007F}]/gu;
const DASHES = /[-\u2010-\u2015\u2212\u2500\u2501\u30FC\uFF70\u301C\uFF5E~]/g;

/** Cuts `text` to at most `max` UTF-16 units without splitting a grapheme (only a window near the cut is segmented). */
export function cutAtGrapheme(text: string, max: number = MAX_INPUT_CHARS): string {
  if (text.length <= max) return text;
  const windowStart = Math.max(0, max - 64);
  let end = windowStart;
  for (const { segment, index } of graphemes.segment(text.slice(windowStart, max + 16))) {
    if (windowStart + index + segment.length > max) break;
    end = windowStart + index + segment.length;
  }
  return text.slice(0, end);
}

/** Removes controls and lone surrogates only (the text is still shown: emoji and joiners stay). */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/** Removes what no one means to type: controls, zero-width and bidi characters, lone surrogates, emoji. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "").replace(EMOJI, " ");
}

/** Long vowels and dashes: a hyphen between digits (phone numbers), ー after kana, otherwise a space (an ASCII hyphen stays). */
function unifyDashes(text: string): string {
  return text.replace(DASHES, (dash: string, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + 1] ?? "";
    if (/\d/.test(before) && /\d/.test(after)) return "-";
    if (/[\u3041-\u30FA\u30FC-\u30FF]/.test(before)) return "ー";
    return dash === "-" ? "-" : " ";
  });
}

/** 々 repeats the kanji before it (各々 → 各各), so tokens and readings agree with the spelled-out form. */
function expandIterationMark(text: string): string {
  return text.replace(/(.)々/gu, "$1$1");
}

/**
 * Cleans what staff type or paste for display and matching: NFKC (full-width digits and Latin,
 * half-width kana), invisible characters and emoji gone, dashes unified, whitespace folded, cut to
 * MAX_INPUT_CHARS. Digits and phone numbers stay intact.
 */
export function normalizeText(input: string): string {
  const cleaned = stripInvisible(cutAtGrapheme(input, MAX_INPUT_CHARS * 2));
  const nfkc = cleaned.normalize("NFKC");
  return cutAtGrapheme(expandIterationMark(unifyDashes(nfkc)).replace(/\s+/g, " ").trim(), MAX_INPUT_CHARS);
}

/** Katakana → hiragana (ヴ → ゔ), for matching only. */
export function toHiragana(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30a1 && code <= 0x30f6) {
      out += text.slice(from, i) + String.fromCharCode(code - 0x60);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Katakana → hiragana. Small kana stay small: ひょう (表) and ひよう (費用) are different words. */
export function foldKana(text: string): string {
  return toHiragana(text);
}

/**
 * The form used for matching: normalised, lower case, katakana folded into hiragana, punctuation as
 * spaces.
 */
export function foldForMatching(normalized: string): string {
  return foldKana(normalized.toLowerCase())
    .replace(/[^\p{L}\p{N}ー\-.]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** NFKC, lower case, whitespace folded: the form the engine's own cue words are compared in. */
export function foldCue(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Letters and digits only, folded; okurigana variants the screens and staff mix (無し/なし) made one. */
export function squeeze(text: string): string {
  return foldForMatching(normalizeText(text))
    .replace(/無し/g, "なし")
    .replace(/[^\p{L}\p{N}]/gu, "");
}
