import { toRomaji } from "wanakana";
import { ALL_KANJI, HAS_HIRAGANA, HAS_KANJI } from "./char-classes.js";
import type { Token } from "./tokenizer.js";

/** Hiragana's codes, from ぁ; the tables below are indexed by a code less this. */
const FIRST_KANA = 0x3041;
const LAST_KANA = 0x3096;
/** A vowel as one bit (a, i, u, e, o). */
const vowelBit = (vowel: string) => 1 << "aiueo".indexOf(vowel);
/** The vowel each hiragana ends in (き → i, ょ → o), from wanakana's romanisation, as its bit. */
const VOWEL = new Uint8Array(LAST_KANA - FIRST_KANA + 1);
for (let code = FIRST_KANA; code <= LAST_KANA; code++) {
  const last = toRomaji(String.fromCharCode(code)).slice(-1);
  if ("aiueo".includes(last)) VOWEL[code - FIRST_KANA] = vowelBit(last);
}
/** A vowel kana that only lengthens the one before it (こう, こお, せい, りい, だあ): the vowels it lengthens, as bits. */
const LENGTHENS = new Uint8Array(LAST_KANA - FIRST_KANA + 1);
[..."あいうえお"].forEach((kana, i) => {
  const at = kana.charCodeAt(0) - FIRST_KANA;
  for (const vowel of ["a", "ie", "uo", "e", "o"][i]!) LENGTHENS[at] = LENGTHENS[at]! | vowelBit(vowel);
});
const kanaBits = (table: Uint8Array, code: number) =>
  code >= FIRST_KANA && code <= LAST_KANA ? table[code - FIRST_KANA]! : 0;
const LONG_MARK = "ー".charCodeAt(0);

/**
 * The reading as a key: long vowels dropped however they are written (ムコウ, mukoo, mukou → むこ;
 * コールセンター, kooru sentaa, koru senta → こるせんた). Romaji, kana and kanji meet here.
 * (Read by code unit: the kept runs are sliced, not built a character at a time.)
 */
export function readingKey(hiragana: string, before = ""): string {
  let out = "";
  let kept = 0;
  let prev = before.length > 0 ? before.charCodeAt(before.length - 1) : -1;
  for (let i = 0; i < hiragana.length; i++) {
    const code = hiragana.charCodeAt(i);
    if (code === LONG_MARK || (kanaBits(LENGTHENS, code) & kanaBits(VOWEL, prev)) !== 0) {
      if (i > kept) out += hiragana.slice(kept, i);
      kept = i + 1;
      continue;
    }
    prev = code;
  }
  return kept === 0 ? hiragana : out + hiragana.slice(kept);
}

/** A word's hiragana: its reading's kana when it is a kana or kanji word; Latin words and digits have none. */
export const kanaOf = (surface: string, reading: string): string =>
  HAS_HIRAGANA.test(reading) || HAS_KANJI.test(surface) ? reading.replace(/[^\u3041-\u309Fー]/g, "") : "";

/** The hiragana reading of tokens as a key (kana and kanji words only; Latin and digits have none). */
export function readingOf(tokens: readonly Token[]): string {
  return readingKey(tokens.map((t) => t.kana).join(""));
}

/** Positions of a reading: whether one is marked. */
export interface Positions {
  has(at: number): boolean;
}

/** Where a word written all in kanji ends in a reading, by where it starts (undefined: no such word starts there). */
export interface KanjiWords {
  get(at: number): number | undefined;
}

const WORD_STARTS = 1;
const WORD_ENDS = 2;

/** The reading key and where each word's reading starts and ends in it (a term read inside a word is no term). */
export function readingWithStarts(tokens: readonly Token[]): {
  reading: string;
  starts: Positions;
  ends: Positions;
  /** Where a space or punctuation the writer typed was (さぽーと|なんじ): no term is read across it. */
  breaks: readonly number[];
  /**
   * Where a word written all in kanji starts in the reading, and where it ends: two or more such words in a
   * row that read as a term are a compound the dictionary does not know (無|劫 read むこう: an IME slip).
   */
  kanjiWords: KanjiWords;
} {
  let reading = "";
  const keys: string[] = [];
  const breaks: number[] = [];
  let opens = false;
  for (const t of tokens) {
    opens ||= t.opensPiece === true;
    // A vowel after a space the writer typed starts a word (とうろく うけつけ): it lengthens nothing.
    const key = readingKey(t.kana, opens ? "" : reading);
    keys.push(key);
    if (key.length === 0) continue;
    if (opens && reading.length > 0) breaks.push(reading.length);
    opens = false;
    reading += key;
  }
  // Marked in arrays the reading's length, once it is known: no set or map grows per word.
  const marks = new Uint8Array(reading.length + 1);
  /** A kanji word's end by its start (0: none; a word ends after it starts). */
  const kanjiEnd = new Int32Array(reading.length + 1);
  marks[0] = WORD_STARTS;
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i]!;
    if (key.length === 0) continue;
    const end = at + key.length;
    marks[at] = marks[at]! | WORD_STARTS;
    marks[end] = marks[end]! | WORD_ENDS;
    if (ALL_KANJI.test(tokens[i]!.surface)) kanjiEnd[at] = end;
    at = end;
  }
  return {
    reading,
    starts: { has: (p) => ((marks[p] ?? 0) & WORD_STARTS) !== 0 },
    ends: { has: (p) => ((marks[p] ?? 0) & WORD_ENDS) !== 0 },
    breaks,
    kanjiWords: { get: (p) => (kanjiEnd[p] ? kanjiEnd[p] : undefined) },
  };
}
