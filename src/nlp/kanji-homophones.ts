// Kanji typed with the wrong homophone (停伝 for 停電): the IME offered another kanji of the same sound and the
// writer took it. The dictionary reads such a compound its own way (停伝 → 停る|伝 とまつて), so neither the
// surface nor the reading finds the term; the sounds the dictionary gives each kanji alone do (伝, 電: でん).
import { remembered } from "./bounded-memo.js";
import { ALL_KANJI, isKanjiCode } from "./char-classes.js";

export interface KanjiTerm {
  /** The term as the compact text writes it: kanji only. */
  readonly text: string;
  readonly concept: string;
}

/** What the dictionary knows: a word's readings (hiragana), none when it has no such word. */
export type ReadingsOf = (word: string) => readonly string[];

/** Terms this long (kanji): shorter ones are single words, longer ones hardly typed wrong whole. */
const MIN_KANJI = 2;
const MAX_KANJI = 5;
/** The longest piece of a window read as one word against the term's piece in the same places. */
const PIECE = 3;
const SOUNDS_KEPT = 4096;

export interface KanjiHomophones {
  /**
   * Calls `add` with the concept of each term a run of `compact` spells with a wrong homophone: as long as the
   * term, starting and ending where the dictionary's words do (`wordStart`), no word of the dictionary itself,
   * sharing at least one kanji with the term in the same place and every other kanji sharing a sound with the
   * term's kanji in its place (the dictionary's readings of each kanji alone).
   */
  find(compact: string, wordStart: (at: number) => boolean, add: (concept: string) => void): void;
}

export function createKanjiHomophones(terms: readonly KanjiTerm[], readingsOf: ReadingsOf): KanjiHomophones {
  /**
   * The terms by a kanji (its code), the place it holds and the term's length: a window is tried only against
   * terms as long as it that hold one of its kanji in the same place.
   */
  const places = new Map<number, KanjiTerm[]>();
  const placeKey = (code: number, at: number, length: number) => code * 64 + at * 8 + length;
  const seen = new Set<string>();
  for (const term of terms) {
    const length = term.text.length;
    if (length < MIN_KANJI || length > MAX_KANJI || !ALL_KANJI.test(term.text)) continue;
    if (seen.has(`${term.concept}\u0000${term.text}`)) continue;
    seen.add(`${term.concept}\u0000${term.text}`);
    for (let at = 0; at < length; at++) {
      const key = placeKey(term.text.charCodeAt(at), at, length);
      const list = places.get(key);
      if (list) list.push(term);
      else places.set(key, [term]);
    }
  }
  /** Readings of a kanji or of a few kanji as one word, as the dictionary gives them (bounded, then cleared). */
  const sounds = new Map<string, readonly string[]>();
  const soundsOf = (kanji: string): readonly string[] => remembered(sounds, kanji, SOUNDS_KEPT, readingsOf);
  const alike = (a: string, b: string) => soundsOf(a).some((sound) => soundsOf(b).includes(sound));
  /**
   * Whether `window` spells `term` (as long) with homophones: place by place, the same kanji, or a piece of one
   * to three kanji that reads as the term's piece in the same places (伝 as 電; 不二 as 富士, ふじ).
   */
  const spells = (window: string, term: string): boolean => {
    const from = (i: number): boolean => {
      if (i === term.length) return true;
      if (window[i] === term[i] && from(i + 1)) return true;
      for (let n = 1; n <= PIECE && i + n <= term.length; n++) {
        const piece = window.slice(i, i + n);
        const termPiece = term.slice(i, i + n);
        if (piece !== termPiece && alike(piece, termPiece) && from(i + n)) return true;
      }
      return false;
    };
    // One kanji at least is the term's in its place: the window was found by it.
    return window !== term && from(0);
  };
  /** Whether the window from `start` and `term` hold the same kanji in some place before `i`. */
  const sharesBefore = (compact: string, start: number, term: string, i: number): boolean => {
    for (let j = 0; j < i; j++) if (compact.charCodeAt(start + j) === term.charCodeAt(j)) return true;
    return false;
  };
  return {
    find(compact, wordStart, add) {
      if (places.size === 0) return;
      for (let from = 0; from < compact.length; ) {
        if (!isKanjiCode(compact.charCodeAt(from))) {
          from++;
          continue;
        }
        let to = from + 1;
        while (to < compact.length && isKanjiCode(compact.charCodeAt(to))) to++;
        for (let start = from; start + MIN_KANJI <= to; start++) {
          if (!wordStart(start)) continue;
          for (let end = start + MIN_KANJI; end <= Math.min(to, start + MAX_KANJI); end++) {
            if (!wordStart(end)) continue;
            const length = end - start;
            let window: string | undefined;
            for (let i = 0; i < length; i++) {
              const candidates = places.get(placeKey(compact.charCodeAt(start + i), i, length));
              if (!candidates) continue;
              for (const term of candidates) {
                // Tried once: at the first place the window and the term share.
                if (sharesBefore(compact, start, term.text, i)) continue;
                window ??= compact.slice(start, end);
                // A word of the dictionary is a word, not a slip (保健 is 保健, not 保険).
                if (spells(window, term.text) && readingsOf(window).length === 0) add(term.concept);
              }
            }
          }
        }
        from = to;
      }
    },
  };
}
