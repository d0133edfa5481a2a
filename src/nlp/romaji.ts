import { isKana, toKana } from "wanakana";

/** Hepburn with macrons (rīdā, bangō): the long vowel spelt out, as staff type it without an IME. */
const MACRONS: Readonly<Record<string, string>> = {
  ā: "aa",
  ī: "ii",
  ū: "uu",
  ē: "ee",
  ō: "ou",
  â: "aa",
  î: "ii",
  û: "uu",
  ê: "ee",
  ô: "ou",
};
const HAS_LATIN = /[a-zāīūēōâîûêô]/u;
const LATIN_WORD = /[a-zāīūēōâîûêô]+(?:'[a-z]+)?/gu;
/**
 * English words that also spell valid romaji (the → てぇ, are → あれ): never counted as romaji, so
 * an English question is not read as Japanese.
 */
const ENGLISH = new Set(
  "the are one name time make take use same home site code more none done here where were there note mode type online open close made due hope nine see she he we be me so go".split(
    " ",
  ),
);

const NOTHING: ReadonlySet<string> = new Set();

export interface RomajiReading {
  /** The text with its romaji words written in hiragana (other words unchanged). */
  readonly text: string;
  /** True when the text was read as romaji Japanese. */
  readonly romaji: boolean;
  /** The words read as kana (for the tolerant name match). */
  readonly kana: readonly string[];
}

function kanaOf(word: string, english: ReadonlySet<string> = ENGLISH): string | undefined {
  if (word.length < 2 || english.has(word)) return undefined;
  const kana = toKana(word);
  return isKana(kana) ? kana : undefined;
}

/**
 * Romaji typed for Japanese (`mukou tte deta`, `kooru sentaa`) becomes hiragana so it meets the
 * guide by reading. A text is romaji when most of its Latin words of three letters or more spell
 * kana and there is no Japanese script beside them; in Japanese text only a long romaji word
 * (`kyanon`, four letters or more) is read, and it is added beside the Latin, which stays.
 */
export function readRomaji(folded: string): RomajiReading {
  if (!HAS_LATIN.test(folded)) return { text: folded, romaji: false, kana: [] };
  const latin = folded.replace(/[āīūēōâîûêô]/gu, (c) => MACRONS[c] ?? c);
  const words = [...latin.matchAll(LATIN_WORD)].map((m) => m[0]);
  if (words.length === 0) return { text: folded, romaji: false, kana: [] };
  const japanese = /[\u3041-\u30FF\u4E00-\u9FFF]/u.test(latin);
  if (japanese) {
    const extra = words.filter((w) => w.length >= 4).flatMap((w) => kanaOf(w) ?? []);
    return { text: extra.length > 0 ? `${folded} ${extra.join(" ")}` : folded, romaji: false, kana: extra };
  }
  const counted = words.filter((w) => w.length >= 3);
  const kana = counted.filter((w) => kanaOf(w) !== undefined).length;
  if (counted.length === 0 || kana < 2 || kana < counted.length * 0.6) return { text: folded, romaji: false, kana: [] };
  const read: string[] = [];
  // Once the text is romaji, `made` is まで and `are` is あれ.
  const text = latin.replace(LATIN_WORD, (w) => {
    const k = kanaOf(w, NOTHING);
    if (k !== undefined) read.push(k);
    return k ?? w;
  });
  return { text, romaji: true, kana: read };
}
