/**
 * The scripts the matcher tells apart, in one place: kanji are the CJK Unified Ideographs block
 * (U+4E00–U+9FFF), as everywhere in the matcher; hiragana U+3041–U+309F.
 */
export const HAS_KANJI = /[\u4E00-\u9FFF]/u;
/** Written in kanji only. */
export const ALL_KANJI = /^[\u4E00-\u9FFF]+$/u;
export const HAS_HIRAGANA = /[\u3041-\u309F]/u;
/** Written in hiragana only, long marks allowed (a kana term, a reading key, a "name" found in hiragana). */
export const HIRAGANA_ONLY = /^[\u3041-\u309Fー]+$/u;

/** Whether a UTF-16 code unit is a kanji (for loops that read charCodeAt). */
export function isKanjiCode(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}
