import Fuse from "fuse.js";
import { approximateMatch } from "./approximate-match.js";
import { ALL_KANJI, HIRAGANA_ONLY } from "./char-classes.js";
import { toHiragana } from "./normalize.js";
import { readingKey } from "./reading.js";

interface Entry {
  readonly key: string;
  readonly concept: string;
}

/** A maker's name long enough to be read with one edit wherever it is (アトラス情報サービス, panasonic, fujitsu). */
export interface LongName {
  /** As the folded compact text writes it (lower case, no spaces). */
  readonly text: string;
  readonly concept: string;
}
/** Names this long (characters) are matched with one edit; shorter ones (canon, atlas) would find other words. */
const LONG_NAME = 6;

export interface FuzzyTermsOptions {
  /** Kana terms (key of 4+ kana) matched with up to this Fuse score (0 exact … 1 anything). */
  readonly kanaScore: number;
  /** Kanji names (3+ characters, same length) matched with up to this score: one wrong kanji in three. */
  readonly kanjiScore: number;
}

const CACHE_SIZE = 10_000;
const KATAKANA_RUN = /[\u30A1-\u30FAー]{3,}/gu;
const KANJI_RUN = /[\u4E00-\u9FFF]{3,}/gu;

/** A long katakana run holds several words (キャノソリーダー): its first and last 4–6 characters are tried too. */
function windows(run: string): string[] {
  const out = new Set([run]);
  for (let n = 4; n <= 6 && n < run.length; n++) {
    out.add(run.slice(0, n));
    out.add(run.slice(-n));
  }
  return [...out];
}

/**
 * Maker names and key domain terms matched tolerantly by reading (キャノソ → キヤノン, アルメッス →
 * アルメックス, レセコソ → レセコン, kyanon → きゃのん) and maker names by one wrong kanji
 * (冨士通 → 富士通), with Fuse.js's approximate (Bitap) search over the terms' reading keys.
 */
export function createFuzzyTerms(
  kanaTerms: readonly { key: string; concept: string }[],
  kanjiNames: readonly { text: string; concept: string }[],
  options: FuzzyTermsOptions,
  longNames: readonly LongName[] = [],
) {
  const names = longNames.filter((n) => n.text.length >= LONG_NAME);
  const fuseOptions = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4 };
  const kana = new Fuse<Entry>(
    kanaTerms.filter((t) => t.key.length >= 4 && HIRAGANA_ONLY.test(t.key)),
    fuseOptions,
  );
  const kanji = new Fuse<Entry>(
    kanjiNames
      .filter((t) => t.text.length >= 3 && ALL_KANJI.test(t.text))
      .map((t) => ({ key: t.text, concept: t.concept })),
    fuseOptions,
  );
  const nameKanji = new Set(kanjiNames.flatMap((t) => [...t.text]));
  // Known words need no search, and staff repeat their words: each piece is searched once.
  const known = new Set(kanaTerms.map((t) => t.key));
  const cache = new Map<string, readonly string[]>();
  const searchKana = (piece: string): readonly string[] => {
    let hit = cache.get(piece);
    if (hit === undefined) {
      hit = known.has(piece)
        ? []
        : kana
            .search(piece, { limit: 2 })
            // The whole piece is the term, misspelt: not a piece of a longer term (ばんご in あんしょばんご).
            .filter((r) => Math.abs(r.item.key.length - piece.length) <= 1 && (r.score ?? 1) <= options.kanaScore)
            .map((r) => r.item.concept);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(piece, hit);
    }
    return hit;
  };
  return {
    /**
     * Concepts named approximately in `normalized` (katakana as typed), in `kanaWords` (romaji read as
     * kana) and in `compact` (the folded text without spaces, for long names). A katakana run the
     * dictionary knows word for word (`isKnownRun`: オンライン) is spelt right: it is another word, not a
     * term misspelt (オフライン).
     */
    find(
      normalized: string,
      kanaWords: readonly string[],
      add: (concept: string) => void,
      isKnownRun: (run: string) => boolean,
      compact: string,
    ): void {
      const pieces = new Set<string>(kanaWords.filter((w) => w.length >= 4).map((w) => readingKey(w)));
      for (const m of normalized.matchAll(KATAKANA_RUN)) {
        if (isKnownRun(m[0])) continue;
        for (const w of windows(m[0])) pieces.add(readingKey(toHiragana(w)));
      }
      for (const piece of pieces) {
        if (piece.length < 4) continue;
        for (const concept of searchKana(piece)) add(concept);
      }
      // A long name misspelt by one character (アトラ情報サービス, fujitu): at most one edit inside the
      // text as the names are written (`compact`: folded, no spaces).
      for (const name of names) {
        if (compact.includes(name.text)) continue;
        // One edit leaves one half of the name as written: without either half it is not there.
        const half = name.text.length >> 1;
        if (!compact.includes(name.text.slice(0, half)) && !compact.includes(name.text.slice(half))) continue;
        if (approximateMatch(name.text, compact, 1).best <= 1) add(name.concept);
      }
      for (const m of normalized.matchAll(KANJI_RUN)) {
        for (let i = 0; i + 3 <= m[0].length; i++) {
          const piece = m[0].slice(i, i + 3);
          // Two of the three kanji must belong to some name before a search is worth it.
          let shared = 0;
          for (const ch of piece) if (nameKanji.has(ch)) shared++;
          if (shared < 2) continue;
          for (const r of kanji.search(piece, { limit: 1 })) {
            if (r.item.key.length === 3 && (r.score ?? 1) <= options.kanjiScore) add(r.item.concept);
          }
        }
      }
    },
  };
}
