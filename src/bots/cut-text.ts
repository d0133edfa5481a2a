import { MAX_INPUT_CHARS } from "../nlp/normalize.js";

/** The longest question the matcher reads: every channel cuts to this before any parsing, masking or regex. */
export const MAX_TEXT_CHARS = MAX_INPUT_CHARS;

const DIGIT = /^\p{Nd}$/u;
const LETTER = /^\p{L}$/u;

/** Where a number the cut may have split begins (digits joined by anything but letters), or -1. */
function trailingNumberStart(chars: readonly string[]): number {
  let start = -1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] as string;
    if (DIGIT.test(ch)) start = i;
    else if (LETTER.test(ch) && ch !== "ー") break;
  }
  return start;
}

/**
 * At most `max` code points (default: the matcher's limit), never a split surrogate pair; when
 * something was cut, a number at the end is dropped whole.
 */
export function cutText(text: string, max = MAX_TEXT_CHARS): string {
  // code points are at most 2 units: a text this short cannot be over the limit
  if (text.length <= max) return text;
  let units = 0;
  let count = 0;
  for (const ch of text) {
    if (count === max) break;
    units += ch.length;
    count++;
  }
  if (units === text.length) return text;
  const chars = Array.from(text.slice(0, units));
  // the masker must see a number whole or not at all
  const start = trailingNumberStart(chars);
  return (start >= 0 ? chars.slice(0, start) : chars).join("");
}
