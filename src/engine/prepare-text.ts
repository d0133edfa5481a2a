import { foldCue, stripControls } from "../nlp/normalize.js";

/** Longest text the engine reads or hands to the matcher; a longer paste is cut. */
export const MAX_QUERY_CHARS = 10_000;

export interface PreparedText {
  /** As typed, cut and cleaned: handed to the matcher. */
  readonly raw: string;
  /** NFKC, lower case, whitespace folded: for the engine's own cues. */
  readonly norm: string;
}

/** Accepts anything a channel might pass (the JSON API is untyped at run time). */
export function prepareText(input: unknown): PreparedText {
  const text = typeof input === "string" ? input : "";
  const raw = stripControls(text.slice(0, MAX_QUERY_CHARS));
  return { raw, norm: normalizeCue(raw) };
}

let lastText = "";
let lastCue = "";

/** NFKC, lower case, whitespace folded. The checkers of one answer ask for the same text in turn: the last is kept. */
export function normalizeCue(text: string): string {
  if (text !== lastText) {
    lastCue = foldCue(text);
    lastText = text;
  }
  return lastCue;
}

const cueCache = new Map<string, string>();

/** normalizeCue for the engine's own fixed words (cue lists, patterns): computed once per word. */
export function normalizedWord(word: string): string {
  let cue = cueCache.get(word);
  if (cue === undefined) {
    cue = normalizeCue(word);
    if (cueCache.size < 10_000) cueCache.set(word, cue);
  }
  return cue;
}

/** Whether the normalised text holds any of the words (each normalised the same way). */
export function mentionsAny(norm: string, words: readonly string[]): boolean {
  return words.some((w) => {
    const cue = normalizedWord(w);
    return cue.length > 0 && norm.includes(cue);
  });
}
