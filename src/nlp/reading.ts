import { toRomaji } from "wanakana";
import type { Token } from "./tokenizer.js";

const HAS_KANJI = /[\u4E00-\u9FFF]/;
const HIRAGANA = /[\u3041-\u309F]/;

/** The vowel each hiragana ends in (き → i, ょ → o), from wanakana's romanisation. */
const VOWEL = new Map<string, string>();
for (let code = 0x3041; code <= 0x3096; code++) {
  const kana = String.fromCharCode(code);
  const last = toRomaji(kana).slice(-1);
  if ("aiueo".includes(last)) VOWEL.set(kana, last);
}
/** A vowel kana that only lengthens the one before it (こう, こお, せい, りい, だあ). */
const LENGTHENS: Readonly<Record<string, string>> = { あ: "a", い: "ie", う: "uo", え: "e", お: "o" };

/**
 * The reading as a key: long vowels dropped however they are written (ムコウ, mukoo, mukou → むこ;
 * コールセンター, kooru sentaa, koru senta → こるせんた). Romaji, kana and kanji meet here.
 */
export function readingKey(hiragana: string, before = ""): string {
  let out = "";
  let prev = before.slice(-1);
  for (const ch of hiragana) {
    if (ch === "ー") continue;
    const lengthens = LENGTHENS[ch];
    if (lengthens?.includes(VOWEL.get(prev) ?? "-")) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

const tokenReading = (t: Token) =>
  HIRAGANA.test(t.reading) || HAS_KANJI.test(t.surface) ? t.reading.replace(/[^\u3041-\u309Fー]/g, "") : "";

/** The hiragana reading of tokens as a key (kana and kanji words only; Latin and digits have none). */
export function readingOf(tokens: readonly Token[]): string {
  return readingKey(tokens.map(tokenReading).join(""));
}

/** The reading key and where each word's reading starts and ends in it (a term read inside a word is no term). */
export function readingWithStarts(tokens: readonly Token[]): {
  reading: string;
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
  /** Where a space or punctuation the writer typed was (さぽーと|なんじ): no term is read across it. */
  breaks: readonly number[];
} {
  let reading = "";
  const starts = new Set<number>([0]);
  const ends = new Set<number>();
  const breaks: number[] = [];
  let opens = false;
  for (const t of tokens) {
    opens ||= t.opensPiece === true;
    // A vowel after a space the writer typed starts a word (とうろく うけつけ): it lengthens nothing.
    const key = readingKey(tokenReading(t), opens ? "" : reading);
    if (key.length === 0) continue;
    if (opens && reading.length > 0) breaks.push(reading.length);
    opens = false;
    starts.add(reading.length);
    reading += key;
    ends.add(reading.length);
  }
  return { reading, starts, ends, breaks };
}
